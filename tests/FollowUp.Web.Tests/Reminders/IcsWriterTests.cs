using System.Text;
using FollowUp.Web.Features.Reminders;

namespace FollowUp.Web.Tests.Reminders;

public sealed class IcsWriterTests
{
    [Fact]
    public void Long_lines_fold_at_75_octets_without_splitting_a_character_and_unfold_to_the_original()
    {
        var text = string.Concat(Enumerable.Repeat("面接のお礼メールを送る、", 12)) + "end";
        var ics = new IcsWriter().Text("SUMMARY", text).ToString();

        Assert.EndsWith("\r\n", ics, StringComparison.Ordinal);
        var lines = ics[..^2].Split("\r\n");
        Assert.True(lines.Length > 3);
        Assert.All(lines, l => Assert.InRange(Encoding.UTF8.GetByteCount(l), 1, IcsWriter.MaxOctets));
        Assert.All(lines.Skip(1), l => Assert.StartsWith(" ", l, StringComparison.Ordinal));
        Assert.Equal("SUMMARY:" + IcsWriter.Escape(text), ics[..^2].Replace("\r\n ", "", StringComparison.Ordinal));
    }

    [Fact]
    public void Text_escapes_backslash_semicolon_comma_and_newlines() =>
        Assert.Equal(@"a\\b\;c\,d\ne\nf", IcsWriter.Escape("a\\b;c,d\r\ne\nf"));
}

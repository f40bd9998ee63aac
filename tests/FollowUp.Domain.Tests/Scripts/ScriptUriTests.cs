using System.Collections.Immutable;
using FollowUp.Domain.Applications;
using FollowUp.Domain.Scripts;
using Xunit;

namespace FollowUp.Domain.Tests.Scripts;

public class ScriptUriTests
{
    private static (string To, Dictionary<string, string> Query) Parse(string uri)
    {
        Assert.StartsWith("mailto:", uri, StringComparison.Ordinal);
        Assert.DoesNotContain(" ", uri, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", uri, StringComparison.Ordinal);
        var rest = uri["mailto:".Length..];
        var q = rest.IndexOf('?', StringComparison.Ordinal);
        var to = Uri.UnescapeDataString(q < 0 ? rest : rest[..q]);
        var query = new Dictionary<string, string>();
        if (q >= 0)
        {
            foreach (var pair in rest[(q + 1)..].Split('&'))
            {
                var eq = pair.IndexOf('=', StringComparison.Ordinal);
                query[pair[..eq]] = Uri.UnescapeDataString(pair[(eq + 1)..]);
            }
        }

        return (to, query);
    }

    [Fact]
    public void Mailto_round_trips_subject_and_body()
    {
        var script = ScriptWriter.Write(ScriptKind.FollowUpEmail, ScriptFixtures.Complete(ApplicationRoute.Direct, ScriptLanguage.Japanese));

        var uri = script.ToMailtoUri("saiyo+jobs@example.co.jp");
        var (to, query) = Parse(uri);

        Assert.Equal("saiyo+jobs@example.co.jp", to);
        Assert.Equal(script.Subject, query["subject"]);
        Assert.Equal(script.Body.ReplaceLineEndings("\r\n"), query["body"]);
        Assert.Contains("%0D%0A", uri, StringComparison.Ordinal);
        Assert.True(Uri.TryCreate(uri, UriKind.Absolute, out _));
    }

    [Fact]
    public void Mailto_encodes_reserved_characters()
    {
        var script = new Script(ScriptKind.FollowUpEmail, ScriptChannel.Email, "A & B? x=1", "100% sure #1 + more\nline2", ImmutableArray<string>.Empty);

        var uri = script.ToMailtoUri();
        var (to, query) = Parse(uri);

        Assert.Equal(string.Empty, to);
        Assert.Equal(2, query.Count);
        Assert.Equal("A & B? x=1", query["subject"]);
        Assert.Equal("100% sure #1 + more\r\nline2", query["body"]);
        Assert.DoesNotContain("#", uri, StringComparison.Ordinal);
        Assert.DoesNotContain("+", uri, StringComparison.Ordinal);
    }

    [Fact]
    public void Phone_scripts_have_no_mailto()
    {
        var script = ScriptWriter.Write(ScriptKind.CallbackPhone, ScriptFixtures.Complete(ApplicationRoute.Direct, ScriptLanguage.Japanese));

        Assert.Throws<InvalidOperationException>(() => script.ToMailtoUri());
    }

    [Theory]
    [InlineData("090-1234-5678", "tel:09012345678")]
    [InlineData("０９０－１２３４－５６７８", "tel:09012345678")]
    [InlineData("090ー1234ー5678", "tel:09012345678")]
    [InlineData("03 (1234) 5678", "tel:0312345678")]
    [InlineData("03.1234.5678", "tel:0312345678")]
    [InlineData(" tel:03-1234-5678 ", "tel:0312345678")]
    [InlineData("+81 90-1234-5678", "tel:+819012345678")]
    [InlineData("+81 (0)90 1234 5678", "tel:+819012345678")]
    [InlineData("+81 090-1234-5678", "tel:+819012345678")]
    [InlineData("＋８１　９０　１２３４　５６７８", "tel:+819012345678")]
    [InlineData("0120-123-456", "tel:0120123456")]
    [InlineData(null, null)]
    [InlineData("", null)]
    [InlineData("  ", null)]
    [InlineData("--", null)]
    [InlineData("abc", null)]
    [InlineData("090-1234-5678 ext. 2", null)]
    [InlineData("03-1234+5678", null)]
    public void Tel_uri_normalises_written_numbers(string? written, string? expected)
    {
        Assert.Equal(expected, Script.ToTelUri(written));
    }
}

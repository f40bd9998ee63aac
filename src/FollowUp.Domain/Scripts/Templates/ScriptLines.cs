using System.Text;
using System.Text.RegularExpressions;

namespace FollowUp.Domain.Scripts.Templates;

/// <summary>The lines of a template: the marker for a line that does not apply, and the tidying that drops it.</summary>
internal static partial class ScriptLines
{
    /// <summary>Put on a line of its own to drop that line (an optional sentence that does not apply).</summary>
    public const string Omit = "\u0001";

    /// <summary>
    /// Joins the template's lines, drops <see cref="Omit"/> lines and extra blank lines; "\n" line ends. A
    /// sentence that ends on a name ending in a period ("Sample Co., Ltd.") gets one period, not two.
    /// </summary>
    public static string Tidy(string text)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n').Where(l => l != Omit).Select(l => DoublePeriod().Replace(l.TrimEnd(), "."));
        var sb = new StringBuilder();
        var blank = 0;
        foreach (var line in lines)
        {
            blank = line.Length == 0 ? blank + 1 : 0;
            if (blank < 2)
            {
                sb.Append(line).Append('\n');
            }
        }

        return sb.ToString().Trim('\n');
    }

    // Exactly two periods after a letter ("Ltd.."), never an ellipsis.
    [GeneratedRegex(@"(?<=\p{L})\.\.(?!\.)")]
    private static partial Regex DoublePeriod();
}

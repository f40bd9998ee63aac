using System.Globalization;
using System.Text;

namespace FollowUp.Web.Features.Reminders;

/// <summary>
/// Writes RFC 5545 iCalendar text: CRLF line ends, content lines folded at 75 octets (UTF-8, never inside a
/// character), TEXT values escaped (backslash, semicolon, comma, newline).
/// </summary>
public sealed class IcsWriter
{
    public const int MaxOctets = 75;
    private readonly StringBuilder _text = new();

    public IcsWriter Property(string name, string value)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(value);
        Fold(name + ":" + value);
        return this;
    }

    public IcsWriter Text(string name, string value) => Property(name, Escape(value));

    public IcsWriter Utc(string name, DateTime utc) => Property(name, FormatUtc(utc));

    public static string FormatUtc(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    public static string Escape(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace(";", "\\;", StringComparison.Ordinal)
            .Replace(",", "\\,", StringComparison.Ordinal)
            .Replace("\r\n", "\\n", StringComparison.Ordinal)
            .Replace("\r", "\\n", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal);
    }

    private void Fold(string line)
    {
        var octets = 0;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (octets + size > MaxOctets)
            {
                _text.Append("\r\n ");
                octets = 1; // the leading space of a continuation line counts
            }
            _text.Append(rune.ToString());
            octets += size;
        }
        _text.Append("\r\n");
    }

    public override string ToString() => _text.ToString();
}

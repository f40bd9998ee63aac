using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace FollowUp.Domain.Scripts;

/// <summary>A ready-to-use script.</summary>
/// <param name="Kind">Which script this is.</param>
/// <param name="Channel">Email or phone.</param>
/// <param name="Subject">The email subject; <see langword="null"/> for phone scripts.</param>
/// <param name="Body">The text, lines separated by "\n". Unfilled parts are marked 【…】 (Japanese) or […] (English).</param>
/// <param name="MissingFields">Keys (see <see cref="ScriptFields"/>) of the fields marked in the text, in order of first use.</param>
public sealed record Script(
    ScriptKind Kind,
    ScriptChannel Channel,
    string? Subject,
    string Body,
    ImmutableArray<string> MissingFields)
{
    /// <summary>Short advice to show beside the script (not part of the text to send or say).</summary>
    public ImmutableArray<string> Notes { get; init; } = [];

    /// <summary>Whether every placeholder was filled.</summary>
    public bool IsComplete => MissingFields.IsDefaultOrEmpty;

    /// <summary>
    /// A <c>mailto:</c> URI (RFC 6068) that opens this email in the user's mail app: subject and body
    /// percent-encoded as UTF-8, line breaks as <c>%0D%0A</c>.
    /// </summary>
    /// <param name="to">The recipient's address, if known.</param>
    /// <returns>The URI text.</returns>
    /// <exception cref="InvalidOperationException">The script is a phone script.</exception>
    public string ToMailtoUri(string? to = null)
    {
        if (Channel != ScriptChannel.Email)
        {
            throw new InvalidOperationException("Only email scripts have a mailto: URI.");
        }

        var sb = new StringBuilder("mailto:");
        if (!string.IsNullOrWhiteSpace(to))
        {
            // '@' may stay literal in the address; everything outside "unreserved" is encoded (RFC 6068 §2).
            sb.Append(Uri.EscapeDataString(to.Trim()).Replace("%40", "@", StringComparison.Ordinal));
        }

        var separator = '?';
        if (Subject is not null)
        {
            sb.Append(separator).Append("subject=").Append(Uri.EscapeDataString(Subject));
            separator = '&';
        }

        // RFC 6068 §5: line breaks in the body are CRLF, encoded %0D%0A; spaces are %20, never '+'.
        sb.Append(separator).Append("body=").Append(Uri.EscapeDataString(Body.ReplaceLineEndings("\r\n")));
        return sb.ToString();
    }

    /// <summary>
    /// A <c>tel:</c> URI for a phone number as people write it: full-width digits, spaces, hyphens, dots
    /// and brackets are accepted and dropped; a leading + is kept; "+81 (0)90…" and "+81 090…" lose the trunk 0.
    /// </summary>
    /// <param name="phoneNumber">The number, e.g. 「０３－１２３４－５６７８」 or "+81 90-1234-5678".</param>
    /// <returns>E.g. <c>tel:0312345678</c>, or <see langword="null"/> when the text is not a phone number.</returns>
    public static string? ToTelUri(string? phoneNumber)
    {
        if (string.IsNullOrWhiteSpace(phoneNumber))
        {
            return null;
        }

        // NFKC turns full-width digits and '＋' into ASCII; Japanese forms often hold full-width text.
        var text = phoneNumber.Normalize(NormalizationForm.FormKC).Trim();
        if (text.StartsWith("tel:", StringComparison.OrdinalIgnoreCase))
        {
            text = text[4..];
        }

        var plus = text.StartsWith('+');
        if (plus)
        {
            // "(0)" is the trunk prefix shown in international numbers; it is not dialled.
            text = text[1..].Replace("(0)", string.Empty, StringComparison.Ordinal);
        }

        var digits = new StringBuilder();
        foreach (var ch in text)
        {
            if (char.IsAsciiDigit(ch))
            {
                digits.Append(ch);
            }
            else if (!IsSeparator(ch))
            {
                return null;
            }
        }

        if (digits.Length < 3)
        {
            return null;
        }

        var number = digits.ToString();
        if (plus && number.StartsWith("810", StringComparison.Ordinal))
        {
            // "+81 090-…" is a common mix of both formats; the trunk 0 must go after the country code.
            number = string.Concat("81", number.AsSpan(3));
        }

        return string.Create(CultureInfo.InvariantCulture, $"tel:{(plus ? "+" : string.Empty)}{number}");
    }

    private static bool IsSeparator(char ch) =>
        char.IsWhiteSpace(ch) || ch is '-' or '.' or '(' or ')' or '/' or 'ー' or '‐' or '‑' or '‒' or '–' or '—' or '―' or '−';
}

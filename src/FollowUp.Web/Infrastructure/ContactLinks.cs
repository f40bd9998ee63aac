using FollowUp.Domain.Scripts;

namespace FollowUp.Web.Infrastructure;

/// <summary>
/// The only place pages build <c>mailto:</c> and <c>tel:</c> links from stored text. An address is percent-encoded
/// whole (RFC 6068 §2), so a quoted local part such as <c>"x?cc=evil@evil.example&amp;body=hi"@acme.example</c> stays
/// one address instead of adding a Cc and a body; a number becomes digits or no link at all.
/// </summary>
public static class ContactLinks
{
    /// <summary>A <c>mailto:</c> link to <paramref name="address"/>; null (no link) when there is no address.</summary>
    public static string? Mailto(string? address) =>
        string.IsNullOrWhiteSpace(address) ? null : "mailto:" + EncodeAddress(address);

    /// <summary>
    /// A <c>mailto:</c> link that opens <paramref name="script"/> (subject and body, encoded by the script) addressed
    /// to <paramref name="address"/>, if known.
    /// </summary>
    public static string Mailto(string? address, Script script)
    {
        ArgumentNullException.ThrowIfNull(script);
        // The script encodes its own subject and body; only the address is put in here.
        var fields = script.ToMailtoUri()["mailto:".Length..];
        return "mailto:" + (string.IsNullOrWhiteSpace(address) ? "" : EncodeAddress(address)) + fields;
    }

    /// <summary>A <c>tel:</c> link of digits (and a leading +); null when the text is not a phone number.</summary>
    public static string? Tel(string? phone) => Script.ToTelUri(phone);

    /// <summary>Everything outside RFC 3986's unreserved set is encoded, except the '@' before the domain.</summary>
    private static string EncodeAddress(string address)
    {
        var trimmed = address.Trim();
        var at = trimmed.LastIndexOf('@');
        return at <= 0
            ? Uri.EscapeDataString(trimmed)
            : Uri.EscapeDataString(trimmed[..at]) + "@" + Uri.EscapeDataString(trimmed[(at + 1)..]);
    }
}

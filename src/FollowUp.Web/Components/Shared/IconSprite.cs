using FollowUp.Web.Infrastructure;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace FollowUp.Web.Components;

/// <summary>
/// The icons that lists repeat (a step's kind, a card's "missed a call", the timeline's events, the navigation on every page), drawn once in
/// <c>/icons.svg</c> and referenced with <c>&lt;use&gt;</c>. MudBlazor writes an icon's whole SVG path into the page
/// every time it appears; Today repeats a handful of icons about 90 times, which was 54 KB of its 139 KB. Each
/// property here is a string MudBlazor accepts wherever it takes an icon (<c>MudIcon</c>, a button's
/// <c>StartIcon</c>) and that can be written inside an <c>&lt;svg&gt;</c> of our own. The sprite is built from
/// MudBlazor's own icon strings and served as a <see cref="TextAsset"/>.
/// </summary>
public static class IconSprite
{
    /// <summary>The path the sprite is served at.</summary>
    public const string Path = "/icons.svg";

    private static readonly (string Id, string Svg)[] s_icons =
    [
        ("call", Icons.Material.Outlined.Call),
        ("mail", Icons.Material.Outlined.Mail),
        ("contact-mail", Icons.Material.Outlined.ContactMail),
        ("arrow-forward", Icons.Material.Outlined.ArrowForward),
        ("checklist", Icons.Material.Outlined.Checklist),
        ("flag", Icons.Material.Outlined.Flag),
        ("phone-missed", Icons.Material.Outlined.PhoneMissed),
        ("call-received", Icons.Material.Outlined.CallReceived),
        ("do-not-disturb", Icons.Material.Outlined.DoNotDisturbOn),
        ("event", Icons.Material.Outlined.Event),
        ("today", Icons.Material.Outlined.Today),
        ("work", Icons.Material.Outlined.WorkOutline),
        ("notifications", Icons.Material.Outlined.Notifications),
        ("person", Icons.Material.Outlined.Person),
        ("manage-accounts", Icons.Material.Outlined.ManageAccounts),
    ];

    /// <summary>The sprite, one <c>&lt;symbol&gt;</c> per icon.</summary>
    public static TextAsset Asset { get; } = new(
        Path,
        "<svg xmlns=\"http://www.w3.org/2000/svg\">"
            + string.Concat(s_icons.Select(i => $"<symbol id=\"{i.Id}\" viewBox=\"0 0 24 24\">{i.Svg}</symbol>"))
            + "</svg>",
        "image/svg+xml");

    /// <summary>A telephone (call back, retry the call, a call made).</summary>
    public static string Call { get; } = Use("call");

    /// <summary>An envelope (email instead, a thank-you, an email sent).</summary>
    public static string Mail { get; } = Use("mail");

    /// <summary>A card with a person (the follow-up inquiry).</summary>
    public static string ContactMail { get; } = Use("contact-mail");

    /// <summary>An arrow forward (move on).</summary>
    public static string ArrowForward { get; } = Use("arrow-forward");

    /// <summary>A checklist (prepare).</summary>
    public static string Checklist { get; } = Use("checklist");

    /// <summary>A flag (a result, a step with no icon of its own).</summary>
    public static string Flag { get; } = Use("flag");

    /// <summary>A telephone with a missed-call arrow.</summary>
    public static string PhoneMissed { get; } = Use("phone-missed");

    /// <summary>An incoming call (the company got in touch).</summary>
    public static string CallReceived { get; } = Use("call-received");

    /// <summary>A no-entry sign (the thank-you was skipped).</summary>
    public static string DoNotDisturb { get; } = Use("do-not-disturb");

    /// <summary>A calendar page (any other event).</summary>
    public static string Event { get; } = Use("event");

    /// <summary>A calendar with today marked (the Today page, in the navigation).</summary>
    public static string Today { get; } = Use("today");

    /// <summary>A briefcase (the applications list).</summary>
    public static string Work { get; } = Use("work");

    /// <summary>A bell (reminders).</summary>
    public static string Notifications { get; } = Use("notifications");

    /// <summary>A person (the profile).</summary>
    public static string Person { get; } = Use("person");

    /// <summary>A person with a gear (the account).</summary>
    public static string ManageAccounts { get; } = Use("manage-accounts");

    /// <summary>
    /// A whole medium-sized icon as markup, the same as <c>MudIcon</c> renders, for places that stay on every page
    /// of a circuit (the header and the bottom navigation): one frame instead of a component instance each.
    /// </summary>
    public static MarkupString Svg(string icon) =>
        new($"<svg class=\"mud-icon-root mud-svg-icon mud-icon-size-medium\" focusable=\"false\" viewBox=\"0 0 24 24\" aria-hidden=\"true\">{icon}</svg>");

    private static string Use(string id) =>
        s_icons.Any(i => i.Id == id)
            ? $"<use href=\"{Asset.Href}#{id}\"></use>"
            : throw new ArgumentException($"No icon '{id}' in the sprite.", nameof(id));
}

using System.Text.Json;
using FollowUp.Domain.Advice;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace FollowUp.Web.Data;

/// <summary>
/// The etiquette settings a person can change (<see cref="PolicyLimits.Editable"/>), as stored: one JSON
/// text column on <c>Applications</c> (the per-application override, null = follow the user's default) and on
/// <c>UserDefaults</c>. A setting missing from stored JSON reads as its recommended value, so settings added
/// later need no migration. See docs/decisions/0010-policy-defaults-and-overrides.md.
/// </summary>
/// <remarks>
/// The nine properties are the stored (and exported) JSON's shape, so they stay written out, one per editable
/// setting; each is a view of the policy they make, and everything else works from the Domain's list.
/// </remarks>
public sealed record PolicySettings
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);

    // The recommended policy with these settings laid over it: what ToPolicy returns.
    private readonly EtiquettePolicy _policy = EtiquettePolicy.Default;

    public PolicySettings()
    {
    }

    private PolicySettings(EtiquettePolicy policy) => _policy = policy;

    /// <summary>The rules library's defaults (the spec's).</summary>
    public static PolicySettings Recommended { get; } = new();

    public int InquiryGraceBusinessDays { get => _policy.InquiryGraceBusinessDays; init => _policy = _policy with { InquiryGraceBusinessDays = value }; }
    public int CallbackRetryAfterBusinessDays { get => _policy.CallbackRetryAfterBusinessDays; init => _policy = _policy with { CallbackRetryAfterBusinessDays = value }; }
    public int CallbackRetryDueBusinessDays { get => _policy.CallbackRetryDueBusinessDays; init => _policy = _policy with { CallbackRetryDueBusinessDays = value }; }
    public int MaxCallAttempts { get => _policy.MaxCallAttempts; init => _policy = _policy with { MaxCallAttempts = value }; }
    public int FollowUpLimit { get => _policy.FollowUpLimit; init => _policy = _policy with { FollowUpLimit = value }; }
    public int MoveOnAfterBusinessDays { get => _policy.MoveOnAfterBusinessDays; init => _policy = _policy with { MoveOnAfterBusinessDays = value }; }
    public int CallWindowMarginHours { get => _policy.CallWindowMarginHours; init => _policy = _policy with { CallWindowMarginHours = value }; }
    public bool AvoidLunch { get => _policy.AvoidLunch; init => _policy = _policy with { AvoidLunch = value }; }
    public bool SuggestThankYou { get => _policy.SuggestThankYou; init => _policy = _policy with { SuggestThankYou = value }; }

    /// <summary>The settings of <paramref name="policy"/> a person can change.</summary>
    public static PolicySettings From(EtiquettePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var settings = EtiquettePolicy.Default;
        foreach (var setting in PolicyLimits.Editable)
        {
            settings = setting.CopyFrom(policy, settings);
        }
        return new PolicySettings(settings);
    }

    /// <summary>The rules library's policy: these settings over its defaults.</summary>
    public EtiquettePolicy ToPolicy() => _policy;

    /// <summary>
    /// The policy the rules use for an application: its own override, else the user's default, else the
    /// recommended one. Stored settings that fail <see cref="PolicyLimits"/> (edited by hand) are skipped.
    /// </summary>
    public static EtiquettePolicy Effective(PolicySettings? application, PolicySettings? userDefault) =>
        Usable(application) ?? Usable(userDefault) ?? EtiquettePolicy.Default;

    private static EtiquettePolicy? Usable(PolicySettings? settings) =>
        settings?.ToPolicy() is { } p && PolicyLimits.Check(p).Count == 0 ? p : null;

    /// <summary>Stores the settings as compact JSON text; a setting the text does not carry reads as recommended.</summary>
    public static ValueConverter Converter { get; } = new ValueConverter<PolicySettings, string>(
        v => JsonSerializer.Serialize(v, s_json),
        s => JsonSerializer.Deserialize<PolicySettings>(s, s_json) ?? Recommended);
}

using System.Text.Json;
using FollowUp.Domain.Advice;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace FollowUp.Web.Data;

/// <summary>
/// The etiquette settings a person can change (a subset of <see cref="EtiquettePolicy"/>), as stored: one JSON
/// text column on <c>Applications</c> (the per-application override, null = follow the user's default) and on
/// <c>UserDefaults</c>. A setting missing from stored JSON reads as its recommended value, so settings added
/// later need no migration. See docs/decisions/0010-policy-defaults-and-overrides.md.
/// </summary>
public sealed record PolicySettings
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);

    /// <summary>The rules library's defaults (the spec's).</summary>
    public static PolicySettings Recommended { get; } = new();

    public int InquiryGraceBusinessDays { get; init; } = EtiquettePolicy.Default.InquiryGraceBusinessDays;
    public int CallbackRetryAfterBusinessDays { get; init; } = EtiquettePolicy.Default.CallbackRetryAfterBusinessDays;
    public int CallbackRetryDueBusinessDays { get; init; } = EtiquettePolicy.Default.CallbackRetryDueBusinessDays;
    public int MaxCallAttempts { get; init; } = EtiquettePolicy.Default.MaxCallAttempts;
    public int FollowUpLimit { get; init; } = EtiquettePolicy.Default.FollowUpLimit;
    public int MoveOnAfterBusinessDays { get; init; } = EtiquettePolicy.Default.MoveOnAfterBusinessDays;
    public int CallWindowMarginHours { get; init; } = EtiquettePolicy.Default.CallWindowMarginHours;
    public bool AvoidLunch { get; init; } = EtiquettePolicy.Default.AvoidLunch;
    public bool SuggestThankYou { get; init; } = EtiquettePolicy.Default.SuggestThankYou;

    /// <summary>The settings of <paramref name="policy"/> a person can change.</summary>
    public static PolicySettings From(EtiquettePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return new PolicySettings
        {
            InquiryGraceBusinessDays = policy.InquiryGraceBusinessDays,
            CallbackRetryAfterBusinessDays = policy.CallbackRetryAfterBusinessDays,
            CallbackRetryDueBusinessDays = policy.CallbackRetryDueBusinessDays,
            MaxCallAttempts = policy.MaxCallAttempts,
            FollowUpLimit = policy.FollowUpLimit,
            MoveOnAfterBusinessDays = policy.MoveOnAfterBusinessDays,
            CallWindowMarginHours = policy.CallWindowMarginHours,
            AvoidLunch = policy.AvoidLunch,
            SuggestThankYou = policy.SuggestThankYou,
        };
    }

    /// <summary>The rules library's policy: these settings over its defaults.</summary>
    public EtiquettePolicy ToPolicy() => EtiquettePolicy.Default with
    {
        InquiryGraceBusinessDays = InquiryGraceBusinessDays,
        CallbackRetryAfterBusinessDays = CallbackRetryAfterBusinessDays,
        CallbackRetryDueBusinessDays = CallbackRetryDueBusinessDays,
        MaxCallAttempts = MaxCallAttempts,
        FollowUpLimit = FollowUpLimit,
        MoveOnAfterBusinessDays = MoveOnAfterBusinessDays,
        CallWindowMarginHours = CallWindowMarginHours,
        AvoidLunch = AvoidLunch,
        SuggestThankYou = SuggestThankYou,
    };

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

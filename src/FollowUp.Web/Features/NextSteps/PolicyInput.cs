using FollowUp.Domain.Advice;
using FollowUp.Domain.Calendar;
using FollowUp.Web.Data;
using FollowUp.Web.Infrastructure;

namespace FollowUp.Web.Features.NextSteps;

/// <summary>
/// The rules a person can change (<see cref="PolicySettings"/>) as a form: the user's default on the settings
/// page, or one application's own rules. The ranges and cross-checks are the domain's (<see cref="PolicyLimits"/>).
/// </summary>
public sealed class PolicyInput : IValidatedInput
{
    public int? InquiryGraceBusinessDays { get; set; }
    public int? CallbackRetryAfterBusinessDays { get; set; }
    public int? CallbackRetryDueBusinessDays { get; set; }
    public int? MaxCallAttempts { get; set; }
    public int? FollowUpLimit { get; set; }
    public int? MoveOnAfterBusinessDays { get; set; }
    public int? CallWindowMarginHours { get; set; }
    public bool AvoidLunch { get; set; }
    public bool SuggestThankYou { get; set; }

    /// <summary>The number fields in the order the forms show them.</summary>
    public static IReadOnlyList<string> NumberFields { get; } =
    [
        nameof(InquiryGraceBusinessDays), nameof(FollowUpLimit), nameof(MoveOnAfterBusinessDays),
        nameof(CallbackRetryAfterBusinessDays), nameof(CallbackRetryDueBusinessDays), nameof(MaxCallAttempts),
        nameof(CallWindowMarginHours),
    ];

    public static PolicyInput From(PolicySettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new()
        {
            InquiryGraceBusinessDays = settings.InquiryGraceBusinessDays,
            CallbackRetryAfterBusinessDays = settings.CallbackRetryAfterBusinessDays,
            CallbackRetryDueBusinessDays = settings.CallbackRetryDueBusinessDays,
            MaxCallAttempts = settings.MaxCallAttempts,
            FollowUpLimit = settings.FollowUpLimit,
            MoveOnAfterBusinessDays = settings.MoveOnAfterBusinessDays,
            CallWindowMarginHours = settings.CallWindowMarginHours,
            AvoidLunch = settings.AvoidLunch,
            SuggestThankYou = settings.SuggestThankYou,
        };
    }

    public IReadOnlyList<FieldError> Validate() => Parse(calendar: null, prefix: "", out _);

    /// <summary>
    /// Checks every field (named <paramref name="prefix"/> + property, so a form that nests this input can show
    /// each message beside its field); when all are fine, the settings.
    /// </summary>
    /// <param name="calendar">The company calendar the rules will be used with, if known (checks the call window).</param>
    /// <param name="prefix">Put before each field name, e.g. "Policy.".</param>
    /// <param name="settings">The settings, or null when there are errors.</param>
    internal List<FieldError> Parse(CompanyCalendar? calendar, string prefix, out PolicySettings? settings)
    {
        var errors = new List<FieldError>();
        settings = null;
        var values = new Dictionary<string, int?>
        {
            [nameof(InquiryGraceBusinessDays)] = InquiryGraceBusinessDays,
            [nameof(CallbackRetryAfterBusinessDays)] = CallbackRetryAfterBusinessDays,
            [nameof(CallbackRetryDueBusinessDays)] = CallbackRetryDueBusinessDays,
            [nameof(MaxCallAttempts)] = MaxCallAttempts,
            [nameof(FollowUpLimit)] = FollowUpLimit,
            [nameof(MoveOnAfterBusinessDays)] = MoveOnAfterBusinessDays,
            [nameof(CallWindowMarginHours)] = CallWindowMarginHours,
        };
        foreach (var (name, value) in values.Where(v => v.Value is null))
        {
            errors.Add(new FieldError(prefix + name, "Validation.Required"));
        }
        if (errors.Count > 0)
        {
            return errors;
        }
        var candidate = new PolicySettings
        {
            InquiryGraceBusinessDays = InquiryGraceBusinessDays!.Value,
            CallbackRetryAfterBusinessDays = CallbackRetryAfterBusinessDays!.Value,
            CallbackRetryDueBusinessDays = CallbackRetryDueBusinessDays!.Value,
            MaxCallAttempts = MaxCallAttempts!.Value,
            FollowUpLimit = FollowUpLimit!.Value,
            MoveOnAfterBusinessDays = MoveOnAfterBusinessDays!.Value,
            CallWindowMarginHours = CallWindowMarginHours!.Value,
            AvoidLunch = AvoidLunch,
            SuggestThankYou = SuggestThankYou,
        };
        foreach (var problem in PolicyLimits.Check(candidate.ToPolicy(), calendar))
        {
            var field = prefix + problem.Setting;
            errors.Add(problem.Kind switch
            {
                PolicyProblemKind.OutOfRange => new FieldError(field, "Validation.Range", problem.Min, problem.Max),
                PolicyProblemKind.EndBeforeStart => new FieldError(field, "Validation.RetryDueBeforeAfter", candidate.CallbackRetryAfterBusinessDays),
                _ => new FieldError(field, "Validation.NoCallWindow"),
            });
        }
        settings = errors.Count == 0 ? candidate : null;
        return errors;
    }
}

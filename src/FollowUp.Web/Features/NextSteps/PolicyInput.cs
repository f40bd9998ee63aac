using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using FollowUp.Domain.Advice;
using FollowUp.Domain.Calendar;
using FollowUp.Web.Data;
using FollowUp.Web.Infrastructure;

namespace FollowUp.Web.Features.NextSteps;

/// <summary>
/// The rules a person can change (<see cref="PolicyLimits.Editable"/>) as a form: the user's default on the
/// settings page, or one application's own rules. The ranges and cross-checks are the domain's (<see cref="PolicyLimits"/>).
/// </summary>
/// <remarks>
/// The properties exist for the fields' <c>For</c> expressions (a validation message shows beside the member it
/// names) and for code that sets one rule; each is a view of the values kept by setting, which is what
/// <see cref="From"/>, <see cref="Parse"/> and the form iterate over.
/// </remarks>
public sealed class PolicyInput : IValidatedInput
{
    private readonly Dictionary<string, int?> _numbers = [];
    private readonly Dictionary<string, bool> _switches = [];

    /// <summary>The number fields in the order the forms show them.</summary>
    public static ImmutableArray<PolicyNumber> NumberFields { get; } = [.. PolicyLimits.Editable.OfType<PolicyNumber>()];

    /// <summary>The on/off fields in the order the forms show them (after the numbers).</summary>
    public static ImmutableArray<PolicySetting<bool>> SwitchFields { get; } = [.. PolicyLimits.Editable.OfType<PolicySetting<bool>>()];

    public int? InquiryGraceBusinessDays { get => Number(); set => SetNumber(value); }
    public int? CallbackRetryAfterBusinessDays { get => Number(); set => SetNumber(value); }
    public int? CallbackRetryDueBusinessDays { get => Number(); set => SetNumber(value); }
    public int? MaxCallAttempts { get => Number(); set => SetNumber(value); }
    public int? FollowUpLimit { get => Number(); set => SetNumber(value); }
    public int? MoveOnAfterBusinessDays { get => Number(); set => SetNumber(value); }
    public int? CallWindowMarginHours { get => Number(); set => SetNumber(value); }
    public bool AvoidLunch { get => Switch(); set => SetSwitch(value); }
    public bool SuggestThankYou { get => Switch(); set => SetSwitch(value); }

    /// <summary>The value typed for <paramref name="setting"/>; null while the field is empty.</summary>
    public int? this[PolicyNumber setting]
    {
        get => Number(setting.Name);
        set => SetNumber(value, setting.Name);
    }

    /// <summary>Whether <paramref name="setting"/> is ticked.</summary>
    public bool this[PolicySetting<bool> setting]
    {
        get => Switch(setting.Name);
        set => SetSwitch(value, setting.Name);
    }

    public static PolicyInput From(PolicySettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var policy = settings.ToPolicy();
        var input = new PolicyInput();
        foreach (var number in NumberFields)
        {
            input[number] = number.Read(policy);
        }
        foreach (var setting in SwitchFields)
        {
            input[setting] = setting.Read(policy);
        }
        return input;
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
        var policy = EtiquettePolicy.Default;
        foreach (var number in NumberFields)
        {
            if (this[number] is { } value)
            {
                policy = number.With(policy, value);
            }
            else
            {
                errors.Add(new FieldError(prefix + number.Name, "Validation.Required"));
            }
        }
        if (errors.Count > 0)
        {
            return errors;
        }
        foreach (var setting in SwitchFields)
        {
            policy = setting.With(policy, this[setting]);
        }
        foreach (var problem in PolicyLimits.Check(policy, calendar))
        {
            var field = prefix + problem.Setting;
            errors.Add(problem.Kind switch
            {
                PolicyProblemKind.OutOfRange => new FieldError(field, "Validation.Range", problem.Min, problem.Max),
                PolicyProblemKind.EndBeforeStart => new FieldError(field, "Validation.RetryDueBeforeAfter", policy.CallbackRetryAfterBusinessDays),
                _ => new FieldError(field, "Validation.NoCallWindow"),
            });
        }
        settings = errors.Count == 0 ? PolicySettings.From(policy) : null;
        return errors;
    }

    // The properties above are named after their settings, so the caller's name is the key.
    private int? Number([CallerMemberName] string name = "") => _numbers.GetValueOrDefault(name);

    private void SetNumber(int? value, [CallerMemberName] string name = "") => _numbers[name] = value;

    private bool Switch([CallerMemberName] string name = "") => _switches.GetValueOrDefault(name);

    private void SetSwitch(bool value, [CallerMemberName] string name = "") => _switches[name] = value;
}

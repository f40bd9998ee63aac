using System.Collections.Immutable;
using FollowUp.Domain.Calendar;

namespace FollowUp.Domain.Advice;

/// <summary>What is wrong with one setting of an <see cref="EtiquettePolicy"/>.</summary>
public enum PolicyProblemKind
{
    /// <summary>The value lies outside <see cref="PolicyProblem.Min"/>..<see cref="PolicyProblem.Max"/>.</summary>
    OutOfRange = 1,

    /// <summary>A "by the end of" number is smaller than its "at the earliest" partner (e.g. retry due before retry after).</summary>
    EndBeforeStart = 2,

    /// <summary>The call-window margin (with the lunch break) leaves no time to call within the company's hours.</summary>
    NoCallWindow = 3,
}

/// <summary>One problem with one setting; <paramref name="Setting"/> is the <see cref="EtiquettePolicy"/> property name.</summary>
/// <param name="Setting">The property of <see cref="EtiquettePolicy"/> at fault.</param>
/// <param name="Kind">What is wrong.</param>
/// <param name="Min">The smallest accepted value (for <see cref="PolicyProblemKind.OutOfRange"/>).</param>
/// <param name="Max">The largest accepted value (for <see cref="PolicyProblemKind.OutOfRange"/>).</param>
public sealed record PolicyProblem(string Setting, PolicyProblemKind Kind, int Min = 0, int Max = 0);

/// <summary>
/// The one owner of what an <see cref="EtiquettePolicy"/> may hold: a table of its settings (<see cref="Settings"/>)
/// with, for each number, the floor the rules need and the range a person may choose, and which settings a person
/// may change (<see cref="Editable"/>). The engine refuses only nonsense (<see cref="EnsureUsable"/>: negative
/// counts); settings forms, the import and the stored overrides go through <see cref="Check"/>, whose ranges are
/// wide enough for any real company and narrow enough to catch typos (a 300-day grace period).
/// </summary>
public static class PolicyLimits
{
    /// <summary>
    /// Every setting, in the order of <see cref="EtiquettePolicy"/>'s properties (the order problems are reported in).
    /// </summary>
    public static ImmutableArray<PolicySetting> Settings { get; } =
    [
        // Numbers: name, form position (0: only the spec sets it), floor, min, max, read, set[, not below].
        Number(nameof(EtiquettePolicy.CallWindowMarginHours), form: 7, 0, 0, 2, p => p.CallWindowMarginHours, (p, v) => p with { CallWindowMarginHours = v }),
        new PolicySetting<bool>(nameof(EtiquettePolicy.AvoidLunch), formPosition: 8, p => p.AvoidLunch, (p, v) => p with { AvoidLunch = v }),
        Number(nameof(EtiquettePolicy.CallbackRetryAfterBusinessDays), form: 4, 1, 1, 10, p => p.CallbackRetryAfterBusinessDays, (p, v) => p with { CallbackRetryAfterBusinessDays = v }),
        Number(nameof(EtiquettePolicy.CallbackRetryDueBusinessDays), form: 5, 1, 1, 15, p => p.CallbackRetryDueBusinessDays, (p, v) => p with { CallbackRetryDueBusinessDays = v },
            notBelow: p => p.CallbackRetryAfterBusinessDays),
        Number(nameof(EtiquettePolicy.MaxCallAttempts), form: 6, 1, 1, 10, p => p.MaxCallAttempts, (p, v) => p with { MaxCallAttempts = v }),
        Number(nameof(EtiquettePolicy.InquiryGraceBusinessDays), form: 1, 0, 0, 20, p => p.InquiryGraceBusinessDays, (p, v) => p with { InquiryGraceBusinessDays = v }),
        Number(nameof(EtiquettePolicy.UnspecifiedWaitDays), form: 0, 0, 0, 60, p => p.UnspecifiedWaitDays, (p, v) => p with { UnspecifiedWaitDays = v }),
        Number(nameof(EtiquettePolicy.UnspecifiedDueDays), form: 0, 0, 0, 90, p => p.UnspecifiedDueDays, (p, v) => p with { UnspecifiedDueDays = v },
            notBelow: p => p.UnspecifiedWaitDays),
        Number(nameof(EtiquettePolicy.UnderReviewRecheckDays), form: 0, 0, 0, 90, p => p.UnderReviewRecheckDays, (p, v) => p with { UnderReviewRecheckDays = v }),
        Number(nameof(EtiquettePolicy.UnderReviewMinWaitDays), form: 0, 0, 0, 60, p => p.UnderReviewMinWaitDays, (p, v) => p with { UnderReviewMinWaitDays = v }),
        Number(nameof(EtiquettePolicy.FollowUpLimit), form: 2, 0, 0, 5, p => p.FollowUpLimit, (p, v) => p with { FollowUpLimit = v }),
        Number(nameof(EtiquettePolicy.MoveOnAfterBusinessDays), form: 3, 0, 0, 30, p => p.MoveOnAfterBusinessDays, (p, v) => p with { MoveOnAfterBusinessDays = v }),
        new PolicySetting<bool>(nameof(EtiquettePolicy.SuggestThankYou), formPosition: 9, p => p.SuggestThankYou, (p, v) => p with { SuggestThankYou = v }),
    ];

    /// <summary>The settings a person may change, in the order the forms show them (the numbers, then the switches).</summary>
    public static ImmutableArray<PolicySetting> Editable { get; } =
        [.. Settings.Where(static s => s.PersonMayEdit).OrderBy(static s => s.FormPosition)];

    private static readonly ImmutableArray<PolicyNumber> s_numbers = [.. Settings.OfType<PolicyNumber>()];

    /// <summary>Accepted range of every number, by <see cref="EtiquettePolicy"/> property name.</summary>
    public static ImmutableDictionary<string, (int Min, int Max)> Ranges { get; } =
        s_numbers.ToImmutableDictionary(static n => n.Name, static n => (n.Min, n.Max));

    /// <summary>
    /// Refuses a policy the rules cannot run with: a number below its <see cref="PolicyNumber.Floor"/>, or the end
    /// of a span before its start. The engine calls this on every advice; it allows what <see cref="Check"/> refuses.
    /// </summary>
    /// <param name="policy">The policy to check.</param>
    /// <exception cref="ArgumentException">A setting is below its floor; the message names it.</exception>
    public static void EnsureUsable(EtiquettePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        foreach (var number in s_numbers)
        {
            var value = number.Read(policy);
            var floor = number.FloorIn(policy);
            if (value < floor)
            {
                throw new ArgumentException($"Policy {number.Name} must be at least {floor} (was {value}).", nameof(policy));
            }
        }
    }

    /// <summary>Every problem with <paramref name="policy"/> as a person's choice; empty when it may be used.</summary>
    /// <param name="policy">The policy to check.</param>
    /// <param name="calendar">
    /// The calendar it will be used with, when known: then a margin that leaves no call window is refused too.
    /// </param>
    /// <returns>The problems, in property order.</returns>
    public static IReadOnlyList<PolicyProblem> Check(EtiquettePolicy policy, CompanyCalendar? calendar = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var problems = new List<PolicyProblem>();
        foreach (var number in s_numbers)
        {
            var value = number.Read(policy);
            if (value < number.Min || value > number.Max)
            {
                problems.Add(new PolicyProblem(number.Name, PolicyProblemKind.OutOfRange, number.Min, number.Max));
            }
        }

        foreach (var number in s_numbers)
        {
            if (number.ClosesSpan && number.Read(policy) < number.FloorIn(policy))
            {
                problems.Add(new PolicyProblem(number.Name, PolicyProblemKind.EndBeforeStart));
            }
        }

        if (calendar is not null && problems.Count == 0 && !LeavesCallWindow(calendar, policy))
        {
            problems.Add(new PolicyProblem(nameof(policy.CallWindowMarginHours), PolicyProblemKind.NoCallWindow));
        }
        return problems;
    }

    private static PolicyNumber Number(
        string name, int form, int floor, int min, int max, Func<EtiquettePolicy, int> read, Func<EtiquettePolicy, int, EtiquettePolicy> with,
        Func<EtiquettePolicy, int>? notBelow = null) =>
        new(name, form, read, with, floor, min, max, notBelow);

    /// <summary>
    /// False only when the calendar itself is fine (its days and hours) but this policy's margin and lunch break
    /// leave no time to call in its hours; a calendar's own faults are reported by its own checks.
    /// </summary>
    private static bool LeavesCallWindow(CompanyCalendar calendar, EtiquettePolicy policy) =>
        BusinessCalendar.DaysProblem(calendar, out _) is not null
        || CallHours.TryCreate(calendar.Hours, policy.CallWindowMarginHours, policy.AvoidLunch, out _, out var problem)
        || problem is not (CallHoursProblem.MarginFillsDay or CallHoursProblem.LunchFillsRest);
}

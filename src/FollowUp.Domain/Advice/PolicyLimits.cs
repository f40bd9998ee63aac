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
/// The values a person may choose for each number of an <see cref="EtiquettePolicy"/>: wide enough for any real
/// company, narrow enough to catch typos (a 300-day grace period). The engine itself only refuses nonsense
/// (negative counts); settings forms, the import and the stored overrides go through <see cref="Check"/>.
/// </summary>
public static class PolicyLimits
{
    /// <summary>Accepted range of every number, by <see cref="EtiquettePolicy"/> property name.</summary>
    public static ImmutableDictionary<string, (int Min, int Max)> Ranges { get; } = new Dictionary<string, (int Min, int Max)>
    {
        [nameof(EtiquettePolicy.CallWindowMarginHours)] = (0, 2),
        [nameof(EtiquettePolicy.CallbackRetryAfterBusinessDays)] = (1, 10),
        [nameof(EtiquettePolicy.CallbackRetryDueBusinessDays)] = (1, 15),
        [nameof(EtiquettePolicy.MaxCallAttempts)] = (1, 10),
        [nameof(EtiquettePolicy.InquiryGraceBusinessDays)] = (0, 20),
        [nameof(EtiquettePolicy.UnspecifiedWaitDays)] = (0, 60),
        [nameof(EtiquettePolicy.UnspecifiedDueDays)] = (0, 90),
        [nameof(EtiquettePolicy.UnderReviewRecheckDays)] = (0, 90),
        [nameof(EtiquettePolicy.UnderReviewMinWaitDays)] = (0, 60),
        [nameof(EtiquettePolicy.FollowUpLimit)] = (0, 5),
        [nameof(EtiquettePolicy.MoveOnAfterBusinessDays)] = (0, 30),
    }.ToImmutableDictionary();

    /// <summary>Every problem with <paramref name="policy"/>; empty when it may be used.</summary>
    /// <param name="policy">The policy to check.</param>
    /// <param name="calendar">
    /// The calendar it will be used with, when known: then a margin that leaves no call window is refused too.
    /// </param>
    /// <returns>The problems, in property order.</returns>
    public static IReadOnlyList<PolicyProblem> Check(EtiquettePolicy policy, CompanyCalendar? calendar = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var problems = new List<PolicyProblem>();
        void InRange(string name, int value)
        {
            var (min, max) = Ranges[name];
            if (value < min || value > max)
            {
                problems.Add(new PolicyProblem(name, PolicyProblemKind.OutOfRange, min, max));
            }
        }

        InRange(nameof(policy.CallWindowMarginHours), policy.CallWindowMarginHours);
        InRange(nameof(policy.CallbackRetryAfterBusinessDays), policy.CallbackRetryAfterBusinessDays);
        InRange(nameof(policy.CallbackRetryDueBusinessDays), policy.CallbackRetryDueBusinessDays);
        InRange(nameof(policy.MaxCallAttempts), policy.MaxCallAttempts);
        InRange(nameof(policy.InquiryGraceBusinessDays), policy.InquiryGraceBusinessDays);
        InRange(nameof(policy.UnspecifiedWaitDays), policy.UnspecifiedWaitDays);
        InRange(nameof(policy.UnspecifiedDueDays), policy.UnspecifiedDueDays);
        InRange(nameof(policy.UnderReviewRecheckDays), policy.UnderReviewRecheckDays);
        InRange(nameof(policy.UnderReviewMinWaitDays), policy.UnderReviewMinWaitDays);
        InRange(nameof(policy.FollowUpLimit), policy.FollowUpLimit);
        InRange(nameof(policy.MoveOnAfterBusinessDays), policy.MoveOnAfterBusinessDays);
        if (policy.CallbackRetryDueBusinessDays < policy.CallbackRetryAfterBusinessDays)
        {
            problems.Add(new PolicyProblem(nameof(policy.CallbackRetryDueBusinessDays), PolicyProblemKind.EndBeforeStart));
        }
        if (policy.UnspecifiedDueDays < policy.UnspecifiedWaitDays)
        {
            problems.Add(new PolicyProblem(nameof(policy.UnspecifiedDueDays), PolicyProblemKind.EndBeforeStart));
        }
        if (calendar is not null && problems.Count == 0 && !LeavesCallWindow(calendar, policy))
        {
            problems.Add(new PolicyProblem(nameof(policy.CallWindowMarginHours), PolicyProblemKind.NoCallWindow));
        }
        return problems;
    }

    /// <summary>False only when the calendar works without margin and lunch break but not with this policy's.</summary>
    private static bool LeavesCallWindow(CompanyCalendar calendar, EtiquettePolicy policy) =>
        Builds(calendar, policy) || !Builds(calendar, policy with { CallWindowMarginHours = 0, AvoidLunch = false });

    private static bool Builds(CompanyCalendar calendar, EtiquettePolicy policy)
    {
        try
        {
            _ = new BusinessCalendar(calendar, policy);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}

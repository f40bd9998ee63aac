using FollowUp.Domain.Advice;
using FollowUp.Web.Features.NextSteps;
using FollowUp.Web.Infrastructure;

namespace FollowUp.Web.Features.Reminders;

/// <summary>A reminder the plan wants; (InterviewId, StepKind, Kind, OpensAt) is its idempotency key.</summary>
public sealed record WantedReminder(
    int InterviewId, StepKind StepKind, ReminderKind Kind, DateTime OpensAt, DateTime? ClosesAt, DateTime DueAtUtc)
{
    /// <summary>The idempotency key as a value.</summary>
    public (int, StepKind, ReminderKind, DateTime) Key => (InterviewId, StepKind, Kind, OpensAt);
}

/// <summary>
/// Which reminders an application's advice calls for. Pure: the same advice always gives the same plan, so
/// recomputing after every write finds the same rows (by key) instead of adding new ones.
/// </summary>
public static class ReminderPlanner
{
    /// <summary>How long before a window closes the "closing soon" reminder is due.</summary>
    public static readonly TimeSpan ClosingSoonLead = TimeSpan.FromHours(3);

    /// <summary>
    /// One "window opens" reminder per actionable step, and a "closing soon" reminder for steps whose window
    /// is longer than <see cref="ClosingSoonLead"/> and has not closed yet. No reminders for <see cref="StepKind.Prepare"/>
    /// (it is "now" until the interview) or <see cref="StepKind.Done"/>.
    /// </summary>
    public static IReadOnlyList<WantedReminder> Plan(ApplicationAdvice advice, string timeZoneId)
    {
        ArgumentNullException.ThrowIfNull(advice);
        if (advice.Interview is not { } interview || advice.Advice is not { } steps)
        {
            return [];
        }
        var zone = TimeZones.Find(timeZoneId);
        var wanted = new List<WantedReminder>();
        foreach (var step in steps.Steps)
        {
            if (step.Kind is StepKind.Prepare or StepKind.Done)
            {
                continue;
            }
            wanted.Add(new WantedReminder(interview.Id, step.Kind, ReminderKind.WindowOpens, step.OpensAt, step.ClosesAt,
                TimeZones.ToUtc(step.OpensAt, zone)));
            if (step.ClosesAt is { } closes && closes - ClosingSoonLead > step.OpensAt && closes > advice.LocalNow)
            {
                wanted.Add(new WantedReminder(interview.Id, step.Kind, ReminderKind.ClosingSoon, step.OpensAt, closes,
                    TimeZones.ToUtc(closes - ClosingSoonLead, zone)));
            }
        }
        return [.. wanted.DistinctBy(w => w.Key)];
    }
}

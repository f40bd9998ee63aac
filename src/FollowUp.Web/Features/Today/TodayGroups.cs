using FollowUp.Domain.Advice;
using FollowUp.Web.Features.Applications;

namespace FollowUp.Web.Features.Today;

/// <summary>
/// The Today page's groups. <b>Do now</b>: open steps, overdue first, then by closing time. <b>Coming up</b>:
/// action steps (calls, emails, preparation) whose window opens within <see cref="Horizon"/>, soonest first.
/// <b>Waiting</b>: nothing to do but wait — a follow-up or move-on that has not opened yet, or anything opening
/// later than the horizon — by opening time. Finished applications and ones without an interview go last.
/// </summary>
public sealed record TodayGroups(
    IReadOnlyList<ApplicationSummary> DoNow,
    IReadOnlyList<ApplicationSummary> ComingUp,
    IReadOnlyList<ApplicationSummary> Waiting,
    IReadOnlyList<ApplicationSummary> Other)
{
    public static readonly TimeSpan Horizon = TimeSpan.FromDays(14);

    public bool IsEmpty => DoNow.Count + ComingUp.Count + Waiting.Count + Other.Count == 0;

    public static TodayGroups Build(IEnumerable<ApplicationSummary> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var doNow = new List<ApplicationSummary>();
        var comingUp = new List<ApplicationSummary>();
        var waiting = new List<ApplicationSummary>();
        var other = new List<ApplicationSummary>();
        foreach (var item in items)
        {
            var now = item.Advice.LocalNow;
            switch (item.Advice.Primary)
            {
                case null or { Kind: StepKind.Done }:
                    other.Add(item);
                    break;
                case { } step when step.IsOpenAt(now):
                    doNow.Add(item);
                    break;
                case { Kind: StepKind.FollowUp or StepKind.MoveOn }:
                    waiting.Add(item);
                    break;
                case { } step when step.OpensAt - now <= Horizon:
                    comingUp.Add(item);
                    break;
                default:
                    waiting.Add(item);
                    break;
            }
        }
        return new TodayGroups(
            [.. doNow.OrderByDescending(i => i.Advice.Primary!.Overdue).ThenBy(i => i.Advice.Primary!.ClosesAt ?? DateTime.MaxValue).ThenBy(i => i.Company, StringComparer.Ordinal)],
            [.. comingUp.OrderBy(i => i.Advice.Primary!.OpensAt)],
            [.. waiting.OrderBy(i => i.Advice.Primary!.OpensAt)],
            [.. other.OrderByDescending(i => i.UpdatedAtUtc)]);
    }

    /// <summary>The next moment the grouping can change (a window opens or closes), for the page to refresh itself.</summary>
    public static DateTime? NextChange(IEnumerable<ApplicationSummary> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        DateTime? next = null;
        foreach (var item in items)
        {
            if (item.Advice.Primary is not { } step)
            {
                continue;
            }
            foreach (var t in new[] { step.OpensAt, step.ClosesAt })
            {
                if (t is not null && t > item.Advice.LocalNow && (next is null || t < next))
                {
                    next = t;
                }
            }
        }
        return next;
    }
}

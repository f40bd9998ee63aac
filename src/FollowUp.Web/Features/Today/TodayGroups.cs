using FollowUp.Domain.Advice;
using FollowUp.Web.Features.Applications;

namespace FollowUp.Web.Features.Today;

/// <summary>
/// What a Today card needs about one application. The page keeps these for as long as it is open (one set
/// per connected tab), so they hold only the primary step, not the whole advice.
/// </summary>
/// <param name="Id">The application's id.</param>
/// <param name="Company">Company name.</param>
/// <param name="TimeZoneId">The application's time zone, for the logging dialog's default time.</param>
/// <param name="Step">The primary step, if any.</param>
/// <param name="LocalNow">Now on the company's clock.</param>
/// <param name="InterviewId">The interview the step is about, if any.</param>
/// <param name="UpdatedAtUtc">Last change, to order finished applications.</param>
public sealed record TodayItem(int Id, string Company, string TimeZoneId, NextStep? Step, DateTime LocalNow, int? InterviewId, DateTime UpdatedAtUtc)
{
    /// <summary>The card of <paramref name="summary"/>.</summary>
    public static TodayItem From(ApplicationSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return new TodayItem(
            summary.Id, summary.Company, summary.TimeZoneId, summary.Advice.Primary, summary.Advice.LocalNow,
            summary.Advice.Interview?.Id, summary.UpdatedAtUtc);
    }

    /// <summary>This item with the step's explanation written in <paramref name="cultureName"/> only (the page holds
    /// every item while it is open), or left empty where the card does not show it (compact cards).</summary>
    public TodayItem Explained(ApplicationSummary summary, string cultureName, bool withWhy)
    {
        ArgumentNullException.ThrowIfNull(summary);
        if (Step is null)
        {
            return this;
        }
        if (!withWhy)
        {
            return ReferenceEquals(Step.Explanation, LocalizedText.Empty) ? this : this with { Step = Step with { Explanation = LocalizedText.Empty } };
        }
        var why = (summary.ExplainedPrimary() ?? Step).Explanation.For(cultureName);
        return this with { Step = Step with { Explanation = new LocalizedText(why, why) } };
    }
}

/// <summary>
/// The Today page's groups. <b>Do now</b>: open steps, overdue first, then by closing time. <b>Coming up</b>:
/// action steps (calls, emails, preparation) whose window opens within <see cref="Horizon"/>, soonest first.
/// <b>Waiting</b>: nothing to do but wait — a follow-up or move-on that has not opened yet, or anything opening
/// later than the horizon — by opening time. Finished applications and ones without an interview go last.
/// </summary>
/// <param name="DoNow">Open steps.</param>
/// <param name="ComingUp">Steps opening within the horizon.</param>
/// <param name="Waiting">Nothing to do yet.</param>
/// <param name="Other">Finished, or no interview yet.</param>
/// <param name="NextChangeIn">How long until the grouping can change (a window opens or closes), for the page to
/// refresh itself. A duration rather than a time, because applications may be on different clocks.</param>
/// <param name="HasSample">Whether any application is sample data.</param>
public sealed record TodayGroups(
    IReadOnlyList<TodayItem> DoNow,
    IReadOnlyList<TodayItem> ComingUp,
    IReadOnlyList<TodayItem> Waiting,
    IReadOnlyList<TodayItem> Other,
    TimeSpan? NextChangeIn,
    bool HasSample)
{
    public static readonly TimeSpan Horizon = TimeSpan.FromDays(14);

    public bool IsEmpty => DoNow.Count + ComingUp.Count + Waiting.Count + Other.Count == 0;

    /// <summary>Groups <paramref name="items"/>; explanations are written only where the cards show them, in
    /// <paramref name="cultureName"/> (default: the current UI culture).</summary>
    public static TodayGroups Build(IEnumerable<ApplicationSummary> items, string? cultureName = null)
    {
        ArgumentNullException.ThrowIfNull(items);
        var culture = cultureName ?? System.Globalization.CultureInfo.CurrentUICulture.Name;
        var doNow = new List<(TodayItem Item, ApplicationSummary Summary)>();
        var comingUp = new List<(TodayItem Item, ApplicationSummary Summary)>();
        var waiting = new List<(TodayItem Item, ApplicationSummary Summary)>();
        var other = new List<(TodayItem Item, ApplicationSummary Summary)>();
        TimeSpan? next = null;
        var hasSample = false;
        foreach (var summary in items)
        {
            hasSample |= summary.IsSample;
            var item = TodayItem.From(summary);
            var now = item.LocalNow;
            switch (item.Step)
            {
                case null or { Kind: StepKind.Done }:
                    other.Add((item, summary));
                    break;
                case { } step when step.IsOpenAt(now):
                    doNow.Add((item, summary));
                    break;
                case { Kind: StepKind.FollowUp or StepKind.MoveOn }:
                    waiting.Add((item, summary));
                    break;
                case { } step when step.OpensAt - now <= Horizon:
                    comingUp.Add((item, summary));
                    break;
                default:
                    waiting.Add((item, summary));
                    break;
            }
            next = Earliest(next, item);
        }
        return new TodayGroups(
            [.. doNow.OrderByDescending(i => i.Item.Step!.Overdue).ThenBy(i => i.Item.Step!.ClosesAt ?? DateTime.MaxValue)
                .ThenBy(i => i.Item.Company, StringComparer.Ordinal).Select(i => i.Item.Explained(i.Summary, culture, withWhy: true))],
            [.. comingUp.OrderBy(i => i.Item.Step!.OpensAt).Select(i => i.Item.Explained(i.Summary, culture, withWhy: true))],
            [.. waiting.OrderBy(i => i.Item.Step!.OpensAt).Select(i => i.Item.Explained(i.Summary, culture, withWhy: false))],
            [.. other.OrderByDescending(i => i.Item.UpdatedAtUtc).Select(i => i.Item.Explained(i.Summary, culture, withWhy: false))],
            next,
            hasSample);
    }

    /// <summary>The sooner of <paramref name="next"/> and the item's next opening or closing after its now.</summary>
    private static TimeSpan? Earliest(TimeSpan? next, TodayItem item)
    {
        if (item.Step is not { } step)
        {
            return next;
        }
        foreach (var t in new[] { step.OpensAt, step.ClosesAt })
        {
            if (t is { } at && at > item.LocalNow && (next is null || at - item.LocalNow < next))
            {
                next = at - item.LocalNow;
            }
        }
        return next;
    }
}

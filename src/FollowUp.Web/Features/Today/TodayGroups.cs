using System.Runtime.CompilerServices;
using FollowUp.Domain.Advice;
using FollowUp.Web.Features.Applications;
using FollowUp.Web.Features.NextSteps;

namespace FollowUp.Web.Features.Today;

/// <summary>
/// What a Today card needs about one application. The page keeps these for as long as it is open (one set
/// per connected tab), so they hold only the primary step, without its explanation; a card that shows the
/// explanation writes it when it renders (<see cref="ExplainedStep"/>), so hidden cards never pay for it.
/// </summary>
/// <param name="Id">The application's id.</param>
/// <param name="Company">Company name.</param>
/// <param name="TimeZoneId">The application's time zone, for the logging dialog's default time.</param>
/// <param name="Step">The primary step (explanation not written), if any.</param>
/// <param name="LocalNow">Now on the company's clock.</param>
/// <param name="InterviewId">The interview the step is about, if any.</param>
/// <param name="UpdatedAtUtc">Last change, to order finished applications.</param>
/// <param name="Inputs">The rules' inputs (shared with the list cache), to write the explanation.</param>
public sealed record TodayItem(
    int Id, string Company, string TimeZoneId, NextStep? Step, DateTime LocalNow, int? InterviewId, DateTime UpdatedAtUtc,
    AdviceInputs? Inputs = null)
{
    /// <summary>The card of <paramref name="summary"/>.</summary>
    public static TodayItem From(ApplicationSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return new TodayItem(
            summary.Id, summary.Company, summary.TimeZoneId, summary.Advice.Primary, summary.Advice.LocalNow,
            summary.Advice.Interview?.Id, summary.UpdatedAtUtc, summary.Inputs);
    }

    /// <summary>The card of a cached list entry at <paramref name="utcNow"/>: the primary step only, unexplained.</summary>
    public static TodayItem From(ApplicationEntry entry, DateTimeOffset utcNow)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var localNow = entry.Inputs.LocalNow(utcNow);
        return new TodayItem(
            entry.Id, entry.Company, entry.Inputs.Zone.Id, entry.Inputs.PrimaryStep(localNow, explain: false), localNow,
            entry.Inputs.Interview?.Id, entry.UpdatedAtUtc, entry.Inputs);
    }

    /// <summary>The step with its explanation written (at the same moment the step was computed for).</summary>
    public NextStep? ExplainedStep() =>
        Step is { } step && ReferenceEquals(step.Explanation, LocalizedText.Empty) && Inputs is { } inputs
            ? inputs.ExplainedPrimary(LocalNow) ?? step
            : Step;
}

/// <summary>
/// The Today page's groups. <b>Do now</b>: open steps, overdue first, then by closing time. <b>Coming up</b>:
/// steps of any kind (a call, an email, the day one may inquire) whose window opens within <see cref="Horizon"/>,
/// soonest first. <b>Waiting</b>: nothing to do until after the horizon, by opening time. Finished applications and
/// ones without an interview go last.
/// </summary>
/// <param name="DoNow">Open steps.</param>
/// <param name="ComingUp">Steps opening within the horizon.</param>
/// <param name="Waiting">Nothing to do yet.</param>
/// <param name="Other">Finished, or no interview yet.</param>
/// <param name="NextChangeIn">How long until what the cards show can change (a window opens or closes, or a new day
/// turns 明日 "tomorrow" into 今日 "today"), for the page to refresh itself. A duration rather than a time, because
/// applications may be on different clocks.</param>
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

    /// <summary>Groups <paramref name="items"/> (list rows).</summary>
    public static TodayGroups Build(IEnumerable<ApplicationSummary> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var list = items.ToList();
        return Build(list.Select(TodayItem.From), list.Exists(i => i.IsSample));
    }

    /// <summary>How long one build of a snapshot's groups is reused (<see cref="For"/>).</summary>
    public static readonly TimeSpan ReuseFor = TimeSpan.FromMinutes(1);

    // The last build per snapshot. Weak keys: the entry goes when the snapshot does (evicted, or replaced
    // after a write), so a write is never served stale groups and the table needs no size limit.
    private static readonly ConditionalWeakTable<ApplicationSnapshot, Built> LastBuilt = [];

    private sealed record Built(DateTimeOffset At, DateTimeOffset Until, TodayGroups Groups);

    /// <summary>
    /// The groups of <paramref name="snapshot"/> at <paramref name="utcNow"/>, reusing the last build of the same
    /// snapshot while it is at most <see cref="ReuseFor"/> old and nothing its cards show has changed since
    /// (<see cref="NextChangeIn"/>). Grouping hundreds of applications on every view of Today is the page's
    /// biggest cost after rendering, and within that span the result differs only in the "now" its cards were
    /// computed for, by under a minute, which no text on them shows. A write makes a new snapshot (ADR 0012).
    /// </summary>
    public static TodayGroups For(ApplicationSnapshot snapshot, DateTimeOffset utcNow)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (LastBuilt.TryGetValue(snapshot, out var last) && last.At <= utcNow && utcNow < last.Until)
        {
            // Same groups; only the time to the next change has run down (the page's refresh timer uses it).
            return last.Groups with { NextChangeIn = last.Groups.NextChangeIn - (utcNow - last.At) };
        }
        var groups = Build(snapshot, utcNow);
        var reuse = groups.NextChangeIn is { } next && next < ReuseFor ? next : ReuseFor;
        LastBuilt.AddOrUpdate(snapshot, new Built(utcNow, utcNow + reuse, groups));
        return groups;
    }

    /// <summary>Groups the user's cached applications at <paramref name="utcNow"/>.</summary>
    public static TodayGroups Build(ApplicationSnapshot snapshot, DateTimeOffset utcNow)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var items = new TodayItem[snapshot.Entries.Length];
        var hasSample = false;
        for (var i = 0; i < items.Length; i++)
        {
            var entry = snapshot.Entries[i];
            items[i] = TodayItem.From(entry, utcNow);
            hasSample |= entry.IsSample;
        }
        return Build(items, hasSample);
    }

    /// <summary>Groups <paramref name="items"/>.</summary>
    public static TodayGroups Build(IEnumerable<TodayItem> items, bool hasSample)
    {
        ArgumentNullException.ThrowIfNull(items);
        // Sized for the whole list up front: this runs on every Today view, for hundreds of applications.
        var capacity = items.TryGetNonEnumeratedCount(out var count) ? count : 0;
        var doNow = new List<TodayItem>(capacity);
        var comingUp = new List<TodayItem>(capacity);
        var waiting = new List<TodayItem>(capacity);
        var other = new List<TodayItem>(capacity);
        TimeSpan? next = null;
        foreach (var item in items)
        {
            var now = item.LocalNow;
            switch (item.Step)
            {
                case null or { Kind: StepKind.Done }:
                    other.Add(item);
                    break;
                case { } step when step.IsOpenAt(now):
                    doNow.Add(item);
                    break;
                // Whatever its kind, a step that opens within the horizon is coming up: the group's empty text
                // ("nothing opens in the next two weeks") can never contradict a card below it.
                case { } step when step.OpensAt - now <= Horizon:
                    comingUp.Add(item);
                    break;
                default:
                    waiting.Add(item);
                    break;
            }
            next = Earliest(next, item);
        }
        return new TodayGroups(
            [.. doNow.OrderByDescending(i => i.Step!.Overdue).ThenBy(i => i.Step!.ClosesAt ?? DateTime.MaxValue).ThenBy(i => i.Company, StringComparer.Ordinal)],
            [.. comingUp.OrderBy(i => i.Step!.OpensAt)],
            [.. waiting.OrderBy(i => i.Step!.OpensAt)],
            [.. other.OrderByDescending(i => i.UpdatedAtUtc)],
            next,
            hasSample);
    }

    /// <summary>The sooner of <paramref name="next"/> and the item's next opening, closing or midnight after its now.</summary>
    private static TimeSpan? Earliest(TimeSpan? next, TodayItem item)
    {
        if (item.Step is not { } step)
        {
            return next;
        }
        // Midnight too: a card's window says 今日/明日 (today/tomorrow), which a new day changes.
        return Sooner(Sooner(Sooner(next, step.OpensAt), step.ClosesAt), item.LocalNow.Date.AddDays(1));

        TimeSpan? Sooner(TimeSpan? soonest, DateTime? at) =>
            at > item.LocalNow && (soonest is null || at - item.LocalNow < soonest) ? at - item.LocalNow : soonest;
    }
}

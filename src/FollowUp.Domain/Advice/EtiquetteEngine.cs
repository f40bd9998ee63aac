using System.Collections.Immutable;
using FollowUp.Domain.Calendar;
using FollowUp.Domain.Events;
using static FollowUp.Domain.Advice.Steps;

namespace FollowUp.Domain.Advice;

/// <summary>
/// The etiquette rules (R1–R12) as a pure function: given an interview, what happened since, the company's
/// calendar under the policy and the current time, what to do next and when. <see cref="Advise"/> is the
/// entry point; <see cref="Primary"/> is its cheap form for lists, and <see cref="PromisedDate"/> and
/// <see cref="LatestCallback"/> expose two of the facts it counts so that nothing else counts them another way.
/// It keeps no state: the prepared <see cref="BusinessCalendar"/> is the caller's to build and keep.
/// </summary>
public static class EtiquetteEngine
{
    /// <summary>Every applicable step, and the primary one (the first group of the spec that applies).</summary>
    /// <param name="interview">The interview and its reply promise.</param>
    /// <param name="events">What happened, in any order.</param>
    /// <param name="calendar">
    /// The company's calendar under the policy to apply. Building one is the costly part and it is immutable,
    /// so a caller that asks many times under the same settings builds it once and keeps it.
    /// </param>
    /// <param name="now">The current local wall-clock time.</param>
    /// <returns>The advice.</returns>
    /// <exception cref="ArgumentException">An input is nonsensical (negative counts, a missing promise date, …).</exception>
    public static Advice Advise(InterviewFacts interview, IReadOnlyList<ContactEvent> events, BusinessCalendar calendar, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        PolicyLimits.EnsureUsable(calendar.Policy);
        var facts = EventFacts.Scan(interview, events, now);
        var ctx = new Context(interview, calendar, calendar.Policy, now, facts);
        var fmt = new TextFormat(now);

        // A callback owed ranks above a result: a company that calls after an offer, a rejection or
        // "next round" is called back (spec v2, group 1 before group 2).
        var drafts = new List<Draft>(4);
        if (CallbackStep(in ctx) is { } callback)
        {
            drafts.Add(callback);
        }

        if (facts.DoneAt is not null)
        {
            drafts.Add(Done(in ctx));
        }
        else
        {
            if (now < interview.At)
            {
                drafts.Add(Prepare(in ctx));
            }

            if (ThankYouStep(in ctx) is { } thanks)
            {
                drafts.Add(thanks);
            }

            drafts.Add(Ladder(in ctx));
        }

        var steps = ImmutableArray.CreateBuilder<NextStep>(drafts.Count);
        foreach (var draft in drafts)
        {
            steps.Add(Materialize(draft, in ctx, fmt));
        }

        return new Advice(steps[0], steps.MoveToImmutable());
    }

    /// <summary>
    /// Only the primary step of <see cref="Advise"/>, the cheap call for lists and reminders; with
    /// <paramref name="explain"/> false its <see cref="NextStep.Explanation"/> is <see cref="LocalizedText.Empty"/>
    /// and everything else is the same. Writing the explanation is most of the cost, and lists that only group
    /// and sort steps do not show it.
    /// </summary>
    /// <param name="interview">The interview and its reply promise.</param>
    /// <param name="events">What happened, in any order.</param>
    /// <param name="calendar">The company's calendar under the policy to apply.</param>
    /// <param name="now">The current local wall-clock time.</param>
    /// <param name="explain">Whether to write the explanation.</param>
    /// <returns>The primary step.</returns>
    /// <exception cref="ArgumentException">An input is nonsensical, as for <see cref="Advise"/>.</exception>
    public static NextStep Primary(InterviewFacts interview, IReadOnlyList<ContactEvent> events, BusinessCalendar calendar, DateTime now, bool explain = true)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        PolicyLimits.EnsureUsable(calendar.Policy);
        var facts = EventFacts.Scan(interview, events, now);
        var ctx = new Context(interview, calendar, calendar.Policy, now, facts);
        var draft = CallbackStep(in ctx)
            ?? (facts.DoneAt is not null ? Done(in ctx)
            : now < interview.At ? Prepare(in ctx)
            : ThankYouStep(in ctx) ?? Ladder(in ctx));
        return explain ? Materialize(draft, in ctx, new TextFormat(now)) : Unexplained(draft, in ctx);
    }

    /// <summary>
    /// The latest callback thread exactly as the rules count it, so that what the scripts quote (the missed
    /// call, the attempts that did not connect, whether the callback is late) is never counted a second way.
    /// </summary>
    /// <param name="interview">The interview and its reply promise.</param>
    /// <param name="events">What happened, in any order.</param>
    /// <param name="calendar">The company's calendar under the policy to apply (when the callback was due).</param>
    /// <param name="now">The current local wall-clock time: later events have not happened yet.</param>
    /// <returns>The thread of the latest missed call that asks for a callback, open or closed; <see langword="null"/> when there is none.</returns>
    /// <exception cref="ArgumentException">An event or the promise is nonsensical, as for <see cref="Advise"/>.</exception>
    public static CallbackThread? LatestCallback(InterviewFacts interview, IReadOnlyList<ContactEvent> events, BusinessCalendar calendar, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var attempts = new List<DateTime>();
        var f = EventFacts.Scan(interview, events, now, attempts);
        if (!f.ThreadSeen)
        {
            return null;
        }

        var (_, dueBy) = FirstCallbackWindow(calendar, f.MissedAt);

        // Late means the first call back came (or, while none has, now is) after the day it was due; a thread
        // closed by their own call or a result before we called was never late on our side.
        var first = attempts.Count > 0 ? attempts[0] : f.ReachedAt ?? (f.ThreadOpen ? now : (DateTime?)null);
        return new CallbackThread(f.MissedAt, f.Voicemail, [.. attempts], dueBy, f.ThreadOpen, f.ReachedAt, first > dueBy);
    }

    /// <summary>
    /// The promised reply date D: from the interview's promise, replaced by the latest "still under review"
    /// answer when it gave a new date; <see langword="null"/> when no date is known.
    /// </summary>
    /// <param name="interview">The interview and its reply promise.</param>
    /// <param name="events">What happened, in any order.</param>
    /// <param name="calendar">The calendar (for "within N business days").</param>
    /// <param name="now">The current local wall-clock time: later events have not happened yet.</param>
    /// <returns>D, or <see langword="null"/>.</returns>
    public static DateOnly? PromisedDate(InterviewFacts interview, IReadOnlyList<ContactEvent> events, BusinessCalendar calendar, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var facts = EventFacts.Scan(interview, events, now);
        return facts.ReviewAt is not null ? facts.ReviewNewDate : PromisedByInterview(interview, calendar);
    }

    /// <summary>The date the interview's promise points at (the spec's table), ignoring later answers.</summary>
    internal static DateOnly? PromisedByInterview(InterviewFacts interview, BusinessCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(interview);
        ArgumentNullException.ThrowIfNull(calendar);
        var promise = interview.Promise ?? throw new ArgumentException("The interview has no reply promise; use ReplyPromise.Unspecified.", nameof(interview));
        var day = DateOnly.FromDateTime(interview.At);
        return promise.Kind switch
        {
            ReplyPromiseKind.Unspecified => null,
            ReplyPromiseKind.ByDate => promise.Date ?? throw new ArgumentException("A 'byDate' promise needs a date.", nameof(interview)),
            ReplyPromiseKind.WithinDays => day.AddDays(Count(promise)),
            ReplyPromiseKind.WithinWeeks => day.AddDays(checked(7 * Count(promise))),
            ReplyPromiseKind.WithinBusinessDays => calendar.AddBusinessDays(day, Count(promise)),
            _ => throw new ArgumentException($"Unknown promise kind '{promise.Kind}'.", nameof(interview)),
        };

        static int Count(ReplyPromise p) => p.Count switch
        {
            null => throw new ArgumentException($"A '{p.Kind}' promise needs a count.", nameof(interview)),
            < 0 => throw new ArgumentException($"A '{p.Kind}' promise cannot have a negative count ({p.Count}).", nameof(interview)),
            > 3660 => throw new ArgumentException($"A '{p.Kind}' promise of {p.Count} is not a plausible reply window.", nameof(interview)),
            { } n => n,
        };
    }

    private static NextStep Materialize(Draft d, in Context c, TextFormat fmt)
    {
        var overdue = IsOverdue(d, in c);
        return new NextStep(d.Kind, d.OpensAt, d.ClosesAt, overdue, d.Rule, Explanations.For(d, overdue, in c, fmt));
    }

    private static NextStep Unexplained(Draft d, in Context c) =>
        new(d.Kind, d.OpensAt, d.ClosesAt, IsOverdue(d, in c), d.Rule, LocalizedText.Empty);

    private static bool IsOverdue(Draft d, in Context c) => d.ClosesAt is { } closes && c.Now > closes;
}

using System.Collections.Immutable;
using FollowUp.Domain.Calendar;
using FollowUp.Domain.Events;

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
    private static readonly TimeSpan s_thankYouOpensAfter = TimeSpan.FromHours(1);
    private static readonly TimeSpan s_thankYouClosesAfter = TimeSpan.FromHours(48);

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
        var facts = Scan(interview, events, now);
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
        var facts = Scan(interview, events, now);
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
        var f = Scan(interview, events, now, attempts);
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
        var facts = Scan(interview, events, now);
        return facts.ReviewAt is not null ? facts.ReviewNewDate : PromisedByInterview(interview, calendar);
    }

    /// <summary>The date the interview's promise points at (the spec's table), ignoring later answers.</summary>
    private static DateOnly? PromisedByInterview(InterviewFacts interview, BusinessCalendar calendar)
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

    // ---- One pass over the events, in time order ----

    /// <summary>
    /// Gathers the facts of every event dated at or before <paramref name="now"/>; later ones have not happened yet.
    /// A list passed as <paramref name="attempts"/> collects the times of the counted callback attempts (only
    /// <see cref="LatestCallback"/> needs them; advice itself allocates nothing for them).
    /// </summary>
    private static Facts Scan(InterviewFacts interview, IReadOnlyList<ContactEvent> events, DateTime now, List<DateTime>? attempts = null)
    {
        ArgumentNullException.ThrowIfNull(interview);
        ArgumentNullException.ThrowIfNull(events);
        if (interview.Promise is null)
        {
            throw new ArgumentException("The interview has no reply promise; use ReplyPromise.Unspecified.", nameof(interview));
        }

        var facts = new Facts { AttemptTimes = attempts };
        if (IsSorted(events))
        {
            for (var i = 0; i < events.Count && events[i].At <= now; i++)
            {
                Apply(ref facts, events[i]);
            }
        }
        else
        {
            // OrderBy is stable: events at the same minute keep the order they were given in.
            foreach (var e in events.OrderBy(static e => e.At))
            {
                if (e.At > now)
                {
                    break;
                }

                Apply(ref facts, e);
            }
        }

        return facts;
    }

    private static bool IsSorted(IReadOnlyList<ContactEvent> events)
    {
        for (var i = 0; i < events.Count; i++)
        {
            if (events[i] is null)
            {
                throw new ArgumentException($"Event #{i} is null.", nameof(events));
            }

            if (i > 0 && events[i].At < events[i - 1].At)
            {
                return false;
            }
        }

        return true;
    }

    private static void Apply(ref Facts f, ContactEvent e)
    {
        switch (e)
        {
            case MissedCall m:
                if ((uint)m.Voicemail > (uint)VoicemailKind.NoCallbackNeeded)
                {
                    throw new ArgumentException($"Unknown voicemail kind '{m.Voicemail}'.", nameof(e));
                }

                // The spec's thread starts at the latest missed call that asks for (or allows) a callback;
                // a "no need to call back" voicemail neither opens one nor closes an earlier one.
                if (m.Voicemail != VoicemailKind.NoCallbackNeeded)
                {
                    f.ThreadOpen = true;
                    f.ThreadSeen = true;
                    f.MissedAt = m.At;
                    f.Voicemail = m.Voicemail;
                    f.Attempts = 0;
                    f.AttemptTimes?.Clear();
                    f.ReachedAt = null;
                }

                break;
            case CallMade c:
                if ((uint)c.Outcome > (uint)CallOutcome.LeftVoicemail || (uint)(c.Purpose ?? CallPurpose.CallBack) > (uint)CallPurpose.FollowUp)
                {
                    throw new ArgumentException("Unknown call outcome or purpose.", nameof(e));
                }

                var isCallback = c.Purpose == CallPurpose.CallBack || (c.Purpose is null && f.ThreadOpen);
                if (!isCallback && c.Outcome != CallOutcome.NoAnswer)
                {
                    f.FollowUps++;
                    f.LastFollowUpAt = c.At;
                    f.UnansweredFollowUpCall = false;
                }
                else if (!isCallback)
                {
                    // A follow-up call nobody answered asked nothing: the one follow-up is still to come.
                    f.UnansweredFollowUpCall = true;
                }

                if (c.Outcome == CallOutcome.Reached)
                {
                    if (f.ThreadOpen)
                    {
                        f.ReachedAt = c.At;
                    }

                    f.ThreadOpen = false;
                }
                else if (isCallback && f.ThreadOpen)
                {
                    f.Attempts++;
                    f.LastAttemptAt = c.At;
                    f.LastAttemptOutcome = c.Outcome;
                    f.AttemptTimes?.Add(c.At);
                }

                break;
            case EmailSent s:
                switch (s.Purpose)
                {
                    case EmailPurpose.ThankYou:
                        f.ThankYouSent = true;
                        break;
                    case EmailPurpose.FollowUp:
                        f.FollowUps++;
                        f.LastFollowUpAt = s.At;
                        f.UnansweredFollowUpCall = false;
                        break;
                    case EmailPurpose.Other:
                        break;
                    default:
                        throw new ArgumentException($"Unknown email purpose '{s.Purpose}'.", nameof(e));
                }

                break;
            case ContactReceived r:
                if ((uint)r.Channel > (uint)ContactChannel.Email)
                {
                    throw new ArgumentException($"Unknown channel '{r.Channel}'.", nameof(e));
                }

                f.ThreadOpen = false;
                break;
            case ResultReceived r:
                f.ThreadOpen = false;
                switch (r.Outcome)
                {
                    case ResultOutcome.UnderReview:
                        // An answer resets the follow-up count; a new date replaces D.
                        f.ReviewAt = r.At;
                        f.ReviewNewDate = r.NewDate;
                        f.FollowUps = 0;
                        f.UnansweredFollowUpCall = false;
                        break;
                    case ResultOutcome.Offer or ResultOutcome.Rejected or ResultOutcome.NextRound:
                        f.DoneAt = r.At;
                        f.DoneOutcome = r.Outcome;
                        break;
                    default:
                        throw new ArgumentException($"Unknown result outcome '{r.Outcome}'.", nameof(e));
                }

                break;
            case ThankYouSkipped:
                f.ThankYouSkipped = true;
                break;
            default:
                throw new ArgumentException($"Unknown event type '{e.GetType().Name}'.", nameof(e));
        }
    }

    // ---- The groups of the spec ----

    private static Draft Done(in Context c) =>
        new(StepKind.Done, c.Facts.DoneAt!.Value, null, RuleId.R5);

    private static Draft? CallbackStep(in Context c)
    {
        ref readonly var f = ref c.Facts;
        if (!f.ThreadOpen)
        {
            return null;
        }

        var cal = c.Calendar;
        if (f.Attempts == 0)
        {
            var (opens, closes) = FirstCallbackWindow(cal, f.MissedAt);
            var rule = c.Now > closes ? RuleId.R4 : opens > f.MissedAt ? RuleId.R2 : RuleId.R1;
            return new Draft(StepKind.CallBack, opens, closes, rule);
        }

        if (f.Attempts < c.Policy.MaxCallAttempts)
        {
            var last = DateOnly.FromDateTime(f.LastAttemptAt);
            var opens = cal.NextCallMoment(cal.AddBusinessDays(last, c.Policy.CallbackRetryAfterBusinessDays).ToDateTime(TimeOnly.MinValue));
            var closes = cal.DayEnd(cal.AddBusinessDays(last, c.Policy.CallbackRetryDueBusinessDays));
            return new Draft(StepKind.RetryCall, opens, closes, RuleId.R3);
        }

        return new Draft(StepKind.EmailInstead, f.LastAttemptAt, null, RuleId.R3);
    }

    /// <summary>When the first callback opens and by when it is due (R1, R2): the one place that says when a callback becomes late.</summary>
    private static (DateTime Opens, DateTime Closes) FirstCallbackWindow(BusinessCalendar cal, DateTime missedAt)
    {
        var opens = cal.NextCallMoment(missedAt);
        return (opens, cal.DayEnd(DateOnly.FromDateTime(opens)));
    }

    private static Draft Prepare(in Context c) => new(StepKind.Prepare, c.Now, c.Interview.At, RuleId.R12);

    private static Draft? ThankYouStep(in Context c)
    {
        var closes = c.Interview.At + s_thankYouClosesAfter;
        return c.Policy.SuggestThankYou && !c.Facts.ThankYouSent && !c.Facts.ThankYouSkipped && c.Now < closes
            ? new Draft(StepKind.SendThankYou, c.Interview.At + s_thankYouOpensAfter, closes, RuleId.R11)
            : null;
    }

    private static Draft Ladder(in Context c)
    {
        ref readonly var f = ref c.Facts;
        var policy = c.Policy;
        var (firstOpens, firstCloses, firstRule) = FirstFollowUp(in c);

        if (f.FollowUps >= policy.FollowUpLimit)
        {
            // R9, never before the first follow-up would have opened: an early inquiry must not make the
            // app call the application lost before the company's own date has passed.
            if (f.FollowUps == 0)
            {
                return new Draft(StepKind.MoveOn, firstOpens, null, c.Interview.ContactsSuccessfulOnly ? RuleId.R10 : RuleId.R9);
            }

            var afterLast = AfterLastFollowUp(in c);
            return new Draft(StepKind.MoveOn, afterLast > firstOpens ? afterLast : firstOpens, null, RuleId.R9);
        }

        if (c.Interview.ContactsSuccessfulOnly)
        {
            return new Draft(StepKind.MoveOn, firstOpens, null, RuleId.R10);
        }

        return f.FollowUps == 0
            ? new Draft(StepKind.FollowUp, firstOpens, firstCloses, firstRule)
            : new Draft(StepKind.FollowUp, AfterLastFollowUp(in c), null, RuleId.R9); // only when the user raised the limit
    }

    internal static DateTime AfterLastFollowUp(in Context c)
    {
        var day = c.Calendar.AddBusinessDays(DateOnly.FromDateTime(c.Facts.LastFollowUpAt), c.Policy.MoveOnAfterBusinessDays);
        return c.Calendar.NextCallMoment(day.ToDateTime(TimeOnly.MinValue));
    }

    private static (DateTime Opens, DateTime? Closes, RuleId Rule) FirstFollowUp(in Context c)
    {
        ref readonly var f = ref c.Facts;
        var cal = c.Calendar;
        var policy = c.Policy;
        var interviewDay = DateOnly.FromDateTime(c.Interview.At);

        if (f.ReviewAt is { } reviewAt && f.ReviewNewDate is null)
        {
            var a = interviewDay.AddDays(policy.UnderReviewRecheckDays);
            var b = DateOnly.FromDateTime(reviewAt).AddDays(policy.UnderReviewMinWaitDays);
            return (OpensOn(cal, a > b ? a : b), null, RuleId.R8);
        }

        if (c.PromisedDate is { } d)
        {
            return (OpensOn(cal, cal.AddBusinessDays(d, policy.InquiryGraceBusinessDays)), null, RuleId.R6);
        }

        var opens = OpensOn(cal, interviewDay.AddDays(policy.UnspecifiedWaitDays));
        var due = cal.NextCallMoment(interviewDay.AddDays(policy.UnspecifiedDueDays).ToDateTime(TimeOnly.MinValue));
        return (opens, cal.DayEnd(DateOnly.FromDateTime(due)), RuleId.R7);
    }

    private static DateTime OpensOn(BusinessCalendar cal, DateOnly day) => cal.NextCallMoment(day.ToDateTime(TimeOnly.MinValue));

    private static NextStep Materialize(Draft d, in Context c, TextFormat fmt)
    {
        var overdue = IsOverdue(d, in c);
        return new NextStep(d.Kind, d.OpensAt, d.ClosesAt, overdue, d.Rule, Explanations.For(d, overdue, in c, fmt));
    }

    private static NextStep Unexplained(Draft d, in Context c) =>
        new(d.Kind, d.OpensAt, d.ClosesAt, IsOverdue(d, in c), d.Rule, LocalizedText.Empty);

    private static bool IsOverdue(Draft d, in Context c) => d.ClosesAt is { } closes && c.Now > closes;

    /// <summary>A step before its explanation is written (the text is only built for steps that are returned).</summary>
    internal readonly record struct Draft(StepKind Kind, DateTime OpensAt, DateTime? ClosesAt, RuleId Rule);

    /// <summary>What the events say, gathered in one pass.</summary>
    internal struct Facts
    {
        public DateTime? DoneAt;
        public ResultOutcome DoneOutcome;
        public bool ThreadOpen;
        public bool ThreadSeen;
        public DateTime MissedAt;
        public VoicemailKind Voicemail;
        public int Attempts;
        public DateTime LastAttemptAt;
        public CallOutcome LastAttemptOutcome;
        public List<DateTime>? AttemptTimes;
        public DateTime? ReachedAt;
        public bool ThankYouSent;
        public bool ThankYouSkipped;
        public DateTime? ReviewAt;
        public DateOnly? ReviewNewDate;
        public int FollowUps;
        public DateTime LastFollowUpAt;
        public bool UnansweredFollowUpCall;
    }

    /// <summary>Everything a step builder needs.</summary>
    internal readonly struct Context
    {
        public Context(InterviewFacts interview, BusinessCalendar calendar, EtiquettePolicy policy, DateTime now, Facts facts)
        {
            Interview = interview;
            Calendar = calendar;
            Policy = policy;
            Now = now;
            Facts = facts;

            // A later "under review" answer replaces D: with its new date, or with no date at all (R8).
            PromisedDate = facts.ReviewAt is not null ? facts.ReviewNewDate : PromisedByInterview(interview, calendar);
        }

        public readonly InterviewFacts Interview;
        public readonly BusinessCalendar Calendar;
        public readonly EtiquettePolicy Policy;
        public readonly DateTime Now;
        public readonly Facts Facts;
        public readonly DateOnly? PromisedDate;
    }
}

using FollowUp.Domain.Calendar;

namespace FollowUp.Domain.Advice;

/// <summary>
/// The groups of the spec, each turning the facts into a step (a <see cref="Draft"/>) or none;
/// <see cref="EtiquetteEngine"/> decides which of them apply and writes the explanations.
/// </summary>
internal static class Steps
{
    private static readonly TimeSpan s_thankYouOpensAfter = TimeSpan.FromHours(1);
    private static readonly TimeSpan s_thankYouClosesAfter = TimeSpan.FromHours(48);

    internal static Draft Done(in Context c) =>
        new(StepKind.Done, c.Facts.DoneAt!.Value, null, RuleId.R5);

    internal static Draft? CallbackStep(in Context c)
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
    internal static (DateTime Opens, DateTime Closes) FirstCallbackWindow(BusinessCalendar cal, DateTime missedAt)
    {
        var opens = cal.NextCallMoment(missedAt);
        return (opens, cal.DayEnd(DateOnly.FromDateTime(opens)));
    }

    internal static Draft Prepare(in Context c) => new(StepKind.Prepare, c.Now, c.Interview.At, RuleId.R12);

    internal static Draft? ThankYouStep(in Context c)
    {
        var closes = c.Interview.At + s_thankYouClosesAfter;
        return c.Policy.SuggestThankYou && !c.Facts.ThankYouSent && !c.Facts.ThankYouSkipped && c.Now < closes
            ? new Draft(StepKind.SendThankYou, c.Interview.At + s_thankYouOpensAfter, closes, RuleId.R11)
            : null;
    }

    internal static Draft Ladder(in Context c)
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

    /// <summary>A step before its explanation is written (the text is only built for steps that are returned).</summary>
    internal readonly record struct Draft(StepKind Kind, DateTime OpensAt, DateTime? ClosesAt, RuleId Rule);

    /// <summary>Everything a step builder needs.</summary>
    internal readonly struct Context
    {
        public Context(InterviewFacts interview, BusinessCalendar calendar, EtiquettePolicy policy, DateTime now, EventFacts facts)
        {
            Interview = interview;
            Calendar = calendar;
            Policy = policy;
            Now = now;
            Facts = facts;

            // A later "under review" answer replaces D: with its new date, or with no date at all (R8).
            PromisedDate = facts.ReviewAt is not null ? facts.ReviewNewDate : EtiquetteEngine.PromisedByInterview(interview, calendar);
        }

        public readonly InterviewFacts Interview;
        public readonly BusinessCalendar Calendar;
        public readonly EtiquettePolicy Policy;
        public readonly DateTime Now;
        public readonly EventFacts Facts;
        public readonly DateOnly? PromisedDate;
    }
}

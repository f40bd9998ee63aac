using System.Globalization;
using FollowUp.Domain.Advice;
using FollowUp.Domain.Calendar;
using FollowUp.Domain.Events;
using Xunit;

namespace FollowUp.Domain.Tests;

/// <summary>Each rule on its own (R1–R12), plus the decisions the spec leaves open.</summary>
public sealed class EngineRuleTests
{
    private static DateTime T(string s) => DateTime.ParseExact(s, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static DateOnly D(string s) => DateOnly.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    // Monday 2026-11-16 14:00, reply within 14 days (D = 11/30, follow-up from 12/3).
    private static readonly InterviewFacts s_interview = new(T("2026-11-16 14:00"), ReplyPromise.WithinDays(14));

    private static readonly BusinessCalendar s_calendar = new(CompanyCalendar.Default, EtiquettePolicy.Default);

    private static Advice.Advice Advise(string now, params ContactEvent[] events) =>
        Advise(s_interview, EtiquettePolicy.Default, now, events);

    private static Advice.Advice Advise(InterviewFacts interview, EtiquettePolicy policy, string now, params ContactEvent[] events) =>
        EtiquetteEngine.Advise(interview, events, new BusinessCalendar(CompanyCalendar.Default, policy), T(now));

    private static void AssertStep(NextStep step, StepKind kind, string opens, string? closes, RuleId rule)
    {
        Assert.Equal(kind, step.Kind);
        Assert.Equal(T(opens), step.OpensAt);
        Assert.Equal(closes is null ? null : T(closes), step.ClosesAt);
        Assert.Equal(rule, step.Rule);
        Assert.False(string.IsNullOrWhiteSpace(step.Explanation.Japanese));
        Assert.False(string.IsNullOrWhiteSpace(step.Explanation.English));
    }

    [Fact]
    public void R1_missed_call_inside_the_window_is_returned_now()
    {
        var a = Advise("2026-11-18 11:30", new MissedCall(T("2026-11-18 11:10"), VoicemailKind.WillCallAgain));
        AssertStep(a.Primary, StepKind.CallBack, "2026-11-18 11:10", "2026-11-18 17:00", RuleId.R1);
        Assert.Contains("改めてかけます", a.Primary.Explanation.Japanese);
    }

    [Fact]
    public void R1_only_an_explicit_no_need_to_call_back_waives_it()
    {
        var a = Advise("2026-11-18 11:30", new ThankYouSkipped(T("2026-11-16 18:00")), new MissedCall(T("2026-11-18 11:10"), VoicemailKind.NoCallbackNeeded));
        Assert.Equal(StepKind.FollowUp, a.Primary.Kind);
    }

    [Fact]
    public void R2_evening_call_is_returned_next_business_morning_with_the_windows_in_words()
    {
        var a = Advise("2026-11-18 21:00", new EmailSent(T("2026-11-16 18:00"), EmailPurpose.ThankYou), new MissedCall(T("2026-11-18 19:30"), VoicemailKind.CallBack));
        AssertStep(a.Primary, StepKind.CallBack, "2026-11-19 10:00", "2026-11-19 17:00", RuleId.R2);
        Assert.StartsWith("They called after business hours, so call back tomorrow between 10:00 and 12:00 or 13:00 and 17:00.", a.Primary.Explanation.English);
        Assert.StartsWith("営業時間外の着信なので、明日の10:00〜12:00または13:00〜17:00に折り返しましょう。", a.Primary.Explanation.Japanese);
        Assert.False(a.Primary.IsOpenAt(T("2026-11-18 21:00")));
    }

    [Fact]
    public void R3_unanswered_callback_is_retried_after_two_business_days_then_email()
    {
        var missed = new MissedCall(T("2026-11-18 10:30"), VoicemailKind.CallBack);
        var first = new CallMade(T("2026-11-18 14:00"), CallOutcome.NoAnswer);
        AssertStep(Advise("2026-11-18 15:00", missed, first).Primary, StepKind.RetryCall, "2026-11-20 10:00", "2026-11-24 17:00", RuleId.R3);

        var second = new CallMade(T("2026-11-20 10:05"), CallOutcome.LeftMessage, CallPurpose.CallBack);
        AssertStep(Advise("2026-11-20 11:00", missed, first, second).Primary, StepKind.RetryCall, "2026-11-25 10:00", "2026-11-26 17:00", RuleId.R3);

        var third = new CallMade(T("2026-11-25 10:10"), CallOutcome.LeftVoicemail);
        AssertStep(Advise("2026-11-25 11:00", missed, first, second, third).Primary, StepKind.EmailInstead, "2026-11-25 10:10", null, RuleId.R3);
    }

    [Fact]
    public void R3_the_retry_says_what_the_last_try_was_a_message_taken_is_not_a_call_that_did_not_connect()
    {
        var missed = new MissedCall(T("2026-11-18 10:30"), VoicemailKind.CallBack);
        var noAnswer = Advise("2026-11-18 15:00", missed, new CallMade(T("2026-11-18 14:00"), CallOutcome.NoAnswer)).Primary;
        Assert.StartsWith("折り返しがつながりませんでした。", noAnswer.Explanation.Japanese, StringComparison.Ordinal);

        var message = Advise("2026-11-18 15:00", missed, new CallMade(T("2026-11-18 14:00"), CallOutcome.LeftMessage, CallPurpose.CallBack)).Primary;
        Assert.Equal(StepKind.RetryCall, message.Kind);
        Assert.StartsWith("伝言をお願いしました。", message.Explanation.Japanese, StringComparison.Ordinal);
        Assert.StartsWith("You left a message with them.", message.Explanation.English, StringComparison.Ordinal);
        Assert.DoesNotContain("つながりません", message.Explanation.Japanese, StringComparison.Ordinal);

        var voicemail = Advise("2026-11-18 15:00", missed, new CallMade(T("2026-11-18 14:00"), CallOutcome.LeftVoicemail, CallPurpose.CallBack)).Primary;
        Assert.StartsWith("留守番電話にメッセージを残しました。", voicemail.Explanation.Japanese, StringComparison.Ordinal);
    }

    [Fact]
    public void R4_late_callback_is_still_made_and_overdue()
    {
        var a = Advise("2026-11-24 20:00", new MissedCall(T("2026-11-17 15:00"), VoicemailKind.None));
        AssertStep(a.Primary, StepKind.CallBack, "2026-11-17 15:00", "2026-11-17 17:00", RuleId.R4);
        Assert.True(a.Primary.Overdue);
        Assert.Contains("11月25日(水) 10:00", a.Primary.Explanation.Japanese);
    }

    [Fact]
    public void R5_no_inquiry_before_the_promised_date_with_the_wait_in_words()
    {
        var interview = new InterviewFacts(T("2026-11-20 10:00"), ReplyPromise.WithinBusinessDays(3));
        var a = Advise(interview, EtiquettePolicy.Default, "2026-11-26 12:00", new ThankYouSkipped(T("2026-11-20 12:00")));
        AssertStep(a.Primary, StepKind.FollowUp, "2026-12-01 10:00", null, RuleId.R6);
        Assert.False(a.Primary.IsOpenAt(T("2026-11-26 12:00")));
        Assert.StartsWith("12月1日(火) 10:00まではお問い合わせを控えましょう。", a.Primary.Explanation.Japanese);
        Assert.StartsWith("Hold off on asking until Tue Dec 1, 10:00. They said they would reply by Thu Nov 26.", a.Primary.Explanation.English);
        Assert.Contains("結果は11月26日(木)までに連絡するとのことでした。", a.Primary.Explanation.Japanese);
    }

    [Theory]
    [InlineData("byDate", "2026-12-03 10:00")] // D = 11/30
    [InlineData("withinDays", "2026-12-03 10:00")] // 11/16 + 14 = 11/30
    [InlineData("withinWeeks", "2026-12-03 10:00")] // 11/16 + 2 weeks = 11/30
    [InlineData("withinBusinessDays", "2026-12-04 10:00")] // 11/16 + 10 business days (11/23 off) = 12/1
    public void R6_follow_up_opens_three_business_days_after_each_kind_of_promise(string kind, string opens)
    {
        var promise = kind switch
        {
            "byDate" => ReplyPromise.ByDate(D("2026-11-30")),
            "withinDays" => ReplyPromise.WithinDays(14),
            "withinWeeks" => ReplyPromise.WithinWeeks(2),
            _ => ReplyPromise.WithinBusinessDays(10),
        };
        var a = Advise(s_interview with { Promise = promise }, EtiquettePolicy.Default, "2026-11-25 12:00");
        AssertStep(a.Primary, StepKind.FollowUp, opens, null, RuleId.R6);
    }

    [Fact]
    public void R7_no_date_given_follow_up_after_a_week_recommended_by_day_ten()
    {
        var a = Advise(s_interview with { Promise = ReplyPromise.Unspecified }, EtiquettePolicy.Default, "2026-11-19 09:00");
        AssertStep(a.Primary, StepKind.FollowUp, "2026-11-24 10:00", "2026-11-26 17:00", RuleId.R7);
        var late = Advise(s_interview with { Promise = ReplyPromise.Unspecified }, EtiquettePolicy.Default, "2026-11-27 09:00");
        Assert.True(late.Primary.Overdue);
    }

    [Fact]
    public void R8_under_review_without_date_waits_fourteen_days_and_seven_after_the_answer()
    {
        // Answer early: 14 days after the interview (11/30) wins over 7 after the answer (11/27).
        var early = Advise("2026-11-21 10:00", new EmailSent(T("2026-11-16 18:00"), EmailPurpose.ThankYou), new ResultReceived(T("2026-11-20 16:00"), ResultOutcome.UnderReview));
        AssertStep(early.Primary, StepKind.FollowUp, "2026-11-30 10:00", null, RuleId.R8);

        var late = Advise("2026-12-05 10:00", new ResultReceived(T("2026-12-04 16:00"), ResultOutcome.UnderReview));
        AssertStep(late.Primary, StepKind.FollowUp, "2026-12-11 10:00", null, RuleId.R8);
    }

    [Fact]
    public void R8_under_review_with_a_new_date_replaces_D()
    {
        var a = Advise("2026-12-05 10:00", new EmailSent(T("2026-12-03 10:30"), EmailPurpose.FollowUp), new ResultReceived(T("2026-12-04 16:00"), ResultOutcome.UnderReview, D("2026-12-11")));
        AssertStep(a.Primary, StepKind.FollowUp, "2026-12-16 10:00", null, RuleId.R6);
        Assert.Equal(D("2026-12-11"), EtiquetteEngine.PromisedDate(s_interview, [new ResultReceived(T("2026-12-04 16:00"), ResultOutcome.UnderReview, D("2026-12-11"))], s_calendar, T("2026-12-05 10:00")));
    }

    [Fact]
    public void R9_one_follow_up_then_move_on_after_five_business_days()
    {
        var a = Advise("2026-12-04 10:00", new EmailSent(T("2026-12-03 10:30"), EmailPurpose.FollowUp));
        AssertStep(a.Primary, StepKind.MoveOn, "2026-12-10 10:00", null, RuleId.R9);
    }

    [Fact]
    public void R9_a_call_without_purpose_and_no_callback_owed_counts_as_the_follow_up()
    {
        var a = Advise("2026-12-04 10:00", new CallMade(T("2026-12-03 10:30"), CallOutcome.LeftMessage));
        AssertStep(a.Primary, StepKind.MoveOn, "2026-12-10 10:00", null, RuleId.R9);
    }

    [Fact]
    public void R9_second_follow_up_when_the_limit_is_two()
    {
        var policy = EtiquettePolicy.Default with { FollowUpLimit = 2 };
        var first = new EmailSent(T("2026-12-03 10:30"), EmailPurpose.FollowUp);
        AssertStep(Advise(s_interview, policy, "2026-12-04 10:00", first).Primary, StepKind.FollowUp, "2026-12-10 10:00", null, RuleId.R9);

        var second = new CallMade(T("2026-12-10 14:00"), CallOutcome.LeftMessage, CallPurpose.FollowUp);
        AssertStep(Advise(s_interview, policy, "2026-12-11 10:00", first, second).Primary, StepKind.MoveOn, "2026-12-17 10:00", null, RuleId.R9);
    }

    [Fact]
    public void R9_a_follow_up_call_nobody_answered_does_not_use_up_the_follow_up()
    {
        var unanswered = new CallMade(T("2026-12-03 10:30"), CallOutcome.NoAnswer, CallPurpose.FollowUp);
        var a = Advise("2026-12-03 11:00", new ThankYouSkipped(T("2026-11-16 18:00")), unanswered);
        AssertStep(a.Primary, StepKind.FollowUp, "2026-12-03 10:00", null, RuleId.R6);
        Assert.Contains("つながらなかった", a.Primary.Explanation.Japanese);
        Assert.Contains("did not get through", a.Primary.Explanation.English);

        // Without a purpose and no callback owed, an unanswered call is a follow-up attempt too: still not counted.
        var noPurpose = Advise("2026-12-03 11:00", new ThankYouSkipped(T("2026-11-16 18:00")), new CallMade(T("2026-12-03 10:30"), CallOutcome.NoAnswer));
        Assert.Equal(StepKind.FollowUp, noPurpose.Primary.Kind);

        // A message left with someone did ask: that is the follow-up.
        var left = Advise("2026-12-03 11:00", new ThankYouSkipped(T("2026-11-16 18:00")), unanswered, new CallMade(T("2026-12-03 10:45"), CallOutcome.LeftMessage, CallPurpose.FollowUp));
        AssertStep(left.Primary, StepKind.MoveOn, "2026-12-10 10:00", null, RuleId.R9);
    }

    [Fact]
    public void R9_an_early_inquiry_never_moves_on_before_the_follow_up_would_have_opened()
    {
        // D = 11/30, the follow-up would open 12/3; an inquiry on 11/18 alone would mean moving on from 11/25.
        var early = new EmailSent(T("2026-11-18 10:00"), EmailPurpose.FollowUp);
        var a = Advise("2026-11-26 10:00", new ThankYouSkipped(T("2026-11-16 18:00")), early);
        AssertStep(a.Primary, StepKind.MoveOn, "2026-12-03 10:00", null, RuleId.R9);
        Assert.Contains("決めつけずに", a.Primary.Explanation.Japanese);
        Assert.Contains("don't assume a no", a.Primary.Explanation.English);

        // An inquiry after the company's date keeps the usual five business days.
        var onTime = Advise("2026-12-04 10:00", new ThankYouSkipped(T("2026-11-16 18:00")), new EmailSent(T("2026-12-03 10:30"), EmailPurpose.FollowUp));
        AssertStep(onTime.Primary, StepKind.MoveOn, "2026-12-10 10:00", null, RuleId.R9);
    }

    [Fact]
    public void R10_with_a_raised_limit_the_company_that_contacts_successful_candidates_only_still_gets_no_second_inquiry()
    {
        var policy = EtiquettePolicy.Default with { FollowUpLimit = 2 };
        var interview = s_interview with { ContactsSuccessfulOnly = true };
        var a = Advise(interview, policy, "2026-11-26 10:00", new ThankYouSkipped(T("2026-11-16 18:00")), new EmailSent(T("2026-11-18 10:00"), EmailPurpose.FollowUp));
        AssertStep(a.Primary, StepKind.MoveOn, "2026-12-03 10:00", null, RuleId.R10);
    }
    [Fact]
    public void R10_successful_candidates_only_moves_on_instead_of_inquiring()
    {
        var a = Advise(s_interview with { ContactsSuccessfulOnly = true }, EtiquettePolicy.Default, "2026-11-25 10:00");
        AssertStep(a.Primary, StepKind.MoveOn, "2026-12-03 10:00", null, RuleId.R10);
        Assert.DoesNotContain(a.Steps, s => s.Kind == StepKind.FollowUp);
    }

    [Fact]
    public void R11_thank_you_within_48_hours_unless_sent_or_skipped()
    {
        AssertStep(Advise("2026-11-16 17:30").Primary, StepKind.SendThankYou, "2026-11-16 15:00", "2026-11-18 14:00", RuleId.R11);
        Assert.Equal(StepKind.FollowUp, Advise("2026-11-16 17:30", new EmailSent(T("2026-11-16 17:00"), EmailPurpose.ThankYou)).Primary.Kind);
        Assert.Equal(StepKind.FollowUp, Advise("2026-11-16 17:30", new ThankYouSkipped(T("2026-11-16 17:00"))).Primary.Kind);
        Assert.Equal(StepKind.FollowUp, Advise("2026-11-18 14:00").Primary.Kind);
        Assert.Equal(StepKind.FollowUp, Advise(s_interview, EtiquettePolicy.Default with { SuggestThankYou = false }, "2026-11-16 17:30").Primary.Kind);
    }

    [Fact]
    public void R12_before_the_interview_prepare_and_list_the_later_steps()
    {
        var a = Advise("2026-11-15 19:00");
        AssertStep(a.Primary, StepKind.Prepare, "2026-11-15 19:00", "2026-11-16 14:00", RuleId.R12);
        Assert.Equal([StepKind.Prepare, StepKind.SendThankYou, StepKind.FollowUp], a.Steps.Select(s => s.Kind));
    }

    [Theory]
    [InlineData(ResultOutcome.Offer)]
    [InlineData(ResultOutcome.Rejected)]
    [InlineData(ResultOutcome.NextRound)]
    public void A_result_ends_the_thread(ResultOutcome outcome)
    {
        var a = Advise("2026-11-30 10:00", new MissedCall(T("2026-11-27 11:00"), VoicemailKind.CallBack), new ResultReceived(T("2026-11-27 17:00"), outcome));
        AssertStep(a.Primary, StepKind.Done, "2026-11-27 17:00", null, RuleId.R5);
        Assert.Single(a.Steps);
        Assert.Equal(a.Primary, EtiquetteEngine.Primary(s_interview, [new MissedCall(T("2026-11-27 11:00"), VoicemailKind.CallBack), new ResultReceived(T("2026-11-27 17:00"), outcome)], s_calendar, T("2026-11-30 10:00")));
    }

    [Theory]
    [InlineData(ResultOutcome.Offer)]
    [InlineData(ResultOutcome.Rejected)]
    [InlineData(ResultOutcome.NextRound)]
    public void A_call_after_a_result_is_returned_before_anything_else(ResultOutcome outcome)
    {
        var events = new ContactEvent[] { new ResultReceived(T("2026-11-27 11:00"), outcome), new MissedCall(T("2026-11-30 19:00"), VoicemailKind.None) };
        var a = Advise("2026-11-30 20:00", events);
        AssertStep(a.Primary, StepKind.CallBack, "2026-12-01 10:00", "2026-12-01 17:00", RuleId.R2);
        Assert.Equal([StepKind.CallBack, StepKind.Done], a.Steps.Select(s => s.Kind));
        Assert.Contains("結果の連絡のあとでも", a.Primary.Explanation.Japanese);
        Assert.Equal(a.Primary, EtiquetteEngine.Primary(s_interview, events, s_calendar, T("2026-11-30 20:00")));

        // Once returned, the application is done again.
        var returned = Advise("2026-12-01 11:00", [.. events, new CallMade(T("2026-12-01 10:30"), CallOutcome.Reached)]);
        Assert.Equal(StepKind.Done, returned.Primary.Kind);
    }

    [Fact]
    public void Events_after_now_have_not_happened_yet()
    {
        var future = new ContactEvent[]
        {
            new ThankYouSkipped(T("2026-11-16 18:00")),
            new ResultReceived(T("2026-12-20 10:00"), ResultOutcome.Offer),
            new MissedCall(T("2026-12-19 10:00"), VoicemailKind.CallBack),
            new EmailSent(T("2026-12-18 10:00"), EmailPurpose.FollowUp),
        };
        var a = Advise("2026-11-25 10:00", future);
        AssertStep(a.Primary, StepKind.FollowUp, "2026-12-03 10:00", null, RuleId.R6);

        // The same events in reverse order take the unsorted path: the same answer.
        var reversed = Advise("2026-11-25 10:00", [.. Enumerable.Reverse(future)]);
        Assert.Equal(a.Primary, reversed.Primary);

        // At their time they count.
        Assert.Equal(StepKind.CallBack, Advise("2026-12-19 10:30", future).Primary.Kind);
    }

    [Fact]
    public void Overdue_is_set_for_every_step_past_its_close()
    {
        var missed = new MissedCall(T("2026-11-18 10:30"), VoicemailKind.CallBack);
        var first = new CallMade(T("2026-11-18 14:00"), CallOutcome.NoAnswer);
        var retry = Advise("2026-11-25 09:00", missed, first).Primary; // closes 11/24 17:00
        Assert.Equal(StepKind.RetryCall, retry.Kind);
        Assert.True(retry.Overdue);
        Assert.False(Advise("2026-11-24 17:00", missed, first).Primary.Overdue);
        Assert.True(Advise("2026-11-24 17:01", missed, first).Primary.Overdue);
    }

    [Fact]
    public void Events_are_sorted_by_time_whatever_the_input_order()
    {
        var sorted = Advise("2026-11-18 15:00", new MissedCall(T("2026-11-18 10:30"), VoicemailKind.CallBack), new CallMade(T("2026-11-18 14:00"), CallOutcome.NoAnswer));
        var reversed = Advise("2026-11-18 15:00", new CallMade(T("2026-11-18 14:00"), CallOutcome.NoAnswer), new MissedCall(T("2026-11-18 10:30"), VoicemailKind.CallBack));
        Assert.Equal(StepKind.RetryCall, reversed.Primary.Kind);
        Assert.Equal(sorted.Primary, reversed.Primary);
    }

    [Fact]
    public void Contact_received_closes_the_callback_thread()
    {
        var a = Advise("2026-11-18 15:00", new EmailSent(T("2026-11-16 18:00"), EmailPurpose.ThankYou), new MissedCall(T("2026-11-18 10:30"), VoicemailKind.CallBack), new ContactReceived(T("2026-11-18 11:00"), ContactChannel.Phone));
        Assert.Equal(StepKind.FollowUp, a.Primary.Kind);
    }

    [Fact]
    public void Callback_comes_before_prepare_and_thank_you()
    {
        var a = Advise("2026-11-16 16:00", new MissedCall(T("2026-11-16 15:30"), VoicemailKind.CallBack));
        Assert.Equal([StepKind.CallBack, StepKind.SendThankYou, StepKind.FollowUp], a.Steps.Select(s => s.Kind));
    }

    [Fact]
    public void Nonsensical_input_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => Advise(s_interview with { Promise = ReplyPromise.WithinDays(-1) }, EtiquettePolicy.Default, "2026-11-20 10:00"));
        Assert.Throws<ArgumentException>(() => Advise(s_interview with { Promise = new ReplyPromise(ReplyPromiseKind.ByDate) }, EtiquettePolicy.Default, "2026-11-20 10:00"));
        Assert.Throws<ArgumentException>(() => Advise(s_interview with { Promise = new ReplyPromise(ReplyPromiseKind.WithinDays) }, EtiquettePolicy.Default, "2026-11-20 10:00"));
        Assert.Throws<ArgumentException>(() => Advise(s_interview, EtiquettePolicy.Default with { FollowUpLimit = -1 }, "2026-11-20 10:00"));
        Assert.Throws<ArgumentException>(() => Advise(s_interview, EtiquettePolicy.Default with { MaxCallAttempts = 0 }, "2026-11-20 10:00"));
        Assert.Throws<ArgumentException>(() => Advise(s_interview, EtiquettePolicy.Default with { CallbackRetryDueBusinessDays = 1 }, "2026-11-20 10:00"));
        Assert.ThrowsAny<ArgumentException>(() => Advise("2026-11-20 10:00", [null!]));
        Assert.Throws<ArgumentException>(() => Advise("2026-11-20 10:00", new MissedCall(T("2026-11-18 10:30"), (VoicemailKind)42)));
    }
}

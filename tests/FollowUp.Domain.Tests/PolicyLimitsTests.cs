using FollowUp.Domain.Advice;
using FollowUp.Domain.Calendar;
using Xunit;

namespace FollowUp.Domain.Tests;

public sealed class PolicyLimitsTests
{
    [Fact]
    public void The_recommended_policy_is_within_every_limit_and_the_engine_accepts_every_limit()
    {
        Assert.Empty(PolicyLimits.Check(EtiquettePolicy.Default, CompanyCalendar.Default));
        // Every bound the forms accept is one the engine runs with (the limits are inside the engine's own checks).
        var lowest = EtiquettePolicy.Default with
        {
            CallWindowMarginHours = 0, CallbackRetryAfterBusinessDays = 1, CallbackRetryDueBusinessDays = 1, MaxCallAttempts = 1,
            InquiryGraceBusinessDays = 0, UnspecifiedWaitDays = 0, UnspecifiedDueDays = 0, UnderReviewRecheckDays = 0,
            UnderReviewMinWaitDays = 0, FollowUpLimit = 0, MoveOnAfterBusinessDays = 0,
        };
        var highest = EtiquettePolicy.Default with
        {
            CallWindowMarginHours = 2, CallbackRetryAfterBusinessDays = 10, CallbackRetryDueBusinessDays = 15, MaxCallAttempts = 10,
            InquiryGraceBusinessDays = 20, UnspecifiedWaitDays = 60, UnspecifiedDueDays = 90, UnderReviewRecheckDays = 90,
            UnderReviewMinWaitDays = 60, FollowUpLimit = 5, MoveOnAfterBusinessDays = 30,
        };
        var interview = new InterviewFacts(new DateTime(2026, 11, 20, 10, 0, 0), ReplyPromise.WithinBusinessDays(3), false);
        foreach (var policy in new[] { lowest, highest })
        {
            Assert.Empty(PolicyLimits.Check(policy, CompanyCalendar.Default));
            Assert.NotNull(EtiquetteEngine.Advise(interview, [], new BusinessCalendar(CompanyCalendar.Default, policy), new DateTime(2026, 11, 24, 10, 0, 0)).Primary);
        }
    }

    [Theory]
    [InlineData(nameof(EtiquettePolicy.InquiryGraceBusinessDays), -1, 0, 20)]
    [InlineData(nameof(EtiquettePolicy.InquiryGraceBusinessDays), 21, 0, 20)]
    [InlineData(nameof(EtiquettePolicy.MaxCallAttempts), 0, 1, 10)]
    [InlineData(nameof(EtiquettePolicy.FollowUpLimit), 6, 0, 5)]
    [InlineData(nameof(EtiquettePolicy.CallWindowMarginHours), 3, 0, 2)]
    public void A_value_outside_its_range_is_named_with_the_range(string setting, int value, int min, int max)
    {
        var policy = setting switch
        {
            nameof(EtiquettePolicy.InquiryGraceBusinessDays) => EtiquettePolicy.Default with { InquiryGraceBusinessDays = value },
            nameof(EtiquettePolicy.MaxCallAttempts) => EtiquettePolicy.Default with { MaxCallAttempts = value },
            nameof(EtiquettePolicy.FollowUpLimit) => EtiquettePolicy.Default with { FollowUpLimit = value },
            _ => EtiquettePolicy.Default with { CallWindowMarginHours = value },
        };
        Assert.Equal(new PolicyProblem(setting, PolicyProblemKind.OutOfRange, min, max), Assert.Single(PolicyLimits.Check(policy)));
    }

    [Fact]
    public void Retry_due_before_retry_after_is_refused()
    {
        var policy = EtiquettePolicy.Default with { CallbackRetryAfterBusinessDays = 4, CallbackRetryDueBusinessDays = 3 };
        Assert.Equal(PolicyProblemKind.EndBeforeStart, Assert.Single(PolicyLimits.Check(policy)).Kind);
    }

    [Fact]
    public void A_margin_that_leaves_no_call_window_is_blamed_only_when_the_calendar_itself_is_fine()
    {
        var short_ = CompanyCalendar.Default with { Hours = new BusinessHours(new TimeOnly(10, 0), new TimeOnly(13, 0)) };
        var wide = EtiquettePolicy.Default with { CallWindowMarginHours = 2 };
        Assert.Empty(PolicyLimits.Check(wide));
        Assert.Equal(new PolicyProblem(nameof(EtiquettePolicy.CallWindowMarginHours), PolicyProblemKind.NoCallWindow),
            Assert.Single(PolicyLimits.Check(wide, short_)));
        // A calendar with no open weekday is the calendar's fault, reported by its own checks.
        var closed = CompanyCalendar.Default with { ClosedWeekdays = [.. Enum.GetValues<DayOfWeek>()] };
        Assert.Empty(PolicyLimits.Check(wide, closed));
    }
}

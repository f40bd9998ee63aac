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

    [Fact]
    public void The_table_has_every_setting_of_the_policy_once_in_its_order_and_each_row_reads_and_sets_its_own()
    {
        var properties = typeof(EtiquettePolicy).GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance);
        Assert.Equal(properties.Select(p => p.Name), PolicyLimits.Settings.Select(s => s.Name));
        foreach (var setting in PolicyLimits.Settings)
        {
            // Changing one row changes that property and no other.
            var changed = setting switch
            {
                PolicySetting<int> n => n.With(EtiquettePolicy.Default, n.Recommended + 1),
                PolicySetting<bool> f => f.With(EtiquettePolicy.Default, !f.Recommended),
                _ => throw new InvalidOperationException(setting.Name),
            };
            Assert.Equal([setting.Name], properties.Where(p => !Equals(p.GetValue(changed), p.GetValue(EtiquettePolicy.Default))).Select(p => p.Name));
            Assert.Equal(changed, setting.CopyFrom(changed, EtiquettePolicy.Default));
        }
    }

    [Fact]
    public void Nine_settings_a_person_may_change_in_the_order_the_forms_show_them()
    {
        Assert.Equal(
            ["InquiryGraceBusinessDays", "FollowUpLimit", "MoveOnAfterBusinessDays", "CallbackRetryAfterBusinessDays", "CallbackRetryDueBusinessDays",
             "MaxCallAttempts", "CallWindowMarginHours", "AvoidLunch", "SuggestThankYou"],
            PolicyLimits.Editable.Select(s => s.Name));
        // Every value a person may choose is one the rules run with.
        Assert.All(PolicyLimits.Settings.OfType<PolicyNumber>(), n => Assert.True(n.Floor <= n.Min, n.Name));
    }

    [Theory]
    [InlineData(nameof(EtiquettePolicy.MaxCallAttempts), "Policy MaxCallAttempts must be at least 1 (was 0).")]
    [InlineData(nameof(EtiquettePolicy.CallbackRetryDueBusinessDays), "Policy CallbackRetryDueBusinessDays must be at least 2 (was 1).")]
    [InlineData(nameof(EtiquettePolicy.FollowUpLimit), "Policy FollowUpLimit must be at least 0 (was -1).")]
    public void A_policy_the_rules_cannot_run_with_is_refused_naming_the_setting_and_its_floor(string setting, string message)
    {
        var policy = setting switch
        {
            nameof(EtiquettePolicy.MaxCallAttempts) => EtiquettePolicy.Default with { MaxCallAttempts = 0 },
            nameof(EtiquettePolicy.CallbackRetryDueBusinessDays) => EtiquettePolicy.Default with { CallbackRetryDueBusinessDays = 1 },
            _ => EtiquettePolicy.Default with { FollowUpLimit = -1 },
        };
        var refused = Assert.Throws<ArgumentException>(() => PolicyLimits.EnsureUsable(policy));
        Assert.Equal((message, "policy"), (refused.Message.Split(" (Parameter")[0], refused.ParamName));
        // Out of a form's range but usable: the engine runs with it.
        PolicyLimits.EnsureUsable(EtiquettePolicy.Default with { InquiryGraceBusinessDays = 300 });
    }
}

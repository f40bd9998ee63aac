using FollowUp.Domain.Advice;
using FollowUp.Domain.Events;
using FollowUp.Web.Data;
using FollowUp.Web.Features.NextSteps;
using FollowUp.Web.Features.Reminders;
using FollowUp.Web.Infrastructure;

namespace FollowUp.Web.Tests.Reminders;

/// <summary>The planner is pure: advice in, wanted reminders out.</summary>
public sealed class ReminderPlannerTests
{
    private static readonly JobApplication App = new() { Id = 7, OwnerId = "u", Company = "テスト" };

    private static readonly Interview FirstInterview = new()
    {
        Id = 3, ApplicationId = 7, OwnerId = "u", At = new DateTime(2026, 11, 20, 10, 0, 0),
        PromiseKind = ReplyPromiseKind.WithinBusinessDays, PromiseCount = 3,
    };

    private static DateTimeOffset Tokyo(int month, int day, int hour, int minute = 0) =>
        new(2026, month, day, hour, minute, 0, TimeSpan.FromHours(9));

    private static IReadOnlyList<WantedReminder> Plan(DateTimeOffset now, params ContactEventRecord[] events) =>
        ReminderPlanner.Plan(ApplicationAdvice.For(App, [FirstInterview], events, EtiquettePolicy.Default, now), App.TimeZoneId);

    [Fact]
    public void A_same_day_callback_gets_an_opens_reminder_and_a_closing_soon_reminder_three_hours_before_close()
    {
        var missed = new ContactEventRecord
        {
            Kind = ContactEventKind.MissedCall, At = new DateTime(2026, 11, 24, 9, 30, 0), Voicemail = VoicemailKind.CallBack,
        };
        var plan = Plan(Tokyo(11, 24, 9, 40), missed).Where(w => w.StepKind == StepKind.CallBack).ToList();

        var opens = Assert.Single(plan, w => w.Kind == ReminderKind.WindowOpens);
        Assert.Equal(new DateTime(2026, 11, 24, 10, 0, 0), opens.OpensAt);
        Assert.Equal(new DateTime(2026, 11, 24, 1, 0, 0), opens.DueAtUtc);
        var closing = Assert.Single(plan, w => w.Kind == ReminderKind.ClosingSoon);
        Assert.Equal(new DateTime(2026, 11, 24, 17, 0, 0), closing.ClosesAt);
        Assert.Equal(new DateTime(2026, 11, 24, 5, 0, 0), closing.DueAtUtc); // 14:00 in Tokyo
    }

    [Fact]
    public void The_plan_does_not_move_with_the_clock_while_the_steps_stay_the_same()
    {
        var early = Plan(Tokyo(11, 24, 9)).Select(w => w.Key).ToHashSet();
        var later = Plan(Tokyo(11, 26, 15)).Select(w => w.Key).ToHashSet();
        Assert.NotEmpty(early);
        Assert.Equal(early, later);
        Assert.All(Plan(Tokyo(11, 24, 9)), w => Assert.NotEqual(StepKind.Prepare, w.StepKind));
    }

    [Fact]
    public void No_interview_or_a_result_means_no_reminders()
    {
        Assert.Empty(ReminderPlanner.Plan(ApplicationAdvice.For(App, [], [], EtiquettePolicy.Default, Tokyo(11, 24, 9)), App.TimeZoneId));
        var offer = new ContactEventRecord { Kind = ContactEventKind.Result, At = new DateTime(2026, 11, 24, 9, 0, 0), ResultOutcome = ResultOutcome.Offer };
        Assert.Empty(Plan(Tokyo(11, 24, 10), offer));
    }

    [Theory]
    [InlineData(21, 59, false)]
    [InlineData(22, 0, true)]
    [InlineData(3, 0, true)]
    [InlineData(7, 59, true)]
    [InlineData(8, 0, false)]
    public void Default_quiet_hours_wrap_midnight(int hour, int minute, bool quiet) =>
        Assert.Equal(quiet, QuietHours.Default.Contains(new TimeOnly(hour, minute)));

    [Fact]
    public void A_time_in_quiet_hours_is_deferred_to_their_end_in_the_users_zone()
    {
        var tokyo = TimeZones.Find("Asia/Tokyo");
        // 23:30 Tokyo on 24 Nov → 08:00 on 25 Nov; 07:00 → 08:00 the same day; noon unchanged.
        Assert.Equal(new DateTime(2026, 11, 24, 23, 0, 0), QuietHours.Default.Defer(new DateTime(2026, 11, 24, 14, 30, 0), tokyo));
        Assert.Equal(new DateTime(2026, 11, 24, 23, 0, 0), QuietHours.Default.Defer(new DateTime(2026, 11, 24, 22, 0, 0), tokyo));
        Assert.Equal(new DateTime(2026, 11, 24, 3, 0, 0), QuietHours.Default.Defer(new DateTime(2026, 11, 24, 3, 0, 0), tokyo));
        Assert.False(new QuietHours(new TimeOnly(8, 0), new TimeOnly(8, 0)).Contains(new TimeOnly(8, 0)));
    }
}

using System.Collections.Immutable;
using FollowUp.Domain.Advice;
using FollowUp.Domain.Applications;
using FollowUp.Web.Features.Applications;
using FollowUp.Web.Features.NextSteps;
using FollowUp.Web.Features.Today;

namespace FollowUp.Web.Tests.Today;

/// <summary>Which group each primary step lands in on Today, and in what order.</summary>
public sealed class TodayGroupsTests
{
    private static readonly DateTime Now = new(2026, 11, 24, 10, 0, 0);

    private static ApplicationSummary Item(string company, StepKind kind, DateTime opens, DateTime? closes = null, bool overdue = false)
    {
        var step = new NextStep(kind, opens, closes, overdue, RuleId.R1, new LocalizedText("", ""));
        var advice = new ApplicationAdvice(null, new Advice(step, ImmutableArray.Create(step)), Now);
        return new ApplicationSummary(company.GetHashCode(StringComparison.Ordinal), company, null, ApplicationRoute.Direct, null, null, 0, default, false, "Asia/Tokyo", advice);
    }

    [Fact]
    public void Open_steps_are_done_now_overdue_first_then_by_closing_time()
    {
        var groups = TodayGroups.Build(
        [
            Item("late-close", StepKind.CallBack, Now.AddHours(-1), Now.AddHours(7)),
            Item("overdue", StepKind.CallBack, Now.AddDays(-3), Now.AddDays(-2), overdue: true),
            Item("early-close", StepKind.SendThankYou, Now.AddHours(-2), Now.AddHours(2)),
            Item("no-close", StepKind.FollowUp, Now.AddDays(-1)),
        ]);
        Assert.Equal(["overdue", "early-close", "late-close", "no-close"], groups.DoNow.Select(i => i.Company));
        Assert.Empty(groups.ComingUp);
        Assert.Empty(groups.Waiting);
    }

    [Theory]
    [InlineData(StepKind.CallBack, 1, "coming")]
    [InlineData(StepKind.RetryCall, 13, "coming")]
    [InlineData(StepKind.RetryCall, 15, "waiting")]
    [InlineData(StepKind.FollowUp, 1, "coming")] // the day one may inquire is coming up, like any step
    [InlineData(StepKind.FollowUp, 13, "coming")]
    [InlineData(StepKind.FollowUp, 15, "waiting")]
    [InlineData(StepKind.MoveOn, 3, "coming")]
    [InlineData(StepKind.MoveOn, 20, "waiting")]
    [InlineData(StepKind.Done, -1, "other")]
    public void Steps_not_open_yet_are_coming_up_or_waiting(StepKind kind, int daysAhead, string expected)
    {
        var groups = TodayGroups.Build([Item("x", kind, Now.AddDays(daysAhead))]);
        var actual = groups.ComingUp.Count == 1 ? "coming" : groups.Waiting.Count == 1 ? "waiting" : groups.Other.Count == 1 ? "other" : "do";
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void The_page_refreshes_at_the_next_opening_closing_or_midnight()
    {
        var items = new[]
        {
            Item("a", StepKind.CallBack, Now.AddHours(-1), Now.AddHours(7)),
            Item("b", StepKind.FollowUp, Now.AddHours(3)),
        };
        Assert.Equal(TimeSpan.FromHours(3), TodayGroups.Build(items).NextChangeIn);

        // Nothing opens or closes: the next change is midnight, when the cards' 今日/明日 (today/tomorrow) move on.
        Assert.Equal(TimeSpan.FromHours(14), TodayGroups.Build([Item("c", StepKind.FollowUp, Now.AddDays(-1))]).NextChangeIn);
        Assert.Null(TodayGroups.Build([]).NextChangeIn);
    }
}

using System.Globalization;
using FollowUp.Domain.Advice;
using FollowUp.Domain.Events;
using FollowUp.Web.Data;
using FollowUp.Web.Features.Applications;
using FollowUp.Web.Features.Today;
using FollowUp.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace FollowUp.Web.Tests.Today;

/// <summary>
/// Today reuses a grouping for up to a minute, but never across a write, a window opening or closing, or a
/// clock that moved back; the time to the next change keeps running down for the page's refresh timer.
/// </summary>
[Trait("Database", "Both")]
public sealed class TodayGroupsReuseTests(FollowUpAppFactory app) : IClassFixture<FollowUpAppFactory>
{
    [Fact]
    public async Task Groups_are_reused_within_a_minute_and_rebuilt_after_it()
    {
        var (today, _) = await UserWithCallbackAsync("reuse@example.jp");

        var first = await today.LoadAsync();
        var card = Assert.Single(first.DoNow);
        Assert.Equal(StepKind.CallBack, card.Step!.Kind);
        var next = first.NextChangeIn!.Value;
        Assert.True(next > TimeSpan.FromMinutes(5), $"the callback window stays open for a while ({next})");

        app.Clock.Advance(TimeSpan.FromSeconds(20));
        var second = await today.LoadAsync();
        Assert.Same(first.DoNow, second.DoNow);
        Assert.Equal(next - TimeSpan.FromSeconds(20), second.NextChangeIn);

        app.Clock.Advance(TimeSpan.FromSeconds(41));
        var third = await today.LoadAsync();
        Assert.NotSame(first.DoNow, third.DoNow);
        Assert.Equal(card.LocalNow.AddSeconds(61), Assert.Single(third.DoNow).LocalNow);
        Assert.Equal(next - TimeSpan.FromSeconds(61), third.NextChangeIn);
    }

    [Fact]
    public async Task A_write_is_seen_at_once()
    {
        var (today, service) = await UserWithCallbackAsync("write@example.jp");
        var before = await today.LoadAsync();
        var id = Assert.Single(before.DoNow).Id;

        var at = TokyoNow();
        var called = await service.LogEventAsync(id, new EventInput
        {
            Kind = ContactEventKind.CallMade, Date = at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Time = at.AddMinutes(-1).ToString("HH:mm", CultureInfo.InvariantCulture), CallOutcome = CallOutcome.Reached,
        });
        Assert.True(called.Succeeded, string.Join("; ", called.Errors));

        var after = await today.LoadAsync();
        Assert.DoesNotContain(after.DoNow, i => i.Id == id && i.Step?.Kind == StepKind.CallBack);
    }

    [Fact]
    public async Task A_window_closing_within_the_minute_ends_the_reuse_there()
    {
        var (today, _) = await UserWithCallbackAsync("boundary@example.jp");
        var open = await today.LoadAsync();
        Assert.Single(open.DoNow);

        // Half a minute before the callback window closes: the grouping may be reused for those 30 seconds only.
        app.Clock.Advance(open.NextChangeIn!.Value - TimeSpan.FromSeconds(30));
        var justBefore = await today.LoadAsync();
        Assert.Equal(TimeSpan.FromSeconds(30), justBefore.NextChangeIn);

        app.Clock.Advance(TimeSpan.FromSeconds(31));
        var after = await today.LoadAsync();
        Assert.False(Assert.Single(justBefore.DoNow).Step!.Overdue);
        Assert.True(Assert.Single(after.DoNow).Step!.Overdue, "the missed callback window has closed: overdue now");
    }

    [Fact]
    public async Task A_new_day_ends_the_reuse_at_midnight()
    {
        var (today, _) = await UserWithCallbackAsync("midnight@example.jp");

        // 23:59:30 in Tokyo: the cards' 今日/明日 (today/tomorrow) change in half a minute.
        app.Clock.MoveTo(new DateTimeOffset(2026, 11, 24, 14, 59, 30, TimeSpan.Zero));
        var evening = await today.LoadAsync();
        Assert.Equal(TimeSpan.FromSeconds(30), evening.NextChangeIn);

        app.Clock.Advance(TimeSpan.FromSeconds(31));
        var morning = await today.LoadAsync();
        Assert.Equal(new DateTime(2026, 11, 25, 0, 0, 1), Assert.Single(All(morning)).LocalNow);
    }

    [Fact]
    public async Task A_clock_set_back_is_not_served_a_later_grouping()
    {
        var (today, _) = await UserWithCallbackAsync("backwards@example.jp");
        var later = await today.LoadAsync();
        var id = Assert.Single(later.DoNow).Id;

        // The callback window opens at 10:00; ten seconds earlier it is still coming up.
        app.Clock.MoveTo(app.Clock.GetUtcNow() - TimeSpan.FromSeconds(10));
        var earlier = await today.LoadAsync();
        Assert.Empty(earlier.DoNow);
        Assert.Equal(id, Assert.Single(earlier.ComingUp).Id);
        Assert.Equal(TimeSpan.FromSeconds(10), earlier.NextChangeIn);
    }

    private DateTimeOffset TokyoNow() =>
        TimeZoneInfo.ConvertTime(app.Clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo"));

    private static IEnumerable<TodayItem> All(TodayGroups groups) =>
        groups.DoNow.Concat(groups.ComingUp).Concat(groups.Waiting).Concat(groups.Other);

    /// <summary>A new user with one application whose company called an hour ago and asked for a callback.</summary>
    private async Task<(TodayService Today, ApplicationService Service)> UserWithCallbackAsync(string email)
    {
        // Tests in this class move the shared clock; each starts from Tuesday 10:00 in Tokyo (business hours).
        app.Clock.MoveTo(TestClock.DefaultStart);
        var owner = await app.CreateUserAsync(email);
        var service = app.ServiceFor(owner);
        var created = await service.CreateAsync(Seed.Application("株式会社みなと商事"));
        Assert.True(created.Succeeded, string.Join("; ", created.Errors));
        Assert.True((await service.AddInterviewAsync(created.Id, Seed.Interview())).Succeeded);
        var at = TokyoNow().AddHours(-1);
        var missed = Seed.MissedCall();
        missed.Date = at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        missed.Time = at.ToString("HH:mm", CultureInfo.InvariantCulture);
        var logged = await service.LogEventAsync(created.Id, missed);
        Assert.True(logged.Succeeded, string.Join("; ", logged.Errors));
        var today = new TodayService(app.Services.GetRequiredService<ApplicationSnapshots>(), new TestCurrentUser(owner), app.Clock);
        return (today, service);
    }
}

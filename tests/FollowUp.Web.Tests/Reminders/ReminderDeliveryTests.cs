using FollowUp.Domain.Advice;
using FollowUp.Domain.Events;
using FollowUp.Web.Data;
using FollowUp.Web.Features.Applications;
using FollowUp.Web.Features.Reminders;
using FollowUp.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace FollowUp.Web.Tests.Reminders;

/// <summary>
/// Delivery driven by a fake clock: windows open, each reminder is delivered exactly once, superseded ones never,
/// quiet hours hold reminders back until they end. The scheduler is off; the tests call DeliverDueAsync directly.
/// </summary>
public sealed class ReminderDeliveryTests : IDisposable
{
    private readonly TempDirectory _data = new("followup-reminders");

    [Fact]
    public async Task Windows_open_and_each_reminder_is_delivered_exactly_once_and_superseded_ones_never()
    {
        // Tuesday 24 Nov 2026, 09:00 in Tokyo; the interview is at 10:00 the same day.
        await using var app = new ReminderAppFactory(_data.Path, ReminderSeed.ClockAtTokyo(11, 24, 9), scheduler: false);
        var user = await app.CreateUserAsync("a@example.com");
        var service = app.ApplicationsFor(user);
        var heard = new List<ReminderDelivered>();
        using var subscription = app.Services.GetRequiredService<ReminderNotifier>().Subscribe(user, d =>
        {
            lock (heard)
            {
                heard.Add(d);
            }
            return Task.CompletedTask;
        });
        var (appId, _) = await ReminderSeed.ApplicationAsync(service, "株式会社テスト");

        var planned = await app.RemindersAsync(user);
        Assert.Contains(planned, r => r.StepKind == StepKind.SendThankYou && r.Kind == ReminderKind.WindowOpens);
        Assert.Contains(planned, r => r.StepKind == StepKind.SendThankYou && r.Kind == ReminderKind.ClosingSoon);
        Assert.Contains(planned, r => r.StepKind == StepKind.FollowUp && r.Kind == ReminderKind.WindowOpens);
        Assert.DoesNotContain(planned, r => r.StepKind == StepKind.Prepare);
        Assert.All(planned, r => Assert.Equal(ReminderState.Scheduled, r.State));

        // Recomputing the same plan adds nothing (idempotency key).
        await app.Services.GetRequiredService<ReminderSync>().SyncAsync(user, appId);
        Assert.Equal(planned.Count, (await app.RemindersAsync(user)).Count);

        Assert.Equal(0, await app.Engine.DeliverDueAsync());

        // 11:00: the thank-you window opens (interview + 1h). Two racing runs still deliver it once.
        app.SetTokyo(2026, 11, 24, 11, 0, 1);
        var runs = await Task.WhenAll(app.Engine.DeliverDueAsync(), app.Engine.DeliverDueAsync(), app.Engine.DeliverDueAsync());
        Assert.Equal(1, runs.Sum());
        Assert.Equal(0, await app.Engine.DeliverDueAsync());
        var thanks = Assert.Single(await app.DeliveriesAsync(user));
        var thanksRow = (await app.RemindersAsync(user)).Single(r => r.Id == thanks.ReminderId);
        Assert.Equal((StepKind.SendThankYou, ReminderKind.WindowOpens, ReminderState.Delivered),
            (thanksRow.StepKind, thanksRow.Kind, thanksRow.State));
        Assert.Single(heard);

        // The thank-you is sent: its "closing soon" reminder is no longer wanted and becomes Superseded.
        await ReminderSeed.EventAsync(service, appId, new EventInput
        {
            Kind = ContactEventKind.EmailSent, EmailPurpose = EmailPurpose.ThankYou, Date = "2026-11-24", Time = "11:00",
        });
        var closing = (await app.RemindersAsync(user)).Single(r => r.StepKind == StepKind.SendThankYou && r.Kind == ReminderKind.ClosingSoon);
        Assert.Equal(ReminderState.Superseded, closing.State);

        // Past the time it would have been due: still not delivered.
        app.SetTokyo(2026, 11, 26, 9);
        Assert.Equal(0, await app.Engine.DeliverDueAsync());
        Assert.Single(await app.DeliveriesAsync(user));

        // The follow-up opens 3 business days after the promised date (Fri 27 Nov) → Wed 2 Dec, 10:00.
        app.SetTokyo(2026, 12, 2, 9, 59);
        Assert.Equal(0, await app.Engine.DeliverDueAsync());
        app.SetTokyo(2026, 12, 2, 10, 0);
        Assert.Equal(1, await app.Engine.DeliverDueAsync());
        app.SetTokyo(2026, 12, 3, 10, 0);
        Assert.Equal(0, await app.Engine.DeliverDueAsync());

        var deliveries = await app.DeliveriesAsync(user);
        Assert.Equal(2, deliveries.Count);
        Assert.Equal(deliveries.Count, deliveries.Select(d => d.ReminderId).Distinct().Count());
        Assert.DoesNotContain(deliveries, d => d.ReminderId == closing.Id);
        Assert.Equal(2, heard.Count);
        Assert.Equal(2, await app.RemindersFor(user).UnreadCountAsync());
    }

    [Fact]
    public async Task A_reminder_due_in_quiet_hours_waits_until_they_end()
    {
        await using var app = new ReminderAppFactory(_data.Path, ReminderSeed.ClockAtTokyo(11, 24, 9), scheduler: false);
        var user = await app.CreateUserAsync("q@example.com");
        // Quiet from 10:30 to 12:00: the thank-you reminder due at 11:00 waits until 12:00.
        await app.RemindersFor(user).SetQuietHoursAsync(new TimeOnly(10, 30), new TimeOnly(12, 0));
        await ReminderSeed.ApplicationAsync(app.ApplicationsFor(user), "静かな会社");

        app.SetTokyo(2026, 11, 24, 11, 30);
        Assert.Equal(0, await app.Engine.DeliverDueAsync());
        var thanks = (await app.RemindersAsync(user)).Single(r => r.Kind == ReminderKind.WindowOpens && r.StepKind == StepKind.SendThankYou);
        var fire = (await app.Engine.NextFireTimesAsync(100)).Single(f => f.ReminderId == thanks.Id);
        Assert.Equal(new DateTime(2026, 11, 24, 3, 0, 0, DateTimeKind.Utc), fire.FireAtUtc);

        app.SetTokyo(2026, 11, 24, 12, 0);
        Assert.Equal(1, await app.Engine.DeliverDueAsync());
        Assert.Single(await app.DeliveriesAsync(user));
    }

    [Fact]
    public async Task Read_dismiss_and_snooze_until_the_next_call_window()
    {
        await using var app = new ReminderAppFactory(_data.Path, ReminderSeed.ClockAtTokyo(11, 24, 9), scheduler: false);
        var user = await app.CreateUserAsync("s@example.com");
        await ReminderSeed.ApplicationAsync(app.ApplicationsFor(user), "スヌーズ株式会社");
        app.SetTokyo(2026, 11, 24, 11, 15);
        Assert.Equal(1, await app.Engine.DeliverDueAsync());
        var reminders = app.RemindersFor(user);
        Assert.Equal(1, await reminders.UnreadCountAsync());
        var item = (await reminders.ListAsync())[0];
        Assert.Equal(ReminderState.Delivered, item.State);

        // 11:15 is inside the 10:00–12:00 call window: the next one opens at 13:00 (after lunch).
        var until = await reminders.SnoozeAsync(item.Id);
        Assert.Equal(new DateTime(2026, 11, 24, 4, 0, 0, DateTimeKind.Utc), until);
        Assert.Equal(0, await reminders.UnreadCountAsync());
        app.SetTokyo(2026, 11, 24, 12, 59);
        Assert.Equal(0, await app.Engine.DeliverDueAsync());
        app.SetTokyo(2026, 11, 24, 13, 0);
        Assert.Equal(1, await app.Engine.DeliverDueAsync());
        Assert.Equal(1, await reminders.UnreadCountAsync());

        Assert.True(await reminders.MarkReadAsync(item.Id));
        Assert.Equal(0, await reminders.UnreadCountAsync());
        Assert.False(await reminders.MarkReadAsync(item.Id));
        Assert.True(await reminders.DismissAsync(item.Id));
        Assert.DoesNotContain(await reminders.ListAsync(), r => r.Id == item.Id);
    }

    [Fact]
    public async Task Deleting_the_event_that_superseded_a_reminder_schedules_it_again_and_deleting_the_interview_supersedes_all()
    {
        await using var app = new ReminderAppFactory(_data.Path, ReminderSeed.ClockAtTokyo(11, 24, 12), scheduler: false);
        var user = await app.CreateUserAsync("undo@example.com");
        var service = app.ApplicationsFor(user);
        var (appId, interviewId) = await ReminderSeed.ApplicationAsync(service, "取り消し株式会社");
        await ReminderSeed.EventAsync(service, appId, new EventInput
        {
            Kind = ContactEventKind.EmailSent, EmailPurpose = EmailPurpose.ThankYou, Date = "2026-11-24", Time = "11:30",
        });
        bool IsThanks(Reminder r) => r.StepKind == StepKind.SendThankYou;
        Assert.All((await app.RemindersAsync(user)).Where(IsThanks), r => Assert.Equal(ReminderState.Superseded, r.State));

        var detail = await service.GetAsync(appId);
        Assert.True(await service.DeleteEventAsync(detail!.Events.Single().Id));
        Assert.All((await app.RemindersAsync(user)).Where(IsThanks), r => Assert.Equal(ReminderState.Scheduled, r.State));

        Assert.True(await service.DeleteInterviewAsync(interviewId));
        Assert.All(await app.RemindersAsync(user), r => Assert.Equal(ReminderState.Superseded, r.State));
        Assert.Equal(0, await app.Engine.DeliverDueAsync());
    }

    public void Dispose() => _data.Dispose();
}

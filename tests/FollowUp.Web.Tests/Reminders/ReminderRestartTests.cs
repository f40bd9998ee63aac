using FollowUp.Domain.Advice;
using FollowUp.Web.Features.Operations;
using FollowUp.Web.Features.Reminders;
using FollowUp.Web.Tests.Infrastructure;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;

namespace FollowUp.Web.Tests.Reminders;

/// <summary>
/// The database is the truth: reminders planned before a shutdown are delivered after the restart, once each,
/// late, by the real Hangfire server (the start-up reconcile job) on the same SQLite file.
/// </summary>
public sealed class ReminderRestartTests : IDisposable
{
    private readonly TempDirectory _data = new("followup-reminder-restart");

    [Fact]
    public async Task Reminders_due_while_the_app_was_down_are_delivered_once_after_restart()
    {
        string user;
        List<Reminder> planned;
        await using (var before = new ReminderAppFactory(_data.Path, ReminderSeed.ClockAtTokyo(11, 24, 9)))
        {
            user = await before.CreateUserAsync("restart@example.com");
            await ReminderSeed.ApplicationAsync(before.ApplicationsFor(user), "再起動テスト株式会社");
            planned = await before.RemindersAsync(user);
            Assert.Equal(3, planned.Count);
            await Eventually.TrueAsync(async () => await ReconcileRunsAsync(before) >= 1);
            Assert.Empty(await before.DeliveriesAsync());
        } // stopped before anything is due

        // Thursday 26 Nov 09:00: the thank-you window opened on Tuesday (missed) and its "closing soon" reminder
        // was due at 07:00 (quiet hours until 08:00). The follow-up (2 Dec) is not due yet.
        var later = ReminderSeed.ClockAtTokyo(11, 26, 9);
        for (var restart = 0; restart < 2; restart++)
        {
            await using var after = new ReminderAppFactory(_data.Path, later);
            _ = after.Services; // starts the host and its scheduler
            await Eventually.TrueAsync(async () => (await after.DeliveriesAsync()).Count >= 2);
            // Runs are kept in the database: this instance's start-up reconcile is the one after those before it.
            await Eventually.TrueAsync(async () => await ReconcileRunsAsync(after) >= restart + 2);
            Assert.Equal(0, await after.Engine.DeliverDueAsync());

            var deliveries = await after.DeliveriesAsync(user);
            Assert.Equal(2, deliveries.Count);
            Assert.Equal(2, deliveries.Select(d => d.ReminderId).Distinct().Count());
            var rows = await after.RemindersAsync(user);
            Assert.Equal(ReminderState.Delivered, rows.Single(r => r.StepKind == StepKind.SendThankYou && r.Kind == ReminderKind.WindowOpens).State);
            Assert.Equal(ReminderState.Delivered, rows.Single(r => r.StepKind == StepKind.SendThankYou && r.Kind == ReminderKind.ClosingSoon).State);
            Assert.Equal(ReminderState.Scheduled, rows.Single(r => r.StepKind == StepKind.FollowUp).State);
            // The new in-memory job store was empty at start: the sweep set a wake-up for the pending follow-up.
            var followUp = rows.Single(r => r.StepKind == StepKind.FollowUp);
            var fireAt = (await after.Engine.NextFireTimesAsync(1)).Single();
            Assert.Equal(followUp.Id, fireAt.ReminderId);
            Assert.Equal(fireAt.FireAtUtc, after.Services.GetRequiredService<ReminderAlarm>().PendingUtc);
            var wakeUps = after.Services.GetRequiredService<JobStorage>().GetMonitoringApi().ScheduledJobs(0, 100)
                .Where(j => j.Value.Job.Type == typeof(DeliverRemindersJob)).ToList();
            // Hangfire runs on the real clock: the wake-up is as far from real now as the follow-up is from the fake one.
            var expected = TimeProvider.System.GetUtcNow().UtcDateTime + (fireAt.FireAtUtc - later.GetUtcNow().UtcDateTime);
            Assert.Contains(wakeUps, j => Math.Abs((j.Value.EnqueueAt - expected).TotalSeconds) < 30);
        }
    }

    private static async Task<int> ReconcileRunsAsync(ReminderAppFactory app) =>
        (await app.Services.GetRequiredService<JobHistory>().RecentAsync(100)).Count(r => r.Job == "reconcile");

    public void Dispose() => _data.Dispose();
}

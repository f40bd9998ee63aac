using System.Diagnostics;
using FollowUp.Web.Features.Reminders;
using FollowUp.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace FollowUp.Web.Tests.Reminders;

/// <summary>
/// The figure in docs/performance.md ("## Reminders"): rebuilding triggers for 100,000 Scheduled reminders, and
/// the scheduler's memory for them. Runs only when asked, because it takes a while:
/// <c>FOLLOWUP_PERF=1 dotnet test tests/FollowUp.Web.Tests -c Release --filter ReminderSchedulerPerf --logger "console;verbosity=detailed"</c>.
/// </summary>
public sealed class ReminderSchedulerPerfTests(ITestOutputHelper output) : IDisposable
{
    private const int Count = 100_000;
    private readonly TempDirectory _data = new("followup-reminder-perf");

    [Fact]
    public async Task ReminderSchedulerPerf_rebuild_100k_triggers()
    {
        if (Environment.GetEnvironmentVariable("FOLLOWUP_PERF") != "1")
        {
            return;
        }
        await using var app = new ReminderAppFactory(_data.Path, ReminderSeed.ClockAtTokyo(11, 24, 9), scheduler: false);
        var users = new List<string>();
        for (var u = 0; u < 100; u++)
        {
            users.Add(await app.CreateUserAsync($"perf{u}@example.com"));
        }
        var appIds = new List<int>();
        foreach (var user in users)
        {
            appIds.Add((await ReminderSeed.ApplicationAsync(app.ApplicationsFor(user), "Perf")).ApplicationId);
        }
        await using (var db = app.CreateDbContext())
        {
            await db.Database.ExecuteSqlRawAsync("DELETE FROM Reminders");
            await using var tx = await db.Database.BeginTransactionAsync();
            var start = new DateTime(2026, 11, 25, 1, 0, 0);
            for (var i = 0; i < Count; i++)
            {
                var k = i % users.Count;
                db.Add(new Reminder
                {
                    OwnerId = users[k], ApplicationId = appIds[k], InterviewId = 1_000_000 + i,
                    StepKind = Domain.Advice.StepKind.FollowUp, Kind = ReminderKind.WindowOpens,
                    OpensAt = start.AddMinutes(i), DueAtUtc = start.AddMinutes(i), State = ReminderState.Scheduled,
                });
                if (i % 10_000 == 9_999)
                {
                    await db.SaveChangesAsync();
                    db.ChangeTracker.Clear();
                }
            }
            await tx.CommitAsync();
        }

        var engine = app.Engine;
        await engine.ScheduledFireTimesAsync(); // warm up EF
        var warm = await ReminderScheduler.CreateAsync($"perf-warm-{Guid.NewGuid():N}", app.Services);
        await ReminderScheduler.RebuildOnAsync(warm, [(1, new DateTime(2026, 12, 1))], app.Clock, new());
        await warm.Shutdown();

        var before = GC.GetTotalMemory(forceFullCollection: true);
        var total = Stopwatch.StartNew();
        var read = Stopwatch.StartNew();
        var wanted = await engine.ScheduledFireTimesAsync();
        read.Stop();
        var scheduler = await ReminderScheduler.CreateAsync($"perf-{Guid.NewGuid():N}", app.Services);
        var known = new System.Collections.Concurrent.ConcurrentDictionary<int, DateTime>();
        var build = Stopwatch.StartNew();
        await ReminderScheduler.RebuildOnAsync(scheduler, wanted, app.Clock, known);
        build.Stop();
        total.Stop();
        wanted = null;
        var after = GC.GetTotalMemory(forceFullCollection: true);
        var keys = await scheduler.GetTriggerKeys(Quartz.Impl.Matchers.GroupMatcher<Quartz.TriggerKey>.GroupEquals(ReminderScheduler.Group));
        Assert.Equal(Count, keys.Count);

        // A second rebuild over the same set (the periodic reconcile's steady state: nothing changed).
        var again = Stopwatch.StartNew();
        var rescheduled = await ReminderScheduler.RebuildOnAsync(scheduler, await engine.ScheduledFireTimesAsync(), app.Clock, known);
        again.Stop();
        Assert.Equal(0, rescheduled);

        // A rebuild from scratch over existing triggers (a scheduler whose bookkeeping was lost): replace all.
        var replaceAll = Stopwatch.StartNew();
        await ReminderScheduler.RebuildOnAsync(scheduler, await engine.ScheduledFireTimesAsync(), app.Clock, new());
        replaceAll.Stop();

        output.WriteLine($"reminders: {Count:N0}");
        output.WriteLine($"read Scheduled rows + fire times: {read.ElapsedMilliseconds:N0} ms");
        output.WriteLine($"build triggers in Quartz (RAMJobStore): {build.ElapsedMilliseconds:N0} ms");
        output.WriteLine($"total first rebuild: {total.ElapsedMilliseconds:N0} ms");
        output.WriteLine($"steady-state reconcile, nothing changed (read + compare): {again.ElapsedMilliseconds:N0} ms");
        output.WriteLine($"rebuild replacing all 100k existing triggers: {replaceAll.ElapsedMilliseconds:N0} ms");
        output.WriteLine($"managed heap held by the scheduler with its triggers: {(after - before) / 1024.0 / 1024.0:N1} MiB ({(after - before) / (double)Count:N0} bytes per trigger)");
        GC.KeepAlive(scheduler);
        await scheduler.Shutdown();
    }

    public void Dispose() => _data.Dispose();
}

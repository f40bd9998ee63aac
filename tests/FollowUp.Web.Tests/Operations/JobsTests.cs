using System.Net;
using FollowUp.Web.Features.Backups;
using FollowUp.Web.Features.Operations;
using FollowUp.Web.Features.Reminders;
using FollowUp.Web.Tests.Infrastructure;
using FollowUp.Web.Tests.Reminders;
using Hangfire;
using Hangfire.States;
using Hangfire.Storage;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FollowUp.Web.Tests.Operations;

/// <summary>Hangfire as the app sets it up: a store per host, recurring jobs by stable id, no retries, an admin-only dashboard.</summary>
[Trait("Database", "Both")]
public sealed class JobsTests : IDisposable
{
    private readonly TempDirectory _a = new("followup-jobs-a");
    private readonly TempDirectory _b = new("followup-jobs-b");

    [Fact]
    public async Task Each_host_has_its_own_job_store_and_none_is_process_wide()
    {
        await using var first = new ReminderAppFactory(_a.Path, TestClock.AtDefaultStart(), scheduler: false);
        await using var second = new ReminderAppFactory(_b.Path, TestClock.AtDefaultStart(), scheduler: false);
        var firstStore = first.Services.GetRequiredService<JobStorage>();
        var secondStore = second.Services.GetRequiredService<JobStorage>();
        Assert.NotSame(firstStore, secondStore);

        first.Services.GetRequiredService<IBackgroundJobClientV2>().Enqueue<PruneJobHistoryJob>(j => j.RunAsync(CancellationToken.None));
        Assert.Equal(1, firstStore.GetMonitoringApi().GetStatistics().Enqueued);
        Assert.Equal(0, secondStore.GetMonitoringApi().GetStatistics().Enqueued);

        // Nothing set the static store that Hangfire's static helpers would share between hosts.
        Assert.Throws<InvalidOperationException>(() => JobStorage.Current);
    }

    [Fact]
    public async Task Recurring_jobs_are_registered_under_stable_ids_at_start()
    {
        await using var app = new ReminderAppFactory(_a.Path, TestClock.AtDefaultStart());
        _ = app.Services; // starts the host
        var storage = app.Services.GetRequiredService<JobStorage>();
        await Eventually.TrueAsync(() => Task.FromResult(Recurring(storage).Count == 3));
        Assert.Equal([BackupJob.RecurringId, PruneJobHistoryJob.RecurringId, ReconcileRemindersJob.RecurringId], Recurring(storage).Order(StringComparer.Ordinal));
        using (var connection = storage.GetConnection())
        {
            Assert.Equal("*/5 * * * *", connection.GetRecurringJobs().Single(j => j.Id == ReconcileRemindersJob.RecurringId).Cron);
        }

        static List<string> Recurring(JobStorage storage)
        {
            using var connection = storage.GetConnection();
            return [.. connection.GetRecurringJobs().Select(j => j.Id)];
        }
    }

    [Fact]
    public async Task A_failing_job_is_recorded_once_on_ops_and_not_retried()
    {
        await using var app = new ReminderAppFactory(_a.Path, TestClock.AtDefaultStart());
        var history = app.Services.GetRequiredService<JobHistory>();
        await Eventually.TrueAsync(async () => (await history.LastRunsAsync()).Any(r => r.Job == ReconcileRemindersJob.Name && r.Succeeded));
        await using (var db = app.CreateDbContext())
        {
            await db.Database.ExecuteSqlRawAsync("ALTER TABLE \"Reminders\" RENAME TO \"RemindersGone\";");
        }

        // Run once, by hand: the recurring schedule follows the real clock and could add a run of its own when a
        // five-minute boundary passes during the test, so it is taken away first.
        app.Services.GetRequiredService<IRecurringJobManagerV2>().RemoveIfExists(ReconcileRemindersJob.RecurringId);
        var id = app.Services.GetRequiredService<IBackgroundJobClientV2>().Enqueue<ReconcileRemindersJob>(j => j.RunAsync(CancellationToken.None));
        var monitoring = app.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        await Eventually.TrueAsync(() => Task.FromResult(monitoring.JobDetails(id)?.History.FirstOrDefault()?.StateName == FailedState.StateName));

        // Failed for good (a retry would have moved it to Scheduled), and written down once with its error.
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal(FailedState.StateName, monitoring.JobDetails(id).History[0].StateName);
        Assert.DoesNotContain(monitoring.JobDetails(id).History, h => h.StateName == ScheduledState.StateName);
        var failures = (await history.FailuresAsync(50)).Where(r => r.Job == ReconcileRemindersJob.Name).ToList();
        var failure = Assert.Single(failures);
        Assert.Contains("Reminders", failure.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_dashboard_is_for_administrators_only_and_keeps_the_security_headers()
    {
        await using var app = new ReminderAppFactory(_a.Path, TestClock.AtDefaultStart(),
            settings: new Dictionary<string, string> { ["FollowUp:Admin:Emails"] = "ops-admin@example.com" });
        var options = new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true };
        using var admin = app.CreateClient(options);
        using var member = app.CreateClient(options);
        using var visitor = app.CreateClient(options);
        (await Forms.RegisterAsync(admin, "ops-admin@example.com", ReminderAppFactory.Password)).Dispose();
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        (await Forms.RegisterAsync(member, "member@example.com", ReminderAppFactory.Password)).Dispose();

        foreach (var path in new[] { "/ops/jobs", "/ops/jobs/recurring", "/ops/jobs/jobs/failed" })
        {
            using var signedOut = await visitor.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
            Assert.StartsWith("/account/login", Forms.RedirectTarget(signedOut), StringComparison.Ordinal);

            using var notAdmin = await member.GetAsync(new Uri(path, UriKind.Relative));
            Assert.True(notAdmin.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized, $"{path}: {notAdmin.StatusCode}");
            Assert.DoesNotContain(ReconcileRemindersJob.RecurringId, await notAdmin.Content.ReadAsStringAsync(), StringComparison.Ordinal);

            using var allowed = await admin.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
            Assert.Contains("script-src 'self'", allowed.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
            Assert.Equal("nosniff", allowed.Headers.GetValues("X-Content-Type-Options").Single());
        }
        var recurring = await admin.GetStringAsync(new Uri("/ops/jobs/recurring", UriKind.Relative));
        Assert.Contains(ReconcileRemindersJob.RecurringId, recurring, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _a.Dispose();
        _b.Dispose();
    }
}

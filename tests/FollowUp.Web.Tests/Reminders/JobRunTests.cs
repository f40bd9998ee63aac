using System.Globalization;
using System.Net;
using FollowUp.Web.Features.Operations;
using FollowUp.Web.Features.Reminders;
using FollowUp.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FollowUp.Web.Tests.Reminders;

/// <summary>The reminder engine's job runs are kept in the database: pruned, never in the jobs' way, and shown on /ops.</summary>
public sealed class JobRunTests : IDisposable
{
    private readonly TempDirectory _data = new("followup-job-runs");

    [Theory]
    [InlineData("FollowUp:Operations:AdminRole", "Operators")]
    [InlineData("FollowUp:Reminders:AdminRole", "Operators")] // where releases before 2026-12 kept it
    public async Task The_operations_settings_are_read_from_their_section_and_from_the_old_one(string key, string role)
    {
        await using var app = new ReminderAppFactory(_data.Path, TestClock.AtDefaultStart(), scheduler: false,
            new Dictionary<string, string> { [key] = role, ["FollowUp:Reminders:JobFailuresKeptDays"] = "9", ["FollowUp:Operations:JobFailuresKeptDays"] = "12" });
        var options = app.Services.GetRequiredService<IOptions<OperationsOptions>>().Value;
        Assert.Equal(role, options.AdminRole);
        Assert.Equal(12, options.JobFailuresKeptDays); // the new section wins
    }

    [Fact]
    public async Task Pruning_keeps_the_newest_runs_of_each_job_and_failures_of_the_last_30_days()
    {
        await using var app = new ReminderAppFactory(_data.Path, TestClock.AtDefaultStart(), scheduler: false,
            new Dictionary<string, string> { ["FollowUp:Operations:JobRunsKeptPerJob"] = "5" });
        var ops = app.Services.GetRequiredService<JobHistory>();
        var now = app.Clock.GetUtcNow();
        JobRun Run(string job, bool ok, TimeSpan ago, string detail) => new(job, now - ago, TimeSpan.FromMilliseconds(12.5), ok, detail);

        for (var i = 0; i < 3; i++)
        {
            await ops.RecordAsync(Run("deliver", false, TimeSpan.FromDays(40 - i), $"old failure {i}"));
        }
        for (var i = 0; i < 2; i++)
        {
            await ops.RecordAsync(Run("deliver", false, TimeSpan.FromDays(2 - i), $"recent failure {i}"));
        }
        for (var i = 0; i < 3; i++)
        {
            await ops.RecordAsync(Run("reconcile", true, TimeSpan.FromMinutes(30 - i), $"reconcile {i}"));
        }
        for (var i = 0; i < 10; i++)
        {
            await ops.RecordAsync(Run("deliver", true, TimeSpan.FromMinutes(10 - i), $"ok {i}"));
        }
        await ops.RecordAsync(Run("deliver", true, TimeSpan.Zero, new string('x', 5000)));
        Assert.Equal(19, (await ops.RecentAsync(100)).Count); // recording keeps everything; the prune job trims

        // The hourly job, resolved as Hangfire would and run directly.
        using (var scope = app.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<PruneJobHistoryJob>().RunAsync(CancellationToken.None);
        }

        var deliver = (await ops.RecentAsync(100)).Where(r => r.Job == "deliver").Select(r => r.Detail).ToList();
        Assert.Equal(["x", "ok 9", "ok 8", "ok 7", "ok 6", "recent failure 1", "recent failure 0"],
            deliver.Select(d => d.StartsWith("xxx", StringComparison.Ordinal) ? "x" : d));
        Assert.Equal(JobRunRecord.MaxDetail, deliver[0].Length);
        Assert.EndsWith("…", deliver[0], StringComparison.Ordinal);
        Assert.Equal(["reconcile 2", "reconcile 1", "reconcile 0"],
            (await ops.RecentAsync(100)).Where(r => r.Job == "reconcile").Select(r => r.Detail));
        Assert.Equal(["recent failure 1", "recent failure 0"], (await ops.FailuresAsync(50)).Select(r => r.Detail));

        var last = await ops.LastRunsAsync();
        Assert.Equal(["deliver", "prune", "reconcile"], last.Select(r => r.Job));
        Assert.Equal("9 old runs deleted, 0 expired sessions, 0 ended sign-in lockouts", last[1].Detail);
        Assert.Equal("reconcile 2", last[2].Detail);
        Assert.Equal(12.5, last[2].DurationMs);
        Assert.Equal((now - TimeSpan.FromMinutes(28)).UtcDateTime, last[2].StartedAtUtc);
        Assert.Equal(0, ops.UnsavedRuns);
    }

    [Fact]
    public async Task A_run_that_cannot_be_saved_is_counted_and_logged_and_the_job_still_delivers()
    {
        await using var app = new ReminderAppFactory(_data.Path, ReminderSeed.ClockAtTokyo(11, 24, 9), scheduler: true,
            new Dictionary<string, string>
            {
                // Nothing listens there: the reminder email fails, and so does writing that failure down.
                ["FollowUp:Smtp:Host"] = "127.0.0.1",
                ["FollowUp:Smtp:Port"] = AppServer.FreePort().ToString(CultureInfo.InvariantCulture),
            });
        var ops = app.Services.GetRequiredService<JobHistory>();
        var recurring = app.Services.GetRequiredService<Hangfire.IRecurringJobManagerV2>();
        await Eventually.TrueAsync(async () => (await ops.LastRunsAsync()).Any(r => r.Job == "reconcile"));
        await using (var db = app.CreateDbContext())
        {
            await db.Database.ExecuteSqlRawAsync("DROP TABLE \"JobRuns\";");
        }
        var user = await app.CreateUserAsync("unsaved@example.com");
        await app.RemindersFor(user).SetEmailAsync(true);
        await ReminderSeed.ApplicationAsync(app.ApplicationsFor(user), "記録失敗株式会社");

        app.SetTokyo(2026, 11, 24, 11, 0, 1);
        recurring.TriggerJob(ReconcileRemindersJob.RecurringId);
        await Eventually.TrueAsync(async () => (await app.DeliveriesAsync(user)).Count == 1 && ops.UnsavedRuns >= 2);

        // The reconcile run and the email failure were lost; the delivery was not, and the scheduler still runs.
        Assert.Single(await app.DeliveriesAsync(user));
        recurring.TriggerJob(ReconcileRemindersJob.RecurringId);
        await Eventually.TrueAsync(() => Task.FromResult(ops.UnsavedRuns >= 3));
    }

    [Fact]
    public async Task Runs_and_failures_survive_a_crash_and_ops_shows_them_to_administrators_only()
    {
        const string adminEmail = "ops@example.com";
        // No backup runs: on a slow machine the first one (60 s after start) would join the job list checked below.
        var server = await AppServer.StartAsync(_data.Path, environment: new Dictionary<string, string>
        {
            ["FollowUp__Admin__Emails"] = adminEmail,
            ["FollowUp__Backup__IntervalHours"] = "0",
        });
        var cookies = new CookieContainer();
        int firstRun;
        int reminderId;
        try
        {
            using var admin = Client(server, cookies);
            (await Forms.RegisterAsync(admin, adminEmail, FollowUpAppFactory.Password)).Dispose();
            // The start-up reconcile is written down; only then add a due reminder, so this instance leaves it alone.
            firstRun = (await Eventually.ValueAsync(async () => (await ServerReminders.JobRunsAsync(server)).FirstOrDefault(r => r.Job == "reconcile"))).Id;
            var applicationId = await ServerReminders.AddApplicationAsync(server, adminEmail, "運用株式会社");
            reminderId = await ServerReminders.AddDueAsync(server, adminEmail, applicationId, emailEnabled: true);
        }
        finally
        {
            await server.DisposeAsync(); // killed, as in a crash
        }

        // Restarted with email pointing nowhere: the start-up reconcile delivers the reminder and its email fails.
        server = await AppServer.StartAsync(_data.Path, server.Port, new Dictionary<string, string>
        {
            ["FollowUp__Admin__Emails"] = adminEmail,
            ["FollowUp__Backup__IntervalHours"] = "0",
            ["FollowUp__Smtp__Host"] = "127.0.0.1",
            ["FollowUp__Smtp__Port"] = AppServer.FreePort().ToString(CultureInfo.InvariantCulture),
        });
        await using (server)
        {
            var failure = await Eventually.ValueAsync(async () => (await ServerReminders.JobRunsAsync(server)).FirstOrDefault(r => r.Job == "email"));
            Assert.False(failure.Succeeded);
            Assert.StartsWith($"reminder {reminderId}: ", failure.Detail, StringComparison.Ordinal);
            await Eventually.TrueAsync(async () => (await ServerReminders.JobRunsAsync(server)).Count(r => r.Job == "reconcile") >= 2);

            using var admin = Client(server, cookies);
            var ops = await Forms.GetDocumentAsync(admin, "/ops");
            Assert.NotNull(ops.QuerySelector($"[data-testid=run][data-run-id='{firstRun}']")); // from before the crash
            Assert.NotNull(ops.QuerySelector($"[data-testid=failure][data-run-id='{failure.Id}']"));
            Assert.Equal(["email", "reconcile"],
                ops.QuerySelectorAll("[data-testid=last-run]").Select(r => r.GetAttribute("data-job")));
            Assert.Contains("FAILED", ops.QuerySelector("[data-testid=last-run][data-job=email]")!.TextContent, StringComparison.Ordinal);

            using var other = Client(server, new CookieContainer());
            (await Forms.RegisterAsync(other, "not-ops@example.com", FollowUpAppFactory.Password)).Dispose();
            using var deniedResponse = await other.GetAsync(new Uri("/ops", UriKind.Relative));
            Assert.Equal(HttpStatusCode.NotFound, deniedResponse.StatusCode);
            var denied = await Forms.ParseAsync(deniedResponse);
            Assert.Null(denied.QuerySelector("[data-testid=run-reconcile]"));
            Assert.Empty(denied.QuerySelectorAll("[data-testid=run], [data-testid=last-run], [data-testid=failure]"));
            Assert.DoesNotContain($"reminder {reminderId}", denied.Body!.TextContent, StringComparison.Ordinal);
        }
    }

    private static HttpClient Client(AppServer server, CookieContainer cookies) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = cookies }) { BaseAddress = server.BaseUri };

    public void Dispose() => _data.Dispose();
}

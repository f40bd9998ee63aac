using System.Net;
using System.Text;
using FollowUp.Web.Features.Reminders;
using FollowUp.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FollowUp.Web.Tests.Reminders;

/// <summary>
/// The sweep plans reminders from the applications and interviews themselves, so a gap heals at the next start or
/// sweep: an import whose process died after its commit but before planning (simulated by a host that never plans),
/// and rows written behind the app's back. A sweep with nothing changed plans nothing.
/// </summary>
public sealed class ReminderHealingTests : IDisposable
{
    private const int Applications = 40;

    private readonly TempDirectory _data = new("followup-reminder-healing");

    [Fact]
    public async Task Reminders_missing_after_a_crash_between_commit_and_planning_are_planned_at_the_next_start()
    {
        var clock = ReminderSeed.ClockAtTokyo(11, 24, 9);
        string owner;
        await using (var crashed = new ReminderAppFactory(_data.Path, clock, scheduler: false).WithWebHostBuilder(b =>
                         b.ConfigureTestServices(s =>
                         {
                             // The process "dies" after the import's commit: nobody hears of the new applications.
                             s.RemoveAll<IApplicationChanged>();
                             s.AddSingleton<IApplicationChanged, NobodyListens>();
                         })))
        {
            using var client = crashed.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
            using (var registered = await Forms.RegisterAsync(client, "crash@example.jp", ReminderAppFactory.Password))
            {
                Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
            }
            var page = await DataSafety.ImportForm.PostAsync(client, ImportFile());
            Assert.NotNull(page.QuerySelector("[data-testid=import-done]"));
            owner = await OwnerAsync(crashed.Services, "crash@example.jp");
            Assert.Empty(await RemindersAsync(crashed.Services, owner)); // the gap
        }

        // Restarted (with the scheduler): the start-up sweep plans every imported application.
        await using var restarted = new ReminderAppFactory(_data.Path, clock);
        await Eventually.TrueAsync(async () => (await RemindersAsync(restarted.Services, owner)).Select(r => r.ApplicationId).Distinct().Count() == Applications,
            "the start-up sweep to plan every application");

        // Exactly what the import would have planned had it lived: compare with one that did.
        var control = await restarted.CreateUserAsync("control@example.jp");
        var report = await new FollowUp.Web.Features.DataExport.DataImporter(
            restarted.Services.GetRequiredService<IDbContextFactory<FollowUp.Web.Data.FollowUpDbContext>>(),
            new TestCurrentUser(control), clock,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<FollowUp.Web.Features.DataExport.DataImporter>.Instance,
            restarted.Services.GetRequiredService<IApplicationChanged>()).ImportAsync(new MemoryStream(ImportFile()));
        Assert.True(report.Succeeded);
        Assert.Equal(Shape(await RemindersAsync(restarted.Services, control)), Shape(await RemindersAsync(restarted.Services, owner)));
    }

    [Fact]
    public async Task The_periodic_sweep_plans_rows_written_behind_the_apps_back_and_nothing_else()
    {
        var clock = ReminderSeed.ClockAtTokyo(11, 24, 9);
        await using var app = new ReminderAppFactory(_data.Path, clock, scheduler: false);
        var owner = await app.CreateUserAsync("behind@example.jp");
        var (planned, _) = await ReminderSeed.ApplicationAsync(app.ApplicationsFor(owner), "計画済み株式会社");
        var unplanned = await app.ApplicationsFor(owner).CreateAsync(new FollowUp.Web.Features.Applications.ApplicationInput { Company = "裏口株式会社" });
        var before = await RemindersAsync(app.Services, owner);
        Assert.All(before, r => Assert.Equal(planned, r.ApplicationId));

        // Another process (a restore script, an older release) adds an interview straight into the database.
        await using (var db = app.CreateDbContext())
        {
            await db.Database.ExecuteSqlInterpolatedAsync($"""
                INSERT INTO "Interviews" ("ApplicationId", "OwnerId", "At", "Stage", "PromiseKind", "PromiseCount", "ContactsSuccessfulOnly", "CreatedAtUtc")
                VALUES ({unplanned.Id}, {owner}, '2026-11-24 10:00:00', 0, 4, 3, 0, '2026-11-24 00:00:00')
                """);
        }

        var first = await app.Engine.ReconcileAsync();
        Assert.Equal(1, first.Planned);
        var after = await RemindersAsync(app.Services, owner);
        Assert.Equal(Shape(before.Where(r => r.ApplicationId == planned)), Shape(after.Where(r => r.ApplicationId == planned)));
        Assert.Contains(after, r => r.ApplicationId == unplanned.Id);

        var second = await app.Engine.ReconcileAsync();
        Assert.Equal(0, second.Planned);
        Assert.Contains(" 0 applications planned in ", second.Describe(), StringComparison.Ordinal);
    }

    private static byte[] ImportFile()
    {
        var apps = Enumerable.Range(1, Applications).Select(n => $$"""
            {"company":"輸入{{n}}株式会社","opensAt":"09:00","closesAt":"18:00","closedWeekdays":["Saturday","Sunday"],"observesNationalHolidays":true,
             "interviews":[{"date":"2026-11-{{10 + n % 14:00}}","time":"10:00","stage":"First","promiseKind":"WithinBusinessDays","promiseCount":3}]}
            """);
        return Encoding.UTF8.GetBytes("""{"format":"followup-export","version":1,"applications":[""" + string.Join(',', apps) + "]}");
    }

    /// <summary>What was planned, without ids or delivery state: step, kind, window and due time.</summary>
    private static List<string> Shape(IEnumerable<Reminder> reminders) =>
        [.. reminders.Select(r => $"{r.StepKind}/{r.Kind}/{r.OpensAt:O}/{r.DueAtUtc:O}").Order(StringComparer.Ordinal)];

    private static async Task<string> OwnerAsync(IServiceProvider services, string email)
    {
        await using var db = services.GetRequiredService<IDbContextFactory<FollowUp.Web.Data.FollowUpDbContext>>().CreateDbContext();
        return await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }

    private static async Task<List<Reminder>> RemindersAsync(IServiceProvider services, string owner)
    {
        await using var db = services.GetRequiredService<IDbContextFactory<FollowUp.Web.Data.FollowUpDbContext>>().CreateDbContext();
        return await db.RemindersOf(owner).AsNoTracking().OrderBy(r => r.Id).ToListAsync();
    }

    private sealed class NobodyListens : IApplicationChanged
    {
        public Task ChangedAsync(string ownerId, int applicationId, CancellationToken ct = default) => Task.CompletedTask;
    }

    public void Dispose() => _data.Dispose();
}

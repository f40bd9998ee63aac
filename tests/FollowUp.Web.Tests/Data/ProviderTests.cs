using FollowUp.Web.Infrastructure;
using FollowUp.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FollowUp.Web.Tests.Data;

/// <summary>
/// The pass runs on the database it says it does: on <c>./test.sh</c>'s PostgreSQL pass the app, its migrations and
/// its triggers are PostgreSQL's (so the other classes marked "Both" proved something there), and on the first pass
/// SQLite's.
/// </summary>
[Trait("Database", "Both")]
public sealed class ProviderTests(FollowUpAppFactory app) : IClassFixture<FollowUpAppFactory>
{
    [Fact]
    public async Task The_app_runs_on_the_provider_this_pass_names_with_every_migration_applied()
    {
        Assert.Equal(TestDatabase.UsePostgres, app.OnPostgres);
        Assert.Equal(TestDatabase.UsePostgres, app.Services.GetRequiredService<DataLocation>().IsPostgres);
        await using var db = app.CreateDbContext();
        Assert.Equal(
            TestDatabase.UsePostgres ? "Npgsql.EntityFrameworkCore.PostgreSQL" : "Microsoft.EntityFrameworkCore.Sqlite",
            db.Database.ProviderName);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.False(db.Database.HasPendingModelChanges(), "the model changed without this provider's migration");
        Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync());
    }

    [Fact]
    public async Task A_write_behind_the_apps_back_raises_the_owners_data_version_and_the_applications_change_version()
    {
        var owner = await app.CreateUserAsync("provider-triggers@example.jp");
        var service = app.ServiceFor(owner);
        var seeded = await Seed.ApplicationWithHistoryAsync(service, "トリガー株式会社");
        await using var db = app.CreateDbContext();
        var version = await db.DataVersions.Where(v => v.OwnerId == owner).Select(v => v.Version).SingleAsync();
        var change = await db.Set<FollowUp.Web.Features.Reminders.ReminderPlan>()
            .Where(p => p.ApplicationId == seeded.ApplicationId).Select(p => p.ChangeVersion).SingleAsync();

        // Plain SQL, as another node or an operator would write: the triggers (ported per provider) see it.
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"UPDATE \"Applications\" SET \"Notes\" = {"裏から"} WHERE \"Id\" = {seeded.ApplicationId}");

        Assert.Equal(version + 1, await db.DataVersions.Where(v => v.OwnerId == owner).Select(v => v.Version).SingleAsync());
        Assert.Equal(change + 1, await db.Set<FollowUp.Web.Features.Reminders.ReminderPlan>()
            .Where(p => p.ApplicationId == seeded.ApplicationId).Select(p => p.ChangeVersion).SingleAsync());
    }
}

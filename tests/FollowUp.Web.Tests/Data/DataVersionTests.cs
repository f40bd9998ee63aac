using FollowUp.Domain.Advice;
using FollowUp.Web.Data;
using FollowUp.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FollowUp.Web.Tests.Data;

/// <summary>
/// The cached lists trust the per-user data version, so every kind of write to what the rules read must raise
/// it — through EF, through bulk deletes and through cascades — and only for the owner written to.
/// </summary>
[Trait("Database", "Both")]
public sealed class DataVersionTests(FollowUpAppFactory app) : IClassFixture<FollowUpAppFactory>
{
    public static TheoryData<string> Writes => new()
    {
        "add application", "rename application", "add closure", "remove closure", "add interview", "change interview",
        "delete interview", "add event", "change event", "bulk delete events", "delete application (cascade)", "change profile", "save default rules", "change default rules",
    };

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task Every_write_raises_the_owners_version_and_no_one_elses(string write)
    {
        var owner = await app.CreateUserAsync($"version-{Guid.NewGuid():N}@example.jp");
        var other = await app.CreateUserAsync($"bystander-{Guid.NewGuid():N}@example.jp");
        var appId = await SeedAsync(owner);
        await SeedAsync(other);
        var before = await VersionAsync(owner);
        var otherBefore = await VersionAsync(other);

        await using (var db = app.CreateDbContext())
        {
            await ApplyAsync(db, write, owner, appId);
        }

        Assert.True(await VersionAsync(owner) > before, $"'{write}' did not raise the version");
        Assert.Equal(otherBefore, await VersionAsync(other));
    }

    [Fact]
    public async Task Deleting_the_account_leaves_no_version_row()
    {
        var owner = await app.CreateUserAsync($"gone-{Guid.NewGuid():N}@example.jp");
        await SeedAsync(owner);
        await using (var db = app.CreateDbContext())
        {
            db.UserDefaults.Add(new UserDefaults { UserId = owner });
            await db.SaveChangesAsync();
        }
        Assert.True(await VersionAsync(owner) > 0);
        await using (var db = app.CreateDbContext())
        {
            await db.Users.Where(u => u.Id == owner).ExecuteDeleteAsync();
        }
        await using var check = app.CreateDbContext();
        Assert.False(await check.DataVersions.AnyAsync(v => v.OwnerId == owner));
        Assert.Equal(0, await check.ApplicationsOf(owner).CountAsync());
    }

    private static async Task ApplyAsync(FollowUpDbContext db, string write, string owner, int appId)
    {
        var application = await db.Applications.Include(a => a.Closures).FirstAsync(a => a.Id == appId);
        switch (write)
        {
            case "add application":
                db.Applications.Add(new JobApplication { OwnerId = owner, Company = "追加" });
                break;
            case "rename application":
                application.Company = "新しい名前";
                break;
            case "add closure":
                application.Closures.Add(new ClosureRange { From = new DateOnly(2026, 12, 28), To = new DateOnly(2027, 1, 4) });
                break;
            case "remove closure":
                application.Closures.Clear();
                break;
            case "add interview":
                db.Interviews.Add(new Interview { OwnerId = owner, ApplicationId = appId, At = new DateTime(2026, 11, 30, 10, 0, 0) });
                break;
            case "change interview":
                (await db.Interviews.FirstAsync(i => i.ApplicationId == appId)).PromiseCount = 7;
                break;
            case "delete interview":
                await db.Interviews.Where(i => i.ApplicationId == appId).ExecuteDeleteAsync();
                return;
            case "add event":
                db.ContactEvents.Add(new ContactEventRecord { OwnerId = owner, ApplicationId = appId, Kind = ContactEventKind.ThankYouSkipped, At = new DateTime(2026, 11, 21, 9, 0, 0) });
                break;
            case "change event":
                (await db.ContactEvents.FirstAsync(e => e.ApplicationId == appId)).Note = "メモ";
                break;
            case "bulk delete events":
                await db.ContactEvents.Where(e => e.ApplicationId == appId).ExecuteDeleteAsync();
                return;
            case "delete application (cascade)":
                await db.Applications.Where(a => a.Id == appId).ExecuteDeleteAsync();
                return;
            case "save default rules":
                db.UserDefaults.Add(new UserDefaults { UserId = owner, Policy = PolicySettings.Recommended with { InquiryGraceBusinessDays = 5 } });
                break;
            case "change default rules":
                db.UserDefaults.Add(new UserDefaults { UserId = owner });
                await db.SaveChangesAsync();
                var before = await db.DataVersions.Where(v => v.OwnerId == owner).Select(v => v.Version).FirstAsync();
                (await db.UserDefaults.FirstAsync(d => d.UserId == owner)).Policy = PolicySettings.Recommended with { FollowUpLimit = 2 };
                await db.SaveChangesAsync();
                Assert.True(await db.DataVersions.Where(v => v.OwnerId == owner).Select(v => v.Version).FirstAsync() > before);
                return;
            case "change profile":
                (await db.Users.FirstAsync(u => u.Id == owner)).TimeZoneId = "Asia/Seoul";
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(write), write, null);
        }
        await db.SaveChangesAsync();
    }

    private async Task<int> SeedAsync(string owner)
    {
        await using var db = app.CreateDbContext();
        var application = new JobApplication { OwnerId = owner, Company = "株式会社テスト" };
        application.Closures.Add(new ClosureRange { From = new DateOnly(2026, 12, 1), To = new DateOnly(2026, 12, 1) });
        application.Interviews.Add(new Interview { OwnerId = owner, At = new DateTime(2026, 11, 20, 10, 0, 0), PromiseKind = ReplyPromiseKind.WithinDays, PromiseCount = 3 });
        application.Events.Add(new ContactEventRecord { OwnerId = owner, Kind = ContactEventKind.MissedCall, At = new DateTime(2026, 11, 21, 12, 0, 0) });
        db.Applications.Add(application);
        await db.SaveChangesAsync();
        return application.Id;
    }

    private async Task<long> VersionAsync(string owner)
    {
        await using var db = app.CreateDbContext();
        return await db.DataVersions.Where(v => v.OwnerId == owner).Select(v => v.Version).FirstOrDefaultAsync();
    }
}

using System.Net;
using FollowUp.Web.Data;
using FollowUp.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace FollowUp.Web.Tests.Accounts;

/// <summary>Deleting an account removes everything it owns (cascade) and nothing of anybody else's.</summary>
[Trait("Database", "Both")]
public sealed class AccountDeletionTests(FollowUpAppFactory app) : IClassFixture<FollowUpAppFactory>
{
    [Fact]
    public async Task UserManager_delete_removes_all_of_the_users_rows_and_none_of_the_others()
    {
        var a = await app.CreateUserAsync("a-delete@example.jp");
        var b = await app.CreateUserAsync("b-delete@example.jp");
        await Seed.ApplicationWithHistoryAsync(app.ServiceFor(a), "株式会社エー");
        await Seed.ApplicationWithHistoryAsync(app.ServiceFor(a), "株式会社エー二");
        await Seed.ApplicationWithHistoryAsync(app.ServiceFor(b), "株式会社ビー");
        var bBefore = await Seed.SnapshotOfAsync(app, b);
        Assert.Equal(new RowCounts(1, 2, 2, 2, 2), await app.CountRowsOfAsync(a));

        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var result = await users.DeleteAsync((await users.FindByIdAsync(a))!);
            Assert.True(result.Succeeded);
        }

        Assert.Equal(new RowCounts(0, 0, 0, 0, 0), await app.CountRowsOfAsync(a));
        Assert.Equal(bBefore, await Seed.SnapshotOfAsync(app, b));
        Assert.Equal(new RowCounts(1, 1, 1, 1, 1), await app.CountRowsOfAsync(b));
        await AssertNoOrphansAsync();
    }

    [Fact]
    public async Task The_manage_forms_delete_button_removes_the_account_and_its_rows_and_signs_out()
    {
        using var clientA = app.CreateBrowserLikeClient();
        (await Forms.RegisterAsync(clientA, "a-form-delete@example.jp", FollowUpAppFactory.Password)).Dispose();
        var a = (await app.UserIdAsync("a-form-delete@example.jp"))!;
        var b = await app.CreateUserAsync("b-form-delete@example.jp");
        await Seed.ApplicationWithHistoryAsync(app.ServiceFor(a), "株式会社エー");
        await Seed.ApplicationWithHistoryAsync(app.ServiceFor(b), "株式会社ビー");
        var bBefore = await Seed.SnapshotOfAsync(app, b);

        // A wrong password deletes nothing.
        using (var wrong = await Forms.SubmitAsync(clientA, "/account/manage", "delete-account",
                   new Dictionary<string, string> { ["Delete.Password"] = "not the password" }))
        {
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
            var doc = await Forms.ParseAsync(wrong);
            var message = doc.QuerySelector("#delete-password")!.Closest(".fu-field")!.QuerySelector(".validation-message");
            Assert.Equal("パスワードが正しくありません。", message?.TextContent.Trim());
        }
        Assert.Equal(new RowCounts(1, 1, 1, 1, 1), await app.CountRowsOfAsync(a));

        using (var deleted = await Forms.SubmitAsync(clientA, "/account/manage", "delete-account",
                   new Dictionary<string, string> { ["Delete.Password"] = FollowUpAppFactory.Password }))
        {
            Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
            Assert.StartsWith("/account/login", Forms.RedirectTarget(deleted), StringComparison.Ordinal);
        }

        Assert.Equal(new RowCounts(0, 0, 0, 0, 0), await app.CountRowsOfAsync(a));
        Assert.Equal(bBefore, await Seed.SnapshotOfAsync(app, b));
        await AssertNoOrphansAsync();

        // The old cookie no longer opens private pages.
        using var after = await clientA.GetAsync(new Uri("/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
    }

    private async Task AssertNoOrphansAsync()
    {
        await using var db = app.CreateDbContext();
        Assert.Empty(db.Applications.Where(x => !db.Users.Any(u => u.Id == x.OwnerId)));
        Assert.Empty(db.Interviews.Where(x => !db.Applications.Any(p => p.Id == x.ApplicationId)));
        Assert.Empty(db.ContactEvents.Where(x => !db.Applications.Any(p => p.Id == x.ApplicationId)));
        Assert.Empty(db.Closures.Where(x => !db.Applications.Any(p => p.Id == x.ApplicationId)));
    }
}

using FollowUp.Web.Features.Reminders;
using FollowUp.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace FollowUp.Web.Tests.Reminders;

/// <summary>The reminders page, the header bell and the operations page, as rendered for signed-in users.</summary>
public sealed class ReminderPageTests : IDisposable
{
    private readonly TempDirectory _data = new("followup-reminder-pages");

    [Fact]
    public async Task Bell_counts_unread_reminders_and_ops_is_only_for_the_named_administrator()
    {
        await using var app = new ReminderAppFactory(_data.Path, ReminderSeed.ClockAtTokyo(11, 24, 9),
            settings: new Dictionary<string, string> { ["FollowUp:Admin:Emails"] = "first@example.com" });
        var options = new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true };
        using var admin = app.CreateClient(options);
        admin.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        using var other = app.CreateClient(options);
        other.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        (await Forms.RegisterAsync(admin, "first@example.com", ReminderAppFactory.Password)).Dispose();
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        (await Forms.RegisterAsync(other, "second@example.com", ReminderAppFactory.Password)).Dispose();

        string adminId;
        await using (var db = app.CreateDbContext())
        {
            adminId = await db.Users.Where(u => u.Email == "first@example.com").Select(u => u.Id).SingleAsync();
        }
        await ReminderSeed.ApplicationAsync(app.ApplicationsFor(adminId), "Bell Corp");
        app.SetTokyo(2026, 11, 24, 11, 0, 1);
        await app.Engine.DeliverDueAsync();

        var page = await Forms.GetDocumentAsync(admin, "/reminders");
        Assert.Equal("1", page.QuerySelector("[data-testid=reminder-count]")?.TextContent.Trim());
        var items = page.QuerySelectorAll("[data-testid=reminder]");
        Assert.Contains(items, i => i.GetAttribute("data-state") == nameof(ReminderState.Delivered) && i.TextContent.Contains("Bell Corp", StringComparison.Ordinal));

        var ops = await Forms.GetDocumentAsync(admin, "/ops");
        Assert.NotNull(ops.QuerySelector("[data-testid=run-reconcile]"));
        Assert.NotNull(ops.QuerySelector("[data-testid=scheduled-count]"));
        Assert.NotNull(ops.QuerySelector("[data-testid=hangfire-counts]"));
        using var deniedResponse = await other.GetAsync(new Uri("/ops", UriKind.Relative));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, deniedResponse.StatusCode);
        Assert.Null((await Forms.ParseAsync(deniedResponse)).QuerySelector("[data-testid=run-reconcile]"));
        var otherPage = await Forms.GetDocumentAsync(other, "/reminders");
        Assert.Null(otherPage.QuerySelector("[data-testid=reminder-count]"));
        Assert.DoesNotContain("Bell Corp", otherPage.Body?.TextContent ?? "", StringComparison.Ordinal);
    }

    public void Dispose() => _data.Dispose();
}

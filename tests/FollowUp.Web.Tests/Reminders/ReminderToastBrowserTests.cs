using FollowUp.Web.Tests.Browser;
using FollowUp.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace FollowUp.Web.Tests.Reminders;

/// <summary>
/// In real Chromium against the real server: a reminder delivered by the scheduler shows a toast and bumps the
/// header bell on every open page of its user, without a reload.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class ReminderToastBrowserTests(BrowserFixture browser) : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _data = new("followup-browser-reminders");
    private AppServer? _server;

    public async Task InitializeAsync() => _server = await AppServer.StartAsync(_data.Path,
        environment: new Dictionary<string, string> { ["FollowUp__Admin__Emails"] = "toast@example.jp" });

    [Fact]
    public async Task Delivered_reminder_shows_a_toast_and_the_bell_count_on_every_open_page_without_reload()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var ui = new FollowUpUi(page, _server!);
        await ui.RegisterAsync("toast@example.jp", FollowUpAppFactory.Password); // named administrator: may open /ops
        var applicationId = await ui.AddApplicationAsync("トースト株式会社");
        await ui.GotoAsync("/");
        await Expect(page.Locator("[data-testid=reminder-bell]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=reminder-count]")).ToHaveCountAsync(0);

        // A reminder that is already due, written straight into the database (the truth), with no quiet hours.
        await ServerReminders.AddDueAsync(_server!, "toast@example.jp", applicationId);

        // A second page of the same user runs the reconcile job from /ops; the first page is left alone.
        var opsPage = await context.NewPageAsync();
        var ops = new FollowUpUi(opsPage, _server!);
        await ops.GotoAsync("/ops");
        await opsPage.Locator("[data-testid=run-reconcile]").ClickAsync();

        foreach (var p in new[] { page, opsPage })
        {
            await Expect(p.Locator(".mud-snackbar").Filter(new() { HasText = "トースト株式会社：「折り返し電話をする」のタイミングです。" })).ToBeVisibleAsync();
            await Expect(p.Locator("[data-testid=reminder-count]")).ToHaveTextAsync("1");
        }
        Assert.EndsWith("/", page.Url, StringComparison.Ordinal);
        await ui.ScreenshotAsync("reminder-toast");
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    public void Dispose() => _data.Dispose();
}

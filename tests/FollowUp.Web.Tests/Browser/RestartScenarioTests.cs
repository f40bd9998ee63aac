using FollowUp.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace FollowUp.Web.Tests.Browser;

/// <summary>
/// The main path on a phone, in real Chromium against the real server: register, add an application and an
/// interview, log a missed call; then the server dies and comes back on the same data folder, and the same
/// browser still sees its event and is still signed in (data and data-protection keys both persisted).
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class RestartScenarioTests(BrowserFixture browser) : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _data = new("followup-browser");
    private AppServer? _server;

    public async Task InitializeAsync() => _server = await AppServer.StartAsync(_data.Path);

    [Fact]
    public async Task Event_and_sign_in_survive_a_server_restart_at_phone_size()
    {
        await using var context = await browser.NewContextAsync(phone: true);
        var page = await context.NewPageAsync();
        var ui = new FollowUpUi(page, _server!);

        await ui.RegisterAsync("phone-user@example.jp", FollowUpAppFactory.Password);
        await ui.ScreenshotAsync("01-registered");

        var id = await ui.AddApplicationAsync("株式会社テスト");
        await ui.ScreenshotAsync("02-application");

        await ui.AddInterviewWithinBusinessDaysAsync(id, "2026-11-20", "10:00", businessDays: 3);
        await Expect(page.GetByText("3営業日以内に連絡")).ToBeVisibleAsync();
        await ui.ScreenshotAsync("03-interview");

        await ui.LogMissedCallAsync("「折り返しお願いします」");
        await Expect(ui.Timeline).ToBeVisibleAsync();
        await Expect(ui.Timeline.Locator("li")).ToHaveCountAsync(1);
        await Expect(ui.Timeline).ToContainTextAsync("「折り返しお願いします」");
        await ui.ScreenshotAsync("04-missed-call-logged");

        // The page is narrow enough for a phone: nothing forces sideways scrolling.
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"The page is {overflow}px wider than the 375px viewport");

        // Kill the server and start a new one on the same port and data folder.
        var port = _server!.Port;
        await _server.KillAsync();
        await _server.DisposeAsync();
        _server = null;
        ui.Trace("server killed");
        _server = await AppServer.StartAsync(_data.Path, port);
        ui.Trace("server restarted");

        await ui.ReloadAsync();
        Assert.EndsWith($"/applications/{id}", page.Url, StringComparison.Ordinal);
        await Expect(page.Locator("h1")).ToHaveTextAsync("株式会社テスト");
        await Expect(ui.Timeline).ToContainTextAsync("「折り返しお願いします」");
        await Expect(page.GetByText("3営業日以内に連絡")).ToBeVisibleAsync();
        await ui.WaitForCircuitAsync();
        await Expect(page).Not.ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/login"));
        await ui.ScreenshotAsync("05-after-restart");
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

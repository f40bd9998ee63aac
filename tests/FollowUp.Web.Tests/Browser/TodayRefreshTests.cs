using FollowUp.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FollowUp.Web.Tests.Browser;

/// <summary>
/// Today updates itself: with the server's clock started at 09:58:30 on Tuesday 2026-11-24 in Tokyo, a
/// callback owed from last night sits under "coming up" until the call window opens at 10:00, then moves to
/// "do now" on the open page, without a reload.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class TodayRefreshTests(BrowserFixture browser) : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _data = new("followup-refresh");
    private AppServer? _server;

    public async Task InitializeAsync() => _server = await AppServer.StartAsync(_data.Path, environment: new Dictionary<string, string>
    {
        ["FollowUp__Clock__StartAt"] = "2026-11-24T09:58:30+09:00",
    });

    [Fact]
    public async Task A_callback_moves_to_do_now_when_its_window_opens()
    {
        await using var context = await browser.NewContextAsync(phone: true);
        var page = await context.NewPageAsync();
        var ui = new FollowUpUi(page, _server!);
        await ui.RegisterAsync("refresh@example.jp", FollowUpAppFactory.Password);
        await ui.GotoAsync("/");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "サンプルデータで試す" }).ClickAsync();

        var callback = "[data-testid=today-card][data-company='株式会社みなと商事']";
        await Expect(page.Locator($"[data-testid=coming-up] {callback}")).ToBeVisibleAsync();
        var navigations = 0;
        page.FrameNavigated += (_, frame) => navigations += frame == page.MainFrame ? 1 : 0;

        await Expect(page.Locator($"[data-testid=do-now] {callback}"))
            .ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = 150_000 });
        await Expect(page.Locator($"[data-testid=coming-up] {callback}")).ToHaveCountAsync(0);
        Assert.Equal(0, navigations);
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

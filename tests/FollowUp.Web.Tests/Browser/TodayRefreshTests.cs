using FollowUp.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FollowUp.Web.Tests.Browser;

/// <summary>
/// Today updates itself: on the app's (fake) clock at 09:58:30 on Tuesday 2026-11-24 in Tokyo, a callback owed from
/// last night sits under "coming up" until the call window opens at 10:00; moving the clock past it moves the card
/// to "do now" on the open page, without a reload and without waiting for real time.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class TodayRefreshTests(BrowserFixture browser) : IDisposable
{
    private readonly KestrelApp _app = new KestrelApp(new DateTimeOffset(2026, 11, 24, 9, 58, 30, TimeSpan.FromHours(9))).Started();

    [Fact]
    public async Task A_callback_moves_to_do_now_when_its_window_opens()
    {
        await using var context = await browser.NewContextAsync(phone: true);
        var page = await context.NewPageAsync();
        var ui = new FollowUpUi(page, _app);
        await ui.RegisterAsync("refresh@example.jp", FollowUpAppFactory.Password);
        await ui.GotoAsync("/");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "サンプルデータで試す" }).ClickAsync();

        var callback = "[data-testid=today-card][data-company='株式会社みなと商事']";
        await Expect(page.Locator($"[data-testid=coming-up] {callback}")).ToBeVisibleAsync();
        var navigations = 0;
        page.FrameNavigated += (_, frame) => navigations += frame == page.MainFrame ? 1 : 0;

        // 10:00:01: the page's refresh timer (on the app's clock) fires as the clock passes it.
        _app.Clock.Advance(TimeSpan.FromSeconds(91));
        await Expect(page.Locator($"[data-testid=do-now] {callback}")).ToBeVisibleAsync();
        await Expect(page.Locator($"[data-testid=coming-up] {callback}")).ToHaveCountAsync(0);
        Assert.Equal(0, navigations);
    }

    public void Dispose() => _app.Dispose();
}

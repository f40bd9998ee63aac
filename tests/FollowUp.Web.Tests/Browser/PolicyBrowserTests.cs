using FollowUp.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FollowUp.Web.Tests.Browser;

/// <summary>
/// Default calendar and rules in real Chromium, on a server whose clock starts on Tuesday 2026-11-24 at 10:00 in
/// Tokyo: set defaults in settings, see them prefill a new application, then give that application its own rule
/// and see its next step move. The interview (Friday 11/20, "within 3 business days", Monday 11/23 a holiday)
/// promises a reply by Thursday 11/26.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class PolicyBrowserTests(BrowserFixture browser) : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _data = new("followup-policy");
    private AppServer? _server;

    public async Task InitializeAsync() => _server = await AppServer.StartAsync(_data.Path, environment: new Dictionary<string, string>
    {
        ["FollowUp__Clock__StartAt"] = "2026-11-24T10:00:00+09:00",
    });

    [Fact]
    public async Task Defaults_prefill_a_new_application_and_its_own_rule_moves_the_next_step()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var ui = new FollowUpUi(page, _server!);
        await ui.RegisterAsync("policy-browser@example.jp", FollowUpAppFactory.Password);

        // Settings: the usual company opens 10:00–17:00 and closes for Obon; wait 5 business days before asking; no thank-you.
        await ui.GotoAsync("/settings");
        await Expect(page.Locator("h1")).ToHaveTextAsync("既定のカレンダーとルール");
        await Expect(page.Locator("#policy-InquiryGraceBusinessDays")).ToHaveValueAsync("3");
        await ui.Retry(async () =>
        {
            await FollowUpUi.FillAndLeaveAsync(page.Locator("#opens"), "10:00");
            await FollowUpUi.FillAndLeaveAsync(page.Locator("#closes"), "17:00");
            await page.Locator("#Obon").CheckAsync();
            await FollowUpUi.FillAndLeaveAsync(page.Locator("#policy-InquiryGraceBusinessDays"), "5");
            await page.Locator("#policy-SuggestThankYou").UncheckAsync();
            await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "保存", Exact = true }).ClickAsync();
            await Expect(page.GetByText("既定の設定を保存しました。", new PageGetByTextOptions { Exact = false }))
                .ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = 10_000 });
        });
        await AccessibilityTests.AssertNoSeriousViolationsAsync(page, "settings");
        await ui.ScreenshotAsync("settings");

        // A new application starts from that calendar.
        await ui.GotoAsync("/applications/new");
        await Expect(page.Locator("#opens")).ToHaveValueAsync("10:00");
        await Expect(page.Locator("#closes")).ToHaveValueAsync("17:00");
        await Expect(page.Locator("#Obon")).ToBeCheckedAsync();
        await Expect(page.GetByLabel("既定のルールを使う")).ToBeCheckedAsync();
        var id = await ui.AddApplicationAsync("株式会社ルール");
        await ui.AddInterviewWithinBusinessDaysAsync(id, "2026-11-20", "10:00", businessDays: 3);

        // Default rules: 5 business days after 11/26 → not before Thursday 12/3.
        var step = page.Locator("[data-testid=next-step]").First;
        await Expect(step).ToHaveAttributeAsync("data-step", "FollowUp");
        await Expect(step).ToContainTextAsync("12月3日(木)");

        // This application only: 1 business day → Friday 11/27. The custom fields start from the defaults.
        await ui.GotoAsync($"/applications/{id}/edit");
        await Expect(page.Locator("h1")).ToHaveTextAsync("応募の編集");
        await ui.Retry(async () =>
        {
            await page.GetByLabel("この応募だけのルールを使う").CheckAsync();
            await Expect(page.Locator("#policy-InquiryGraceBusinessDays")).ToHaveValueAsync("5", new LocatorAssertionsToHaveValueOptions { Timeout = 5_000 });
        });
        await Expect(page.Locator("#policy-SuggestThankYou")).Not.ToBeCheckedAsync();
        await AccessibilityTests.AssertNoSeriousViolationsAsync(page, "application-rules");
        await ui.ScreenshotAsync("application-rules");
        await ui.Retry(async () =>
        {
            await FollowUpUi.FillAndLeaveAsync(page.Locator("#policy-InquiryGraceBusinessDays"), "1");
            await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "保存", Exact = true }).ClickAsync();
            await Expect(page).ToHaveURLAsync(_server!.Url($"/applications/{id}"), new PageAssertionsToHaveURLOptions { Timeout = 10_000 });
        });
        step = page.Locator("[data-testid=next-step]").First;
        await Expect(step).ToHaveAttributeAsync("data-step", "FollowUp");
        await Expect(step).ToContainTextAsync("11月27日(金)");
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

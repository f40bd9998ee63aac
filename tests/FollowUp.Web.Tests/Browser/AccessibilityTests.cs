using Deque.AxeCore.Playwright;
using FollowUp.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FollowUp.Web.Tests.Browser;

/// <summary>axe-core on real pages in Chromium: no serious or critical violations (WCAG 2.x A/AA rules and best practices).</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class AccessibilityTests(BrowserFixture browser) : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _data = new("followup-axe");
    private AppServer? _server;

    public async Task InitializeAsync() => _server = await AppServer.StartAsync(_data.Path);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Login_page_has_no_serious_or_critical_violations(bool phone)
    {
        await using var context = await browser.NewContextAsync(phone);
        var ui = new FollowUpUi(await context.NewPageAsync(), _server!);
        await ui.GotoAsync("/account/login", interactive: false);
        await Expect(ui.Page.Locator("h1")).ToHaveTextAsync("ログイン");

        await AssertNoSeriousViolationsAsync(ui.Page, "login");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Application_page_has_no_serious_or_critical_violations(bool phone)
    {
        await using var context = await browser.NewContextAsync(phone);
        var ui = new FollowUpUi(await context.NewPageAsync(), _server!);
        await ui.RegisterAsync($"axe-{phone}@example.jp", FollowUpAppFactory.Password);
        var id = await ui.AddApplicationAsync("株式会社テスト");
        await ui.AddInterviewWithinBusinessDaysAsync(id, "2026-11-20", "10:00", businessDays: 3);
        await ui.LogMissedCallAsync("「折り返しお願いします」");
        await Expect(ui.Timeline).ToContainTextAsync("「折り返しお願いします」");

        await AssertNoSeriousViolationsAsync(ui.Page, "application");
    }

    internal static async Task AssertNoSeriousViolationsAsync(IPage page, string name)
    {
        var result = await page.RunAxe();
        var serious = result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .ToList();
        var report = string.Join('\n', serious.Select(v =>
            $"[{v.Impact}] {v.Id}: {v.Help} ({v.HelpUrl})\n    "
            + string.Join("\n    ", v.Nodes.Take(5).Select(n => $"{n.Target} :: {n.Html}"))));
        await File.WriteAllTextAsync(Path.Combine(BrowserFixture.ScreenshotDirectory, $"axe-{name}.txt"),
            string.Join('\n', result.Violations.Select(v => $"[{v.Impact}] {v.Id}: {v.Help} x{v.Nodes.Length}")));
        Assert.True(serious.Count == 0, $"axe found serious/critical violations on {page.Url}:\n{report}");
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

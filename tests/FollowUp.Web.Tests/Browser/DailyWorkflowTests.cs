using FollowUp.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FollowUp.Web.Tests.Browser;

/// <summary>
/// The daily workflow in real Chromium, at phone (375×812) and desktop (1280×800) size, on a server whose
/// clock starts on Friday 2026-11-20 at 19:30 in Tokyo (Monday 11/23 is a national holiday): sample data,
/// a missed call logged from Today in two taps (on the laptop with a 30,000-character paste into its note), the
/// follow-up script and its mailto link, and axe-core on every screen of the flow.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class DailyWorkflowTests(BrowserFixture browser) : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _data = new("followup-today");
    private AppServer? _server;

    public async Task InitializeAsync() => _server = await AppServer.StartAsync(_data.Path, environment: new Dictionary<string, string>
    {
        ["FollowUp__Clock__StartAt"] = "2026-11-20T19:30:00+09:00",
    });

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Missed_call_in_two_taps_then_the_follow_up_script(bool phone)
    {
        var size = phone ? "phone" : "desktop";
        await using var context = await browser.NewContextAsync(phone);
        var page = await context.NewPageAsync();
        var ui = new FollowUpUi(page, _server!);
        await ui.RegisterAsync($"today-{size}@example.jp", FollowUpAppFactory.Password);

        // The profile's name goes into the scripts.
        await ui.SaveProfileNameAsync("山田 花子");

        // First run: an empty Today explains what to do and offers sample data.
        await ui.GotoAsync("/");
        await Expect(page.Locator("[data-testid=today-empty]")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "サンプルデータで試す" }).ClickAsync();
        var cards = page.Locator("[data-testid=today-card]");
        await Expect(cards).ToHaveCountAsync(4);
        await AccessibilityTests.AssertNoSeriousViolationsAsync(page, $"today-{size}");
        await BrowserFixture.SaveScreenshotAsync(page, $"today-{size}");

        // Two taps from Today: "着信があった", then the voicemail kind. Nothing else.
        var agencyCard = Card(page, "さくらテック株式会社");
        await Expect(agencyCard.Locator("[data-testid=next-step]")).ToHaveAttributeAsync("data-step", "FollowUp");
        await agencyCard.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "着信があった" }).ClickAsync();
        var dialog = page.Locator(".mud-dialog");
        await Expect(dialog).ToBeVisibleAsync();
        await AccessibilityTests.AssertNoSeriousViolationsAsync(page, $"log-dialog-{size}");
        if (!phone)
        {
            // A paste of 30,000 characters into the note stops at the limit, the counter says so, and it saves.
            await dialog.Locator("summary").ClickAsync();
            var note = dialog.Locator("#event-note");
            await note.FocusAsync();
            await page.Keyboard.InsertTextAsync(new string('あ', 30_000));
            Assert.Equal(4000, await note.EvaluateAsync<int>("e => e.value.length"));
            await note.BlurAsync(); // the field sends its value on change, not per key (Japanese input methods)
            await Expect(dialog).ToContainTextAsync("4000 / 4000");
        }
        await dialog.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "「折り返しお願いします」", Exact = true }).ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();

        // Friday evening, Monday a holiday: call back on Tuesday 11/24 between 10:00 and 17:00.
        var step = Card(page, "さくらテック株式会社").Locator("[data-testid=next-step]");
        await Expect(step).ToHaveAttributeAsync("data-step", "CallBack");
        await Expect(step).ToContainTextAsync("11月24日(火) 10:00〜17:00"); // one day, named once
        await Expect(step).ToContainTextAsync("折り返し");

        // The follow-up that is due: its script names the company, the interview date and the user.
        var followUpCard = Card(page, "ひかり物流株式会社");
        await Expect(followUpCard.Locator("[data-testid=next-step]")).ToHaveAttributeAsync("data-step", "FollowUp");
        await followUpCard.GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = "文例を開く" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("問い合わせメール");
        var body = page.Locator("[data-testid=script-body]");
        await Expect(body).ToContainTextAsync("ひかり物流株式会社");
        await Expect(body).ToContainTextAsync("11月4日(水)");
        await Expect(body).ToContainTextAsync("山田 花子");
        await Expect(page.Locator("[data-testid=script-subject]")).ToContainTextAsync("面接結果に関するご確認");
        await Expect(page.Locator("[data-testid=checklist]")).ToBeVisibleAsync();

        var mailto = await page.Locator("[data-testid=mailto]").GetAttributeAsync("href");
        Assert.NotNull(mailto);
        Assert.StartsWith("mailto:saiyo@hikari-logistics.example?", mailto, StringComparison.Ordinal);
        var query = mailto[(mailto.IndexOf('?', StringComparison.Ordinal) + 1)..].Split('&')
            .Select(p => p.Split('=', 2))
            .ToDictionary(p => p[0], p => Uri.UnescapeDataString(p[1]));
        Assert.Contains("面接結果に関するご確認", query["subject"], StringComparison.Ordinal);
        Assert.Contains("ひかり物流株式会社", query["body"], StringComparison.Ordinal);
        Assert.Contains("山田 花子", query["body"], StringComparison.Ordinal);
        Assert.Equal(await body.InnerTextAsync(), query["body"].Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd(), ignoreLineEndingDifferences: true, ignoreWhiteSpaceDifferences: true);
        await AccessibilityTests.AssertNoSeriousViolationsAsync(page, $"script-{size}");
        await BrowserFixture.SaveScreenshotAsync(page, $"script-{size}");

        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"The script page is {overflow}px wider than the viewport");

        // Sample data goes in one click, and Today is empty again.
        await ui.GotoAsync("/");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "サンプルデータを削除" }).ClickAsync();
        await Expect(page.Locator("[data-testid=today-empty]")).ToBeVisibleAsync();
    }

    private static ILocator Card(IPage page, string company) =>
        page.Locator($"[data-testid=today-card][data-company='{company}']");

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    public void Dispose() => _data.Dispose();
}

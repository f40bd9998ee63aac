using FollowUp.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FollowUp.Web.Tests.Browser;

/// <summary>
/// Issue 13, points 5 and 6, as the new user on a phone met them: with the interface in English, the thank-you
/// mail to a Japanese company is in Japanese with the English beside it; what the user adds and edits goes into
/// the text, and is still there when they come back. Real Chromium at 375 px, the server's clock on Friday
/// 2026-11-20 at 19:30 in Tokyo, after a 10:00 interview.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class ScriptJourneyTests(BrowserFixture browser) : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _data = new("followup-script");
    private AppServer? _server;

    public async Task InitializeAsync() => _server = await AppServer.StartAsync(_data.Path, environment: new Dictionary<string, string>
    {
        ["FollowUp__Clock__StartAt"] = "2026-11-20T19:30:00+09:00",
    });

    [Fact]
    public async Task An_English_reader_sends_the_Japanese_thank_you_with_their_own_words_kept()
    {
        await using var context = await browser.NewContextAsync(phone: true);
        var page = await context.NewPageAsync();
        var ui = new FollowUpUi(page, _server!);
        await ui.RegisterAsync("script-journey@example.jp", FollowUpAppFactory.Password);
        await ui.SaveProfileNameAsync("Alex Smith");
        var id = await ui.AddApplicationAsync("さくらテック株式会社");
        await ui.AddInterviewWithinBusinessDaysAsync(id, "2026-11-20", "10:00", businessDays: 3);

        // The interface in English, from the application page to its thank-you script.
        await ui.GotoAsync($"/culture/set?culture=en&returnUrl={Uri.EscapeDataString($"/applications/{id}")}", interactive: false);
        await ui.WaitForCircuitAsync();
        await page.Locator($"a[href='/applications/{id}/scripts/ThankYouEmail']").First.ClickAsync();
        await Expect(page).ToHaveURLAsync(_server!.Url($"/applications/{id}/scripts/ThankYouEmail"));
        await ui.WaitForCircuitAsync();

        var body = page.Locator("[data-testid=script-body]");
        await Expect(body).ToContainTextAsync("さくらテック株式会社");
        await Expect(body).ToContainTextAsync("Alex Smithと申します。");
        await Expect(body).ToContainTextAsync("【面接で伺って印象に残ったこと");
        await Expect(page.Locator("[data-testid=reading-aid]")).ToContainTextAsync("Dear Hiring Manager,");

        // What only the user knows goes into the Japanese text when they leave the field.
        await ui.Retry(async () =>
        {
            await FollowUpUi.FillAndLeaveAsync(page.Locator("#LearnedInInterview"), "入社後の研修の進め方");
            await Expect(body).ToContainTextAsync("特に、入社後の研修の進め方についてのお話が印象に残っており", new LocatorAssertionsToContainTextOptions { Timeout = 5_000 });
        });

        // Their own edit, saved for this step.
        await page.Locator("[data-testid=edit]").ClickAsync();
        var editor = page.Locator("#EditBody");
        await Expect(editor).ToBeVisibleAsync();
        await editor.FillAsync((await editor.InputValueAsync()) + "\n追伸：来週の説明会にも参加いたします。");
        await page.Locator("[data-testid=save-edit]").ClickAsync();
        await Expect(body).ToContainTextAsync("追伸：来週の説明会にも参加いたします。");

        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"The script page is {overflow}px wider than the viewport");
        await AccessibilityTests.AssertNoSeriousViolationsAsync(page, "script-en-phone");
        await BrowserFixture.SaveScreenshotAsync(page, "script-en-phone");

        // Back later: the answer and the edit are still there, and the mail app gets the edited text.
        await ui.GotoAsync($"/applications/{id}/scripts/ThankYouEmail");
        await Expect(body).ToContainTextAsync("追伸：来週の説明会にも参加いたします。");
        await Expect(page.Locator("#LearnedInInterview")).ToHaveValueAsync("入社後の研修の進め方");
        await Expect(page.Locator("[data-testid=edited]")).ToBeVisibleAsync();
        var mailto = await page.Locator("[data-testid=mailto]").GetAttributeAsync("href");
        Assert.Contains(Uri.EscapeDataString("追伸"), mailto, StringComparison.Ordinal);
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

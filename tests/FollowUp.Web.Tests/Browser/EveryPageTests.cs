using System.Text.RegularExpressions;
using FollowUp.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FollowUp.Web.Tests.Browser;

/// <summary>
/// Every page, as a person sees it: in Japanese and English, light and dark, on a 360 px and a 390 px phone and a
/// 1366 px laptop. No serious or critical axe violation; nothing scrolls sideways; controls are at least 44 px to
/// tap; a long company name wraps; a Today card's main action spans the card on a phone (one thumb).
/// One app process serves the class; its user is named administrator, so it sees /ops too.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed partial class EveryPageTests(BrowserFixture browser, EveryPageTests.Server app) : IClassFixture<EveryPageTests.Server>, IAsyncLifetime
{
    /// <summary>The app process of the class, and the pages its data gives (made once, by the first test).</summary>
    public sealed class Server : IAsyncLifetime, IDisposable
    {
        private readonly AppServerFixture _app = new(new Dictionary<string, string> { ["FollowUp__Admin__Emails"] = Email });

        public AppServer App => _app.Server;

        public SemaphoreSlim Gate { get; } = new(1, 1);

        public List<string>? Pages { get; set; }

        public Task InitializeAsync() => _app.InitializeAsync();

        public Task DisposeAsync() => _app.DisposeAsync();

        public void Dispose()
        {
            _app.Dispose();
            Gate.Dispose();
        }
    }

    private const string LongCompany = "株式会社ながいながいなまえのとてもおおきなかいしゃホールディングスジャパンインターナショナル";
    private readonly AppServer _server = app.App;
    private const string Email = "every-page@example.jp";
    private List<string> _pages = [];

    /// <summary>Once per class: registers the administrator, adds the sample data and a long-named application, and lists the pages.</summary>
    public async Task InitializeAsync()
    {
        await app.Gate.WaitAsync();
        try
        {
            _pages = app.Pages ??= await SetUpAsync();
        }
        finally
        {
            app.Gate.Release();
        }
    }

    private async Task<List<string>> SetUpAsync()
    {
        await using var context = await browser.NewContextAsync(phone: true);
        var ui = new FollowUpUi(await context.NewPageAsync(), _server);
        await ui.RegisterAsync(Email, FollowUpAppFactory.Password);
        await ui.GotoAsync("/");
        await ui.Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "サンプルデータで試す" }).ClickAsync();
        await Expect(ui.Page.Locator("[data-testid=today-card]").First).ToBeVisibleAsync();
        var id = await ui.AddApplicationAsync(LongCompany);
        await ui.AddInterviewWithinBusinessDaysAsync(id, "2026-11-20", "10:00", businessDays: 3);
        var interviewEdit = await ui.Page.Locator("a[href^='/interviews/'][href$='/edit']").First.GetAttributeAsync("href");
        return
        [
            "/", "/applications", $"/applications/{id}", $"/applications/{id}/edit", "/applications/new",
            $"/applications/{id}/interviews/new", interviewEdit!, $"/applications/{id}/scripts/FollowUpEmail",
            $"/applications/{id}/scripts/CallbackPhone", "/reminders", "/profile", "/settings", "/help", "/ops",
            "/account/manage", "/account/import", "/not-found",
        ];
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>
    /// Four people at once (their pages load in parallel): axe runs for Japanese in the light theme and English in the
    /// dark one (each language and each theme; colour contrast depends on the theme, not the width), and every one of
    /// them checks the width and the tap targets.
    /// </summary>
    [Fact]
    public Task Every_page_is_accessible_fits_the_width_and_is_easy_to_tap() => Task.WhenAll(
        SweepAsync("ja", "light", 390, axe: true),
        SweepAsync("en", "dark", 1366, axe: true),
        SweepAsync("ja", "dark", 360, axe: false),
        SweepAsync("en", "light", 360, axe: false));

    private async Task SweepAsync(string language, string theme, int width, bool axe)
    {
        var phone = width < 600;
        await using var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = language == "ja" ? "ja-JP" : "en-US",
            TimezoneId = "Asia/Tokyo",
            ViewportSize = new ViewportSize { Width = width, Height = phone ? 780 : 900 },
            IsMobile = phone,
            HasTouch = phone,
            ColorScheme = theme == "dark" ? ColorScheme.Dark : ColorScheme.Light,
        });
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        var ui = new FollowUpUi(page, _server);
        var name = $"{language}-{theme}-{width}";

        // Signed out: the static account pages.
        foreach (var path in new[] { "/account/login", "/account/register" })
        {
            await ui.GotoAsync($"/culture/set?culture={language}&returnUrl={Uri.EscapeDataString(path)}", interactive: false);
            await CheckAsync(page, $"{name}{path}", phone, axe);
        }

        await ui.GotoAsync("/account/login", interactive: false);
        await page.FillAsync("#email", Email);
        await page.FillAsync("#password", FollowUpAppFactory.Password);
        await page.Locator("button[type=submit]").ClickAsync();
        await Expect(page).ToHaveURLAsync(_server.Url("/"));

        foreach (var path in _pages)
        {
            var interactive = !path.StartsWith("/account/", StringComparison.Ordinal);
            await ui.GotoAsync(path, interactive);
            await Expect(page.Locator("h1").First).ToBeVisibleAsync();
            await CheckAsync(page, $"{name}{path}", phone, axe);
            if (path == "/")
            {
                await BrowserFixture.SaveScreenshotAsync(page, $"today-{name}");
            }
        }

        // The quick-log dialog, open on the application page.
        await ui.GotoAsync(_pages[2]);
        await page.Locator("button").Filter(new LocatorFilterOptions { HasText = language == "ja" ? "着信があった" : "Missed a call" }).First.ClickAsync();
        await Expect(page.Locator(".mud-dialog")).ToBeVisibleAsync();
        await CheckAsync(page, $"{name}-dialog", phone, axe);

        if (phone)
        {
            // A Today card's main action spans the card, under the thumb.
            await ui.GotoAsync("/");
            var card = page.Locator("[data-testid=today-card]").Filter(new LocatorFilterOptions { Has = page.Locator(".fu-primary-action") }).First;
            var cardBox = await card.BoundingBoxAsync();
            var actionBox = await card.Locator(".fu-primary-action").BoundingBoxAsync();
            Assert.True(actionBox!.Width >= cardBox!.Width * 0.8, $"{name}: the main action is {actionBox.Width:0} px of a {cardBox.Width:0} px card");
        }
    }

    private static async Task CheckAsync(IPage page, string name, bool phone, bool axe)
    {
        // Measured settled: a dialog scaling in is smaller than it will be.
        await page.WaitForFunctionAsync("() => document.getAnimations().every(a => a.playState !== 'running')",
            null, new PageWaitForFunctionOptions { Timeout = 10_000 });
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        Assert.True(widths[0] <= widths[1], $"{name} scrolls sideways: {widths[0]} px of content in {widths[1]} px");
        if (phone)
        {
            var small = await page.EvaluateAsync<string[]>(SmallTargets);
            Assert.True(small.Length == 0, $"{name}: controls smaller than 44 px to tap:\n  " + string.Join("\n  ", small));
        }
        if (axe)
        {
            await AccessibilityTests.AssertNoSeriousViolationsAsync(page, SafeName().Replace(name, "_"));
        }
    }

    // Buttons, links that look like buttons, navigation and form controls, where visible; links inside running text
    // are exempt (WCAG 2.5.8), as are MudBlazor's own inputs (the field around them is the target).
    private const string SmallTargets = """
        () => Array.from(document.querySelectorAll('button, a.mud-button-root, nav a, .mud-checkbox, .mud-radio, .mud-switch, input.fu-input, .mud-input-slot'))
            .filter(e => e.offsetParent !== null && !e.closest('.mud-popover, .mud-picker-container'))
            .map(e => [e, e.getBoundingClientRect()])
            .filter(([e, r]) => r.width > 0 && r.height > 0 && (r.height < 43.5 || r.width < 43.5))
            .map(([e, r]) => `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}.${(e.className || '').toString().split(' ').slice(0, 2).join('.')} "${(e.textContent || '').trim().slice(0, 30)}" ${Math.round(r.width)}x${Math.round(r.height)}`)
        """;

    [GeneratedRegex("[^A-Za-z0-9-]")]
    private static partial Regex SafeName();
}

using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FollowUp.Web.Tests.Infrastructure;

/// <summary>One headless Debian Chromium for the whole browser collection (Playwright cannot download its own here).</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Where screenshots go: the test output folder.</summary>
    public static string ScreenshotDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    /// <summary>A full-page screenshot into the test output, and into docs/screenshots when FOLLOWUP_SCREENSHOTS_DIR names it.</summary>
    public static async Task SaveScreenshotAsync(IPage page, string name)
    {
        // Toasts come and go: closed first, as a person would, so the picture shows the page.
        await page.EvaluateAsync("() => document.querySelectorAll('.mud-snackbar button').forEach(b => b.click())");
        await Expect(page.Locator(".mud-snackbar")).ToHaveCountAsync(0);
        var bytes = await page.ScreenshotAsync(new PageScreenshotOptions { FullPage = true });
        await File.WriteAllBytesAsync(Path.Combine(ScreenshotDirectory, name + ".png"), bytes);
        var docs = Environment.GetEnvironmentVariable("FOLLOWUP_SCREENSHOTS_DIR");
        if (!string.IsNullOrEmpty(docs))
        {
            Directory.CreateDirectory(docs);
            await File.WriteAllBytesAsync(Path.Combine(docs, name + ".png"), bytes);
        }
    }

    public async Task InitializeAsync()
    {
        Assert.True(File.Exists(ChromiumPath), $"{ChromiumPath} is missing: apt-get install -y chromium");
        Directory.CreateDirectory(ScreenshotDirectory);
        Assertions.SetDefaultExpectTimeout(30_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
            Timeout = 60_000,
        });
    }

    /// <summary>A fresh context (own cookies) with a Japanese browser, optionally at a phone's size.</summary>
    public async Task<IBrowserContext> NewContextAsync(bool phone = false)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "ja-JP",
            TimezoneId = "Asia/Tokyo",
            ViewportSize = phone ? new ViewportSize { Width = 375, Height = 812 } : new ViewportSize { Width = 1280, Height = 800 },
            IsMobile = phone,
            HasTouch = phone,
            DeviceScaleFactor = phone ? 2 : 1,
        });
        context.SetDefaultTimeout(30_000);
        context.SetDefaultNavigationTimeout(30_000);
        return context;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }
        _playwright?.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserTestGroup : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}

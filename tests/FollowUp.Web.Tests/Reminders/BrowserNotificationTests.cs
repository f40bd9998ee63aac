using System.Text.Json;
using System.Text.RegularExpressions;
using FollowUp.Web.Tests.Browser;
using FollowUp.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FollowUp.Web.Tests.Reminders;

/// <summary>
/// System notifications for delivered reminders, opt-in per device, in real Chromium against the real server.
/// Headless Chromium shows no OS notifications, so an init script wraps <c>window.Notification</c>: it records each
/// construction and then builds the real one.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class BrowserNotificationTests(BrowserFixture browser) : IAsyncLifetime, IDisposable
{
    private const string RecordNotifications = """
        (() => {
            window.__notifications = [];
            window.__notificationObjects = [];
            const Real = window.Notification;
            if (!Real) {
                return;
            }
            function Recording(title, options) {
                const real = new Real(title, options);
                window.__notifications.push({ title, body: options?.body ?? null, tag: options?.tag ?? null, lang: options?.lang ?? null });
                window.__notificationObjects.push(real);
                return real;
            }
            Recording.prototype = Real.prototype;
            Object.defineProperty(Recording, 'permission', { get: () => Real.permission });
            Recording.requestPermission = (...args) => Real.requestPermission(...args);
            window.Notification = Recording;
        })();
        """;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly TempDirectory _data = new("followup-browser-notifications");
    private AppServer? _server;

    public async Task InitializeAsync() => _server = await AppServer.StartAsync(_data.Path,
        environment: new Dictionary<string, string> { ["FollowUp__Admin__Emails"] = "notify@example.jp" });

    [Fact]
    public async Task Opted_in_device_gets_a_system_notification_that_opens_the_step_and_other_devices_get_none()
    {
        const string company = "通知株式会社";
        // Two devices of one person, both allowing notifications for the site; only the first opts in.
        await using var laptop = await DeviceAsync(grant: true);
        var page = await laptop.NewPageAsync();
        var ui = new FollowUpUi(page, _server!);
        await ui.RegisterAsync("notify@example.jp", FollowUpAppFactory.Password); // named administrator: may open /ops
        var applicationId = await ui.AddApplicationAsync(company);
        await using var other = await DeviceAsync(grant: true);
        await SignedInLikeAsync(other, laptop);

        await ui.GotoAsync("/reminders");
        var control = page.Locator("[data-testid=device-notifications]");
        await Expect(control).ToHaveAttributeAsync("data-state", "off");
        await Expect(control).ToContainTextAsync("タブで開いている間だけ");
        await control.Locator("[data-testid=notify-on]").ClickAsync();
        await Expect(control).ToHaveAttributeAsync("data-state", "on");
        await ui.ScreenshotAsync("reminders-notifications-on");
        var confirmation = Assert.Single(await RecordedAsync(page));
        Assert.Equal(("FollowUp リマインダー", "この端末で通知がオンになりました。", "followup-enabled", "ja"),
            (confirmation.Title, confirmation.Body, confirmation.Tag, confirmation.Lang));

        // The laptop leaves Today open; the other device runs the reconcile job from /ops.
        await ui.GotoAsync("/");
        var opsPage = await other.NewPageAsync();
        var ops = new FollowUpUi(opsPage, _server!);
        await ops.GotoAsync("/ops");
        var first = await ServerReminders.AddDueAsync(_server!, "notify@example.jp", applicationId);
        await opsPage.Locator("[data-testid=run-reconcile]").ClickAsync();

        await page.WaitForFunctionAsync($"() => window.__notifications.some(n => n.tag === 'reminder-{first}')");
        var shown = Assert.Single(await RecordedAsync(page));
        Assert.Equal(("FollowUp リマインダー", $"{company}：「折り返し電話をする」のタイミングです。", $"reminder-{first}", "ja"),
            (shown.Title, shown.Body, shown.Tag, shown.Lang));
        await Expect(opsPage.Locator(".mud-snackbar").Filter(new() { HasText = company })).ToBeVisibleAsync();

        // A click on the notification focuses the tab, opens the application inside the running app and marks the
        // reminder read (the bell empties).
        await Expect(page.Locator("[data-testid=reminder-count]")).ToHaveTextAsync("1");
        await page.EvaluateAsync("() => window.__notificationObjects.at(-1).dispatchEvent(new Event('click'))");
        await Expect(page).ToHaveURLAsync(new Regex($"/applications/{applicationId}$"));
        await Expect(page.Locator("h1")).ToContainTextAsync(company);
        await Expect(page.Locator("[data-testid=reminder-count]")).ToHaveCountAsync(0);

        // Turned off on the laptop: the next reminder shows a toast and bumps the bell, and no notification.
        await ui.GotoAsync("/reminders");
        await control.Locator("[data-testid=notify-off]").ClickAsync();
        await Expect(control).ToHaveAttributeAsync("data-state", "off");
        var second = await ServerReminders.AddDueAsync(_server!, "notify@example.jp", applicationId);
        await opsPage.Locator("[data-testid=run-reconcile]").ClickAsync();
        await Expect(page.Locator("[data-testid=reminder-count]")).ToHaveTextAsync("1");
        await Expect(opsPage.Locator("[data-testid=reminder-count]")).ToHaveTextAsync("1");
        Assert.Empty(await RecordedAsync(page));
        Assert.NotEqual(first, second);

        // The device that never opted in got toasts for both reminders and not one notification.
        Assert.Empty(await RecordedAsync(opsPage));
    }

    [Fact]
    public async Task A_browser_that_refuses_shows_blocked_with_how_to_unblock_and_one_without_the_api_shows_unsupported()
    {
        // No permission granted: headless Chromium answers the prompt with "denied", as a person clicking Block would.
        await using var refusing = await DeviceAsync(grant: false);
        var page = await refusing.NewPageAsync();
        var ui = new FollowUpUi(page, _server!);
        await ui.RegisterAsync("blocked@example.jp", FollowUpAppFactory.Password);
        await ui.GotoAsync("/reminders");
        var control = page.Locator("[data-testid=device-notifications]");
        await Expect(control).ToHaveAttributeAsync("data-state", "off");
        await control.Locator("[data-testid=notify-on]").ClickAsync();
        await Expect(control).ToHaveAttributeAsync("data-state", "blocked");
        await Expect(control).ToContainTextAsync("「通知」を「許可」にしてから");
        Assert.Empty(await RecordedAsync(page));

        await using var old = await DeviceAsync(grant: false);
        await SignedInLikeAsync(old, refusing);
        await old.AddInitScriptAsync("delete window.Notification;");
        var oldPage = await old.NewPageAsync();
        await new FollowUpUi(oldPage, _server!).GotoAsync("/reminders");
        var oldControl = oldPage.Locator("[data-testid=device-notifications]");
        await Expect(oldControl).ToHaveAttributeAsync("data-state", "unsupported");
        await Expect(oldControl.Locator("[data-testid=notify-on]")).ToHaveCountAsync(0);
    }

    private async Task<IBrowserContext> DeviceAsync(bool grant)
    {
        var context = await browser.NewContextAsync();
        if (grant)
        {
            await context.GrantPermissionsAsync(["notifications"], new() { Origin = _server!.BaseUri.GetLeftPart(UriPartial.Authority) });
        }
        await context.AddInitScriptAsync(RecordNotifications);
        return context;
    }

    /// <summary>Another device of the same person: the sign-in cookies, none of the browser's storage.</summary>
    private static async Task SignedInLikeAsync(IBrowserContext device, IBrowserContext signedIn) =>
        await device.AddCookiesAsync((await signedIn.CookiesAsync()).Select(c => new Cookie
        {
            Name = c.Name, Value = c.Value, Domain = c.Domain, Path = c.Path, Expires = c.Expires,
            HttpOnly = c.HttpOnly, Secure = c.Secure, SameSite = c.SameSite,
        }));

    private static async Task<List<Recorded>> RecordedAsync(IPage page)
    {
        var json = await page.EvaluateAsync<string>("() => JSON.stringify(window.__notifications)");
        return JsonSerializer.Deserialize<List<Recorded>>(json, Json) ?? [];
    }

    private sealed record Recorded(string Title, string? Body, string? Tag, string? Lang);

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    public void Dispose() => _data.Dispose();
}

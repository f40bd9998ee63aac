using System.Collections.Concurrent;
using FollowUp.Web.Tests.Browser;
using FollowUp.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FollowUp.Web.Tests.Security;

/// <summary>
/// The real app in Chromium with its Content-Security-Policy: every kind of page (static account forms, the
/// interactive pages with MudBlazor's dialog and toasts, the operations page and the Hangfire
/// dashboard) raises no CSP violation, neither as a console message nor as a <c>securitypolicyviolation</c>
/// event, the Blazor circuit (WebSocket) still connects, and no request leaves the app's origin (no web fonts,
/// CDNs or analytics: what people type stays between them and us).
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class CspBrowserTests(BrowserFixture browser) : IAsyncLifetime, IDisposable
{
    private const string ListenForViolations = """
        document.addEventListener('securitypolicyviolation', e =>
            window.__reportCsp(JSON.stringify({ directive: e.violatedDirective, blocked: e.blockedURI, source: e.sourceFile, line: e.lineNumber, sample: e.sample })));
        """;

    private readonly TempDirectory _data = new("followup-csp");
    private readonly ConcurrentQueue<string> _violations = new();
    private AppServer? _server;

    private readonly ConcurrentQueue<string> _foreignRequests = new();

    public async Task InitializeAsync() => _server = await AppServer.StartAsync(_data.Path,
        environment: new Dictionary<string, string> { ["FollowUp__Admin__Emails"] = Email });

    private const string Email = "csp@example.jp";

    [Fact]
    public async Task Pages_satisfy_the_content_security_policy()
    {
        await using var context = await browser.NewContextAsync();
        await context.ExposeFunctionAsync("__reportCsp", (string json) => _violations.Enqueue("event: " + json));
        await context.AddInitScriptAsync(ListenForViolations);
        var page = await context.NewPageAsync();
        var origin = new Uri(_server!.Url("/")).GetLeftPart(UriPartial.Authority);
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(origin + "/", StringComparison.Ordinal)
                && !request.Url.StartsWith(origin.Replace("http://", "ws://", StringComparison.Ordinal) + "/", StringComparison.Ordinal)
                && !request.Url.StartsWith("data:", StringComparison.Ordinal))
            {
                _foreignRequests.Enqueue(request.Url);
            }
        };
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)
                || message.Text.Contains("Content-Security-Policy", StringComparison.OrdinalIgnoreCase))
            {
                _violations.Enqueue($"console {message.Type}: {message.Text}");
            }
        };
        var ui = new FollowUpUi(page, _server!);
        var checkedPages = new List<string>();

        var login = await page.GotoAsync(_server!.Url("/account/login"));
        Assert.Contains("frame-ancestors 'none'", await login!.HeaderValueAsync("content-security-policy") ?? "", StringComparison.Ordinal);
        await Expect(page.Locator("h1")).ToHaveTextAsync("ログイン");
        await SettleAsync(page, checkedPages);

        await ui.RegisterAsync(Email, FollowUpAppFactory.Password);
        await ui.WaitForCircuitAsync();
        await SettleAsync(page, checkedPages);

        var id = await ui.AddApplicationAsync("株式会社CSP");
        await ui.AddInterviewWithinBusinessDaysAsync(id, "2026-11-20", "10:00", businessDays: 3);
        await ui.WaitForCircuitAsync();
        await ui.LogMissedCallAsync("「折り返しお願いします」"); // MudBlazor's dialog and toast
        await Expect(ui.Timeline).ToContainTextAsync("「折り返しお願いします」");
        await SettleAsync(page, checkedPages);

        await ui.GotoAsync("/");
        await Expect(page.Locator("h1")).ToHaveTextAsync("今日やること");
        await Expect(page.GetByText("株式会社CSP").First).ToBeVisibleAsync();
        await SettleAsync(page, checkedPages);

        await ui.GotoAsync("/applications");
        await Expect(page.Locator("h1")).ToHaveTextAsync("応募一覧");
        await SettleAsync(page, checkedPages);

        await ui.GotoAsync($"/applications/{id}/scripts/FollowUpEmail");
        await Expect(page.Locator("[data-testid=script-body]")).ToContainTextAsync("株式会社CSP");
        await SettleAsync(page, checkedPages);

        await ui.GotoAsync("/profile");
        await Expect(page.Locator("h1")).ToHaveTextAsync("プロフィール");
        await SettleAsync(page, checkedPages);

        // The reminders page imports the notifications module (wwwroot/notifications.js) through JS interop.
        await ui.GotoAsync("/reminders");
        await Expect(page.Locator("[data-testid=device-notifications]")).ToHaveAttributeAsync("data-state", "off");
        await SettleAsync(page, checkedPages);

        // The operations page and the Hangfire dashboard (its own scripts and styles) for the administrator.
        await ui.GotoAsync("/ops");
        await Expect(page.Locator("h1")).ToBeVisibleAsync();
        await SettleAsync(page, checkedPages);
        await ui.GotoAsync("/ops/jobs/recurring", interactive: false);
        await Expect(page.GetByText("reminders-reconcile")).ToBeVisibleAsync();
        await SettleAsync(page, checkedPages);

        // The static account pages: data export/import links and the import form.
        await ui.GotoAsync("/account/manage", interactive: false);
        await Expect(page.Locator("a[href='/account/export.json']")).ToBeVisibleAsync();
        await SettleAsync(page, checkedPages);
        await ui.GotoAsync("/account/import", interactive: false);
        await Expect(page.Locator("#import-file")).ToBeVisibleAsync();
        await SettleAsync(page, checkedPages);

        // Register last: signed out, the static form page.
        await page.Context.ClearCookiesAsync();
        await ui.GotoAsync("/account/register", interactive: false);
        await Expect(page.Locator("h1")).ToHaveTextAsync("アカウント登録");
        await SettleAsync(page, checkedPages);

        Assert.True(_violations.IsEmpty,
            $"CSP violations on {string.Join(", ", checkedPages)}:\n{string.Join('\n', _violations)}");
        Assert.True(_foreignRequests.IsEmpty,
            $"Requests leaving {origin} from {string.Join(", ", checkedPages)}:\n{string.Join('\n', _foreignRequests.Distinct())}");
    }

    private static async Task SettleAsync(IPage page, List<string> checkedPages)
    {
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.WaitForTimeoutAsync(300);
        checkedPages.Add(new Uri(page.Url).PathAndQuery);
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

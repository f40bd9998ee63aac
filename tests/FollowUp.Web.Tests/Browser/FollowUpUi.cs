using System.Diagnostics;
using System.Text.RegularExpressions;
using FollowUp.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FollowUp.Web.Tests.Browser;

/// <summary>
/// Drives the app like a person, in Japanese. Interactive pages are only clicked once Blazor's circuit is
/// up: the page's script is loaded, its WebSocket to <c>/_blazor</c> is open and the first render batches
/// have arrived and gone quiet.
/// </summary>
public sealed partial class FollowUpUi
{
    private static readonly object TraceGate = new();

    private readonly IRunningApp _server;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private CircuitSocket? _socket;

    public FollowUpUi(IPage page, IRunningApp server)
    {
        ArgumentNullException.ThrowIfNull(page);
        Page = page;
        _server = server;
        page.WebSocket += (_, ws) =>
        {
            if (ws.Url.Contains("/_blazor", StringComparison.Ordinal))
            {
                _socket = new CircuitSocket(ws);
            }
        };
    }

    public IPage Page { get; }

    /// <summary>Appends a timed step to browser-trace.log in the screenshots folder (to see where time goes).</summary>
    public void Trace(string step)
    {
        lock (TraceGate)
        {
            File.AppendAllText(Path.Combine(BrowserFixture.ScreenshotDirectory, "browser-trace.log"),
                $"{_clock.Elapsed.TotalSeconds,7:F2}s {step} ({Page.Url})\n");
        }
    }

    public async Task GotoAsync(string path, bool interactive = true)
    {
        _socket = null;
        await Page.GotoAsync(_server.Url(path), new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        Trace($"loaded {path}");
        if (interactive)
        {
            await WaitForCircuitAsync();
        }
    }

    /// <summary>
    /// Reloads the page. After a server restart Blazor's reconnect logic may reload the page by itself (the new
    /// server rejects the old circuit); a reload racing with that is aborted, so it is retried once that one lands.
    /// </summary>
    public async Task ReloadAsync()
    {
        _socket = null;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await Page.ReloadAsync(new PageReloadOptions { WaitUntil = WaitUntilState.Load });
                return;
            }
            catch (PlaywrightException e) when (attempt < 3
                && (e.Message.Contains("ERR_ABORTED", StringComparison.Ordinal) || e.Message.Contains("detached", StringComparison.Ordinal)))
            {
                Trace($"reload raced with Blazor's own reload (attempt {attempt}); retrying");
                await Page.WaitForLoadStateAsync(LoadState.Load);
            }
        }
    }

    /// <summary>Waits for <c>window.Blazor</c>, the circuit's WebSocket and a quiet moment after its first frames.</summary>
    public async Task WaitForCircuitAsync()
    {
        await Page.WaitForFunctionAsync("() => typeof window.Blazor !== 'undefined'", null, new PageWaitForFunctionOptions { Timeout = 30_000 });
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            if (_socket is { IsClosed: false, Frames: >= 3 } s && s.QuietFor > TimeSpan.FromMilliseconds(400))
            {
                Trace($"circuit ready after {s.Frames} frames");
                return;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"Blazor's circuit did not start on {Page.Url} (socket: {_socket?.Frames ?? -1} frames)");
    }

    public async Task RegisterAsync(string email, string password)
    {
        await GotoAsync("/account/register", interactive: false);
        await Page.Locator("#email").FillAsync(email);
        await Page.Locator("#password").FillAsync(password);
        await Page.Locator("#confirm").FillAsync(password);
        await Page.Locator("button[type=submit]").Filter(new LocatorFilterOptions { HasText = "登録する" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(_server.Url("/"));
        await Expect(Page.Locator("h1")).ToHaveTextAsync("今日やること");
        Trace("registered");
    }

    /// <summary>Saves the profile's full name, retrying if the form was re-rendered under the typing.</summary>
    public async Task SaveProfileNameAsync(string fullName)
    {
        await GotoAsync("/profile");
        await Retry(async () =>
        {
            await FillAndLeaveAsync(Page.Locator("#FullName"), fullName);
            await Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "保存", Exact = true }).ClickAsync();
            await Expect(Page.GetByText("プロフィールを保存しました。")).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = 10_000 });
            // What was saved, read back through a fresh page.
            await GotoAsync("/profile");
            await Expect(Page.Locator("#FullName")).ToHaveValueAsync(fullName, new LocatorAssertionsToHaveValueOptions { Timeout = 5_000 });
        });
    }

    /// <summary>Adds an application through the form and returns its id (from the address it lands on).</summary>
    public async Task<int> AddApplicationAsync(string company)
    {
        await GotoAsync("/applications/new");
        await Expect(Page.Locator("h1")).ToHaveTextAsync("応募の追加");
        await Retry(async () =>
        {
            await FillAndLeaveAsync(Page.Locator("#Company"), company);
            await Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "保存", Exact = true }).ClickAsync();
            await Expect(Page).ToHaveURLAsync(ApplicationUrl(), new PageAssertionsToHaveURLOptions { Timeout = 10_000 });
        });
        await Expect(Page.Locator("h1")).ToHaveTextAsync(company);
        Trace("application added");
        return ApplicationIdFromUrl();
    }

    public async Task AddInterviewWithinBusinessDaysAsync(int applicationId, string date, string time, int businessDays)
    {
        await Page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "面接を追加" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(_server.Url($"/applications/{applicationId}/interviews/new"));
        await Expect(Page.Locator("#iv-date")).ToBeVisibleAsync();
        await FillDateAsync(Page.Locator("#iv-date"), date);
        await FillAndLeaveAsync(Page.Locator("#iv-time"), time);
        await Retry(async () =>
        {
            await Page.GetByText("N営業日以内", new PageGetByTextOptions { Exact = true }).ClickAsync();
            await Expect(Page.Locator("#promise-count")).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = 5_000 });
        });
        await FillAndLeaveAsync(Page.Locator("#promise-count"), businessDays.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "保存", Exact = true }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(_server.Url($"/applications/{applicationId}"));
        Trace("interview added");
    }

    /// <summary>Two taps: "着信があった", then the voicemail kind, which saves at once.</summary>
    public async Task LogMissedCallAsync(string voicemailText)
    {
        var dialog = Page.Locator(".mud-dialog");
        await Retry(async () =>
        {
            await Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "着信があった" }).ClickAsync();
            await Expect(dialog).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = 5_000 });
        });
        await Expect(dialog.Locator("#event-date")).Not.ToHaveValueAsync("");
        await dialog.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = voicemailText, Exact = true }).ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();
        Trace("missed call logged");
    }

    public ILocator Timeline => Page.Locator("ol[data-testid=timeline]");

    public async Task ScreenshotAsync(string name) =>
        await Page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(BrowserFixture.ScreenshotDirectory, name + ".png"),
            FullPage = true,
        });

    public int ApplicationIdFromUrl()
    {
        var match = ApplicationUrl().Match(Page.Url);
        Assert.True(match.Success, $"Not an application page: {Page.Url}");
        return int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Types an ISO date (2026-11-20) the way a Japanese user writes it (2026/11/20) into a date picker.</summary>
    public static async Task FillDateAsync(ILocator input, string isoDate)
    {
        var typed = isoDate.Replace('-', '/');
        await input.FillAsync(typed);
        await input.PressAsync("Tab");
        await Expect(input).ToHaveValueAsync(new Regex("^" + Regex.Escape(typed)));
    }

    public static async Task FillAndLeaveAsync(ILocator input, string value)
    {
        await input.FillAsync(value);
        // Blazor binds on 'change', which fires when the field loses focus.
        await input.PressAsync("Tab");
        await Expect(input).ToHaveValueAsync(value);
    }

    /// <summary>Second line of defence against a click that lands while the UI is still wiring up.</summary>
    public async Task Retry(Func<Task> action, int attempts = 3)
    {
        for (var i = 1; ; i++)
        {
            try
            {
                await action();
                return;
            }
            catch (Exception e) when (i < attempts && e is TimeoutException or PlaywrightException)
            {
                Trace($"retrying after attempt {i}: {e.GetType().Name}");
                await Task.Delay(500);
            }
        }
    }

    [GeneratedRegex(@"/applications/(\d+)$")]
    private static partial Regex ApplicationUrl();

    /// <summary>Counts frames on Blazor's WebSocket and remembers when the last one came.</summary>
    private sealed class CircuitSocket
    {
        private readonly IWebSocket _socket;
        private int _frames;
        private long _lastFrame = Stopwatch.GetTimestamp();

        public CircuitSocket(IWebSocket socket)
        {
            _socket = socket;
            socket.FrameReceived += (_, _) =>
            {
                Interlocked.Increment(ref _frames);
                Interlocked.Exchange(ref _lastFrame, Stopwatch.GetTimestamp());
            };
        }

        public bool IsClosed => _socket.IsClosed;

        public int Frames => Volatile.Read(ref _frames);

        public TimeSpan QuietFor => Stopwatch.GetElapsedTime(Interlocked.Read(ref _lastFrame));
    }
}

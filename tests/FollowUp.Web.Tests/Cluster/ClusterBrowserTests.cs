using FollowUp.Web.Tests.Browser;
using FollowUp.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FollowUp.Web.Tests.Cluster;

/// <summary>
/// Chromium through nginx to two nodes: the circuit (a WebSocket through the proxy) lives on one node and every click
/// round-trips there; when that node is killed, the browser ends up on the other node, still signed in (shared key
/// ring), with everything it wrote (committed before the page said so), and keeps working.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class ClusterBrowserTests(BrowserFixture browser) : IAsyncLifetime
{
    private ClusterNodes Cluster { get; } = new();
    private Nginx? _proxy;

    public async Task InitializeAsync()
    {
        Cluster.Settings["Logging__LogLevel__Microsoft.AspNetCore.Hosting.Diagnostics"] = "Information";
        await Cluster.StartNodeAsync();
        await Cluster.StartNodeAsync();
        _proxy = await Nginx.StartAsync(Cluster.Nodes.Select(n => n.Port));
    }

    [Fact]
    public async Task The_circuit_lives_on_one_node_and_moves_to_the_other_when_it_dies_with_nothing_lost()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var ui = new FollowUpUi(page, _proxy!);

        await ui.RegisterAsync($"cluster-browser-{Guid.NewGuid():N}@example.jp", FollowUpAppFactory.Password);
        var id = await ui.AddApplicationAsync("株式会社クラスタ");
        await ui.AddInterviewWithinBusinessDaysAsync(id, "2026-11-20", "10:00", businessDays: 3);
        await ui.LogMissedCallAsync("「折り返しお願いします」");
        await Expect(ui.Timeline.Locator("li")).ToHaveCountAsync(1);

        // Sticky: the circuit's WebSocket went to one node only.
        var holders = Cluster.Nodes.Where(n => n.Output.Contains("/_blazor", StringComparison.Ordinal)).ToList();
        var holder = Assert.Single(holders);
        var survivor = Assert.Single(Cluster.Nodes, n => n != holder);
        var survivorRequestsBefore = survivor.Output.Length;

        await holder.KillAsync();
        ui.Trace("the circuit's node killed");

        // Blazor tries to reconnect through nginx, which now sends it to the survivor; the survivor does not know the
        // old circuit and rejects it, and the page says so with its reload link (docs/scaling.md).
        var moved = false;
        for (var i = 0; i < 300 && !moved; i++)
        {
            moved = survivor.Output[survivorRequestsBefore..].Contains("/_blazor", StringComparison.Ordinal);
            await Task.Delay(100);
        }
        Assert.True(moved, "the browser never reached the surviving node");
        var rejected = page.Locator("#components-reconnect-modal.components-reconnect-rejected");
        await Expect(rejected).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = 30_000 });
        await rejected.Locator(".fu-reconnect-rejected a.fu-reconnect-reload").ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.Load);
        ui.Trace("reloaded on the surviving node");
        // The reload loads the page the person was on, signed in, from the surviving node.
        await Expect(page.Locator("h1")).ToHaveTextAsync("株式会社クラスタ", new LocatorAssertionsToHaveTextOptions { Timeout = 30_000 });
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/applications/{id}$"));
        await Expect(ui.Timeline).ToContainTextAsync("「折り返しお願いします」");
        await Expect(page.GetByText("3営業日以内に連絡")).ToBeVisibleAsync();

        // Still signed in on the survivor, and the page works: one more write lands.
        await ui.WaitForCircuitAsync();
        await ui.LogMissedCallAsync("「折り返しお願いします」");
        await Expect(ui.Timeline.Locator("li")).ToHaveCountAsync(2);
        await ui.ReloadAsync();
        await Expect(ui.Timeline.Locator("li")).ToHaveCountAsync(2);
    }

    public async Task DisposeAsync()
    {
        if (_proxy is not null)
        {
            await _proxy.DisposeAsync();
        }
        await Cluster.DisposeAsync();
    }
}

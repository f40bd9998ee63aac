using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using FollowUp.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace FollowUp.Web.Tests.Browser;

/// <summary>
/// axe-core checks shared by the browser tests (every page is swept by <see cref="EveryPageTests"/>): no serious or
/// critical violation on the settled page.
/// </summary>
internal static class AccessibilityTests
{
    internal static async Task AssertNoSeriousViolationsAsync(IPage page, string name)
    {
        var (result, serious) = await RunSettledAxeAsync(page);
        if (serious.Count > 0)
        {
            // A toast (a reminder delivered meanwhile) can start fading in while axe runs, after the wait for a
            // settled page; its half-transparent colours are not what anyone reads. A real violation is still
            // there once the page has settled again.
            (result, serious) = await RunSettledAxeAsync(page);
        }
        var report = string.Join('\n', serious.Select(v =>
            $"[{v.Impact}] {v.Id}: {v.Help} ({v.HelpUrl})\n    "
            + string.Join("\n    ", v.Nodes.Take(5).Select(n => $"{n.Target} :: {n.Html}"))));
        await File.WriteAllTextAsync(Path.Combine(BrowserFixture.ScreenshotDirectory, $"axe-{name}.txt"),
            string.Join('\n', result.Violations.Select(v => $"[{v.Impact}] {v.Id}: {v.Help} x{v.Nodes.Length}")));
        Assert.True(serious.Count == 0, $"axe found serious/critical violations on {page.Url}:\n{report}");
    }

    private static async Task<(AxeResult Result, List<AxeResultItem> Serious)> RunSettledAxeAsync(IPage page)
    {
        // Judge the settled page: mid-animation (a toast fading in) colours are not what anyone reads.
        await page.WaitForFunctionAsync("() => document.getAnimations().every(a => a.playState !== 'running')",
            null, new PageWaitForFunctionOptions { Timeout = 10_000 });
        var result = await page.RunAxe();
        Assert.NotEmpty(result.Passes); // axe really ran and checked something
        return (result, [.. result.Violations.Where(v => v.Impact is "serious" or "critical")]);
    }
}

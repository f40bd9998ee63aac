using System.Net;
using System.Text.Json;
using FollowUp.Web.Features.DataExport;
using FollowUp.Web.Tests.Accounts;
using FollowUp.Web.Tests.DataSafety;
using FollowUp.Web.Tests.Infrastructure;

namespace FollowUp.Web.Tests.Cluster;

/// <summary>
/// Two real app nodes on one PostgreSQL database, with nginx in front: a cookie issued by one node is accepted by the
/// other (the key ring is in the database), a write through one is on the other's next view (every view checks the
/// shared data version, whatever that node cached), and the proxy keeps a browser on one node.
/// </summary>
public sealed class ClusterSessionTests(ClusterSessionTests.TwoNodes cluster) : IClassFixture<ClusterSessionTests.TwoNodes>
{
    [Fact]
    public async Task A_cookie_issued_by_node_A_signs_in_on_node_B()
    {
        var (a, b) = (cluster.Nodes.Nodes[0], cluster.Nodes.Nodes[1]);
        var cookies = new CookieContainer(); // cookies are per host, not per port: both nodes get them
        using var handler = new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false };
        using var toA = new HttpClient(handler, disposeHandler: false) { BaseAddress = a.BaseUri };
        using var toB = new HttpClient(handler, disposeHandler: false) { BaseAddress = b.BaseUri };

        using var registered = await Forms.RegisterAsync(toA, $"node-a-{Guid.NewGuid():N}@example.jp", FollowUpAppFactory.Password);
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        Assert.Contains(cookies.GetAllCookies(), c => c.Name == "followup.auth");

        using var onB = await toB.GetAsync(new Uri("/applications", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, onB.StatusCode); // signed out, it would redirect to the sign-in page

        // And a stranger's cookie is still refused on B: the check is real.
        using var stranger = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = b.BaseUri };
        using var refused = await stranger.GetAsync(new Uri("/applications", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
    }

    [Fact]
    public async Task Failed_sign_ins_count_on_every_node_together()
    {
        var (a, b) = (cluster.Nodes.Nodes[0], cluster.Nodes.Nodes[1]);
        using var toA = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = a.BaseUri };
        using var toB = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = b.BaseUri };
        var email = $"spread-{Guid.NewGuid():N}@example.jp";

        // Five guesses from one address, spread over the two nodes: the lockout counts them all (in memory, each
        // node saw fewer than five and would have let a sixth through).
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(LockoutTests.Failed, await LockoutTests.SignInAsync(i % 2 == 0 ? toA : toB, email, "guess number " + i));
        }
        Assert.Equal(LockoutTests.Locked, await LockoutTests.SignInAsync(toA, email, "guess number 6"));
        Assert.Equal(LockoutTests.Locked, await LockoutTests.SignInAsync(toB, email, "guess number 7"));
    }

    [Fact]
    public async Task A_write_through_node_A_is_on_node_Bs_next_view()
    {
        var (a, b) = (cluster.Nodes.Nodes[0], cluster.Nodes.Nodes[1]);
        var cookies = new CookieContainer();
        using var handler = new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false };
        using var toA = new HttpClient(handler, disposeHandler: false) { BaseAddress = a.BaseUri };
        using var toB = new HttpClient(handler, disposeHandler: false) { BaseAddress = b.BaseUri };
        using var registered = await Forms.RegisterAsync(toA, $"write-{Guid.NewGuid():N}@example.jp", FollowUpAppFactory.Password);
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        const string company = "ノード越え株式会社";

        // B views the list first, so B holds this user's (empty) snapshot in its own cache.
        var before = await Forms.GetDocumentAsync(toB, "/applications");
        Assert.DoesNotContain(company, before.Body!.TextContent, StringComparison.Ordinal);

        // The write goes through A (an import: antiforgery and all, with the cookie A issued).
        var file = JsonSerializer.SerializeToUtf8Bytes(new ExportDocument
        {
            Applications = [new ExportedApplication { Company = company, OpensAt = "09:00", ClosesAt = "18:00", ObservesNationalHolidays = true }],
        }, ExportDocument.JsonOptions);
        await ImportForm.PostAsync(toA, file);

        var after = await Forms.GetDocumentAsync(toB, "/applications");
        Assert.Contains(company, after.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Through_nginx_a_browser_is_pinned_by_its_cookie_and_signs_in()
    {
        var cookies = new CookieContainer();
        using var handler = new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false };
        using var client = new HttpClient(handler) { BaseAddress = cluster.Proxy.BaseUri };

        using var first = await client.GetAsync(new Uri("/account/login", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var pin = Assert.Single(cookies.GetAllCookies(), c => c.Name == "followup_node");
        Assert.Matches("^[0-9a-f]{32}$", pin.Value);

        using var registered = await Forms.RegisterAsync(client, $"proxy-{Guid.NewGuid():N}@example.jp", FollowUpAppFactory.Password);
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        using var today = await client.GetAsync(new Uri("/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, today.StatusCode);
        // A browser that has its pin is not given another.
        Assert.False(today.Headers.TryGetValues("Set-Cookie", out var set) && set.Any(c => c.StartsWith("followup_node=", StringComparison.Ordinal)));
        Assert.Equal(pin.Value, Assert.Single(cookies.GetAllCookies(), c => c.Name == "followup_node").Value);
    }

    [Fact]
    public async Task Nginx_spreads_new_browsers_over_both_nodes_and_keeps_each_on_its_own()
    {
        // Thirty fresh browsers: with two nodes, the chance that all land on one is 2 × 2^-30.
        var run = Guid.NewGuid().ToString("N");
        for (var i = 0; i < 30; i++)
        {
            using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = cluster.Proxy.BaseUri };
            using var response = await client.GetAsync(new Uri($"/account/login?fresh={run}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        // One browser with its pin, ten times: always the same node.
        var cookies = new CookieContainer();
        using (var pinned = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = cluster.Proxy.BaseUri })
        {
            for (var i = 0; i < 10; i++)
            {
                using var response = await pinned.GetAsync(new Uri($"/account/login?pinned={run}", UriKind.Relative));
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }
        }

        // The nodes' console output arrives a little after the responses: wait until every request is in it.
        await Eventually.TrueAsync(() => Task.FromResult(
            cluster.Nodes.Nodes.Sum(n => Count(n.Output, $"fresh={run}")) == 30 && cluster.Nodes.Nodes.Sum(n => Count(n.Output, $"pinned={run}")) == 10),
            "the nodes' request logs");
        Assert.All(cluster.Nodes.Nodes, n => Assert.True(Count(n.Output, $"fresh={run}") > 0, "a node got no new browser"));
        Assert.Contains(cluster.Nodes.Nodes, n => Count(n.Output, $"pinned={run}") == 10);
    }

    /// <summary>How many requests for a URL containing <paramref name="marker"/> the node logged (ASP.NET's "Request starting").</summary>
    private static int Count(string output, string marker) =>
        output.Split('\n').Count(line => line.Contains("Request starting", StringComparison.Ordinal) && line.Contains(marker, StringComparison.Ordinal));

    /// <summary>Two nodes and nginx, for the whole class.</summary>
    public sealed class TwoNodes : IAsyncLifetime
    {
        public ClusterNodes Nodes { get; } = new();

        public Nginx Proxy { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            // Each node logs the requests it serves, so the test can tell which node nginx chose.
            Nodes.Settings["Logging__LogLevel__Microsoft.AspNetCore.Hosting.Diagnostics"] = "Information";
            await Nodes.StartNodeAsync(); // the first migrates; the second finds the schema ready
            await Nodes.StartNodeAsync();
            Proxy = await Nginx.StartAsync(Nodes.Nodes.Select(n => n.Port));
        }

        public async Task DisposeAsync()
        {
            if (Proxy is not null)
            {
                await Proxy.DisposeAsync();
            }
            await Nodes.DisposeAsync();
        }
    }
}

using System.Net;
using FollowUp.Web.Tests.Infrastructure;

namespace FollowUp.Web.Tests.Security;

/// <summary>
/// The usual deployment: HTTPS ends at a proxy on the same machine, which talks plain HTTP to the app in Production.
/// The real app process answers every page, reads X-Forwarded-For/-Proto from the loopback proxy (HSTS and secure
/// cookies on HTTPS, the sign-in limit per client), ignores them from elsewhere, and its health check fails when
/// pages cannot render.
/// </summary>
public sealed class ProxyTests(ProxyTests.ProductionServer fixture) : IClassFixture<ProxyTests.ProductionServer>
{
    private const string PublicHost = "followup.example";

    [Theory]
    [InlineData("/account/login")]
    [InlineData("/account/register")]
    [InlineData("/error")]
    [InlineData("/healthz")]
    public async Task Production_over_plain_http_answers_every_page(string path)
    {
        using var client = Client();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"), "HSTS over plain HTTP");
        Assert.DoesNotContain(Cookies(response), c => c.Contains("; secure", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Behind_the_proxy_https_gets_hsts_and_secure_cookies_and_signing_in_works()
    {
        // The browser talks HTTPS to the proxy, so it sends its secure cookies back; this client does the same.
        using var client = new HttpClient(new BrowserBehindProxy { InnerHandler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false } })
        {
            BaseAddress = fixture.Server.BaseUri,
        };
        client.DefaultRequestHeaders.Host = PublicHost;
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "198.51.100.20");

        using var page = await client.GetAsync(new Uri("/account/login", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("max-age=31536000", Assert.Single(page.Headers.GetValues("Strict-Transport-Security")), StringComparison.Ordinal);
        var antiforgery = Assert.Single(Cookies(page), c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        Assert.Contains("; secure", antiforgery, StringComparison.OrdinalIgnoreCase);

        // The browser sends the secure cookie back over HTTPS; the app sees HTTPS through the proxy and lets it in.
        using var registered = await Forms.RegisterAsync(client, $"proxy-{Guid.NewGuid():N}@example.jp", FollowUpAppFactory.Password);
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        var auth = Assert.Single(Cookies(registered), c => c.StartsWith("followup.auth=", StringComparison.Ordinal));
        Assert.Contains("; secure", auth, StringComparison.OrdinalIgnoreCase);
        using var today = await client.GetAsync(new Uri("/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, today.StatusCode);
    }

    [Fact]
    public async Task The_sign_in_limit_counts_each_client_behind_the_proxy_not_the_proxy()
    {
        // The fixture allows 3 sign-in posts per client and minute.
        using var first = Client();
        first.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.7");
        for (var i = 0; i < 3; i++)
        {
            using var allowed = await LoginAsync(first, "nobody@example.jp", "wrong password " + i);
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }
        using (var refused = await LoginAsync(first, "nobody@example.jp", "wrong password 4"))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        }

        using var second = Client();
        second.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.8");
        using var other = await LoginAsync(second, "nobody@example.jp", "wrong password");
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task Forwarded_headers_from_a_proxy_that_is_not_trusted_are_ignored()
    {
        // Loopback trust turned off and another proxy named: this test's requests come from one that is not trusted.
        using var data = new TempDirectory("followup-untrusted-proxy");
        await using var server = await AppServer.StartAsync(data.Path, environment: new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["FollowUp__Backup__IntervalHours"] = "0",
            ["FollowUp__Proxy__TrustLoopback"] = "false",
            ["FollowUp__Proxy__KnownProxies__0"] = "192.0.2.10",
        });
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = server.BaseUri };
        client.DefaultRequestHeaders.Host = PublicHost;
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");

        using var page = await client.GetAsync(new Uri("/account/login", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.False(page.Headers.Contains("Strict-Transport-Security"), "an untrusted X-Forwarded-Proto was believed");
        Assert.DoesNotContain(Cookies(page), c => c.Contains("; secure", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Healthz_fails_when_pages_cannot_render()
    {
        // Cookies forced secure over plain HTTP (a proxy that terminates HTTPS without saying so): every form fails.
        using var data = new TempDirectory("followup-unhealthy");
        await using var server = await AppServer.StartAsync(data.Path, environment: new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["FollowUp__Backup__IntervalHours"] = "0",
            ["FollowUp__Security__SecureCookies"] = "true",
        }, requireHealthy: false);
        using var client = new HttpClient { BaseAddress = server.BaseUri };

        using var page = await client.GetAsync(new Uri("/account/login", UriKind.Relative));
        Assert.Equal(HttpStatusCode.InternalServerError, page.StatusCode);
        using var health = await client.GetAsync(new Uri("/healthz", UriKind.Relative));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Equal("Unhealthy", await health.Content.ReadAsStringAsync());
    }

    private HttpClient Client() => new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() })
    {
        BaseAddress = fixture.Server.BaseUri,
    };

    private static List<string> Cookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? [.. values] : [];

    private static Task<HttpResponseMessage> LoginAsync(HttpClient client, string email, string password) =>
        Forms.SubmitAsync(client, "/account/login", "login", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });

    /// <summary>Keeps cookies like a browser on the HTTPS side of the proxy: secure ones are sent back too.</summary>
    private sealed class BrowserBehindProxy : DelegatingHandler
    {
        private readonly Dictionary<string, string> _cookies = new(StringComparer.Ordinal);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (_cookies.Count > 0)
            {
                request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
            }
            var response = await base.SendAsync(request, cancellationToken);
            foreach (var cookie in Cookies(response))
            {
                var pair = cookie.Split(';')[0];
                var equals = pair.IndexOf('=', StringComparison.Ordinal);
                _cookies[pair[..equals]] = pair[(equals + 1)..];
            }
            return response;
        }
    }

    /// <summary>The real app in Production on plain HTTP, 3 sign-in posts per client and minute.</summary>
    public sealed class ProductionServer : IAsyncLifetime, IDisposable
    {
        private readonly TempDirectory _data = new("followup-proxy");

        public AppServer Server { get; private set; } = null!;

        public async Task InitializeAsync() => Server = await AppServer.StartAsync(_data.Path, environment: new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["FollowUp__Backup__IntervalHours"] = "0",
            ["FollowUp__RateLimit__SignInPermits"] = "3",
        });

        public async Task DisposeAsync()
        {
            if (Server is not null)
            {
                await Server.DisposeAsync();
            }
        }

        public void Dispose() => _data.Dispose();
    }
}

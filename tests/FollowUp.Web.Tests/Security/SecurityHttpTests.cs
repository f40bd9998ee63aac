using System.Net;
using System.Text.RegularExpressions;
using FollowUp.Web.Data;
using FollowUp.Web.Features.Security;
using FollowUp.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FollowUp.Web.Tests.Security;

/// <summary>Security headers, secure cookies, sign-in rate limiting, common passwords and the error reference, over HTTP.</summary>
[Trait("Database", "Both")]
public sealed partial class SecurityHttpTests(FollowUpAppFactory app) : IClassFixture<FollowUpAppFactory>
{
    [Theory]
    [InlineData("/account/login")]
    [InlineData("/account/register")]
    [InlineData("/healthz")]
    [InlineData("/no-such-page")]
    public async Task Every_response_carries_the_security_headers(string path)
    {
        using var client = app.CreateBrowserLikeClient();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        foreach (var directive in new[]
                 {
                     "default-src 'self'", "script-src 'self'", "style-src 'self' 'unsafe-inline'", "img-src 'self' data:",
                     "font-src 'self'", "connect-src 'self' ws://localhost wss://localhost", "object-src 'none'",
                     "base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'",
                 })
        {
            Assert.Contains(directive, csp.Split("; "));
        }
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("script-src 'self' 'unsafe-inline'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("strict-origin-when-cross-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
    }

    [Fact]
    public async Task Development_serves_plain_http_cookies_and_no_hsts()
    {
        using var client = app.CreateBrowserLikeClient();
        using var response = await client.GetAsync(new Uri("/account/login", UriKind.Relative));
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
        var cookies = response.Headers.GetValues("Set-Cookie").ToList();
        Assert.Contains(cookies, c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        Assert.DoesNotContain(cookies, c => c.Contains("secure", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Production_sends_hsts_and_marks_every_cookie_secure()
    {
        await using var prod = app.WithWebHostBuilder(b => b.UseEnvironment("Production"));
        using var client = prod.CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://followup.example"),
            AllowAutoRedirect = false,
        });

        using var page = await client.GetAsync(new Uri("/account/login", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var hsts = Assert.Single(page.Headers.GetValues("Strict-Transport-Security"));
        Assert.Contains("max-age=31536000", hsts, StringComparison.Ordinal);
        Assert.Contains("includeSubDomains", hsts, StringComparison.Ordinal);

        using var culture = await client.GetAsync(new Uri("/culture/set?culture=en&returnUrl=/", UriKind.Relative));
        var cookies = page.Headers.GetValues("Set-Cookie").Concat(culture.Headers.GetValues("Set-Cookie")).ToList();
        Assert.Contains(cookies, c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        Assert.Contains(cookies, c => c.StartsWith(".AspNetCore.Culture", StringComparison.Ordinal));
        Assert.All(cookies, c => Assert.Contains("; secure", c, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Production_auth_cookie_is_secure_and_http_only()
    {
        await using var prod = app.WithWebHostBuilder(b => b.UseEnvironment("Production"));
        using var client = prod.CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://followup.example"),
            AllowAutoRedirect = false,
            HandleCookies = true,
        });
        using var posted = await Forms.RegisterAsync(client, "secure-cookie@example.jp", FollowUpAppFactory.Password);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var auth = Assert.Single(posted.Headers.GetValues("Set-Cookie"), c => c.StartsWith("followup.auth=", StringComparison.Ordinal));
        Assert.Contains("; secure", auth, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; httponly", auth, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; samesite=lax", auth, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Too_many_sign_in_posts_from_one_address_get_a_friendly_localized_429_and_get_requests_still_work()
    {
        await using var limited = app.WithWebHostBuilder(b => b.UseSetting("FollowUp:RateLimit:SignInPermits", "3"));
        using var client = limited.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

        for (var i = 0; i < 3; i++)
        {
            using var allowed = await LoginAsync(client, "nobody@example.jp", "wrong password " + i);
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
            Assert.Contains("メールアドレスまたはパスワードが正しくありません", (await Forms.ParseAsync(allowed)).Body!.TextContent, StringComparison.Ordinal);
        }

        using var refused = await LoginAsync(client, "nobody@example.jp", "wrong password 4");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter is not null, "No Retry-After header");
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("<h1>試行回数が多すぎます</h1>", html, StringComparison.Ordinal);
        Assert.Contains("分待ってから", html, StringComparison.Ordinal);
        Assert.Contains("Content-Security-Policy", string.Join(',', refused.Headers.Select(h => h.Key)), StringComparison.Ordinal);

        // Registration shares the limit (same address); reading the pages does not count.
        using var register = await Forms.RegisterAsync(client, "limited@example.jp", FollowUpAppFactory.Password);
        Assert.Equal(HttpStatusCode.TooManyRequests, register.StatusCode);
        Assert.Null(await app.UserIdAsync("limited@example.jp"));
        using var page = await client.GetAsync(new Uri("/account/login", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);

        // Localized, for English browsers too.
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-US");
        using var english = await LoginAsync(client, "nobody@example.jp", "wrong password 5");
        Assert.Equal(HttpStatusCode.TooManyRequests, english.StatusCode);
        Assert.Contains("<h1>Too many attempts</h1>", await english.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Five_failures_from_one_address_lock_the_account_there()
    {
        await app.CreateUserAsync("lockout@example.jp");
        await using var relaxed = Relaxed();
        using var client = ClientOf(relaxed);
        for (var i = 0; i < 5; i++)
        {
            using var failed = await LoginAsync(client, "lockout@example.jp", "wrong password " + i);
            Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
        }
        using var locked = await LoginAsync(client, "lockout@example.jp", FollowUpAppFactory.Password);
        Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
        Assert.Contains("15分", (await Forms.ParseAsync(locked)).Body!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("password123")]
    [InlineData("qwertyuiop")]
    [InlineData("1234567890")]
    [InlineData("iloveyou12")]
    [InlineData("Password2024")]
    [InlineData("  SAKURA12345 ")]
    public async Task A_common_password_is_refused_at_registration_with_the_message_beside_the_field(string password)
    {
        await using var relaxed = Relaxed();
        using var client = ClientOf(relaxed);
        var email = $"common-{Guid.NewGuid():N}@example.jp";
        using var posted = await Forms.RegisterAsync(client, email, password);

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var doc = await Forms.ParseAsync(posted);
        var message = doc.QuerySelector("#password")!.Closest(".fu-field")!.QuerySelector(".validation-message");
        Assert.Equal("このパスワードはよく使われていて推測されやすいため使えません。別のパスワードにしてください。", message?.TextContent.Trim());
        Assert.Null(await app.UserIdAsync(email));
    }

    [Fact]
    public async Task Identity_refuses_a_common_password_even_when_the_form_is_bypassed()
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var result = await users.CreateAsync(new AppUser { UserName = "bypass@example.jp", Email = "bypass@example.jp" }, "Qwertyuiop123");
        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.Code == CommonPasswordValidator.ErrorCode);
        Assert.True(CommonPasswordValidator.Count >= 3000, $"Only {CommonPasswordValidator.Count} common passwords");
        Assert.False(CommonPasswordValidator.IsCommon(FollowUpAppFactory.Password));
    }

    [Fact]
    public async Task A_common_new_password_is_refused_on_the_change_password_form_in_english()
    {
        await using var relaxed = Relaxed();
        using var client = ClientOf(relaxed, "en-GB,en;q=0.9");
        using var registered = await Forms.RegisterAsync(client, "change-common@example.jp", FollowUpAppFactory.Password);
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);

        using var posted = await Forms.SubmitAsync(client, "/account/manage", "change-password", new Dictionary<string, string>
        {
            ["Password.CurrentPassword"] = FollowUpAppFactory.Password,
            ["Password.NewPassword"] = "iloveyou12",
            ["Password.ConfirmPassword"] = "iloveyou12",
        });
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var doc = await Forms.ParseAsync(posted);
        var message = doc.QuerySelector("#new")!.Closest(".fu-field")!.QuerySelector(".validation-message");
        Assert.Equal("This password is on the list of common passwords that are easy to guess. Please choose another.", message?.TextContent.Trim());
    }

    [Fact]
    public async Task An_exception_shows_the_error_page_with_the_reference_the_log_carries_and_no_details()
    {
        var logs = new LogCollector();
        await using var prod = app.WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Production");
            b.ConfigureTestServices(s =>
            {
                s.AddSingleton<ILoggerProvider>(logs);
                s.AddTransient<IStartupFilter, ThrowingEndpoint>();
            });
        });
        using var client = prod.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://followup.example"), AllowAutoRedirect = false });

        using var response = await client.GetAsync(new Uri(ThrowingEndpoint.Path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var doc = await Forms.ParseAsync(html);
        Assert.Equal("申し訳ありません。問題が発生しました", doc.QuerySelector("h1")?.TextContent.Trim());
        var reference = doc.QuerySelector("[data-testid=error-reference]")?.TextContent.Trim();
        Assert.NotNull(reference);
        Assert.Matches(ReferencePattern(), reference);
        Assert.DoesNotContain(ThrowingEndpoint.Secret, html, StringComparison.Ordinal);
        Assert.DoesNotContain(nameof(ThrowingEndpoint), html, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", doc.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Content-Security-Policy", string.Join(',', response.Headers.Select(h => h.Key)), StringComparison.Ordinal);

        var entry = Assert.Single(logs.Entries, e => e.State.TryGetValue("ErrorReference", out var r) && (string?)r == reference);
        Assert.Equal(LogLevel.Error, entry.Level);
        Assert.Contains(reference, entry.Message, StringComparison.Ordinal);
        Assert.Equal(ThrowingEndpoint.Secret, entry.Exception?.Message);
    }

    /// <summary>The app on this class's database with a rate limit no test reaches (this class posts many forms).</summary>
    private WebApplicationFactory<Program> Relaxed() =>
        app.WithWebHostBuilder(b => b.UseSetting("FollowUp:RateLimit:SignInPermits", "1000"));

    private static HttpClient ClientOf(WebApplicationFactory<Program> factory, string? acceptLanguage = null)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        if (acceptLanguage is not null)
        {
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(acceptLanguage);
        }
        return client;
    }

    private static Task<HttpResponseMessage> LoginAsync(HttpClient client, string email, string password) =>
        Forms.SubmitAsync(client, "/account/login", "login", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });

    [GeneratedRegex("^E-[2-9A-HJKMNP-Z]{8}$")]
    private static partial Regex ReferencePattern();

    /// <summary>Adds <c>GET /test/boom</c>, which throws, behind the app's own pipeline (so its exception handler sees it).</summary>
    private sealed class ThrowingEndpoint : IStartupFilter
    {
        public const string Path = "/test/boom";
        public const string Secret = "connection string Data Source=/secret/followup.db";

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => builder =>
        {
            next(builder);
            builder.Use((HttpContext context, RequestDelegate nextDelegate) =>
                context.Request.Path == Path ? throw new InvalidOperationException(Secret) : nextDelegate(context));
        };
    }
}

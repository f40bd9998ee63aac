using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using System.Threading.RateLimiting;
using FollowUp.Web.Data;
using FollowUp.Web.Features.Security;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.CookiePolicy;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace FollowUp.Web.Infrastructure;

/// <summary>
/// Security headers (CSP and friends), secure cookies, HSTS settings, sign-in rate limiting, the common-password
/// check and error references. See docs/decisions/0008-security-headers.md.
/// </summary>
public static partial class SecuritySetup
{
    /// <summary>The name of the rate-limit partition family for sign-in and registration posts.</summary>
    public const string SignInPolicy = "sign-in";

    /// <summary>Paths whose POSTs are rate limited per client IP.</summary>
    public static readonly string[] RateLimitedPosts = ["/account/login", "/account/register"];

    public static WebApplicationBuilder AddFollowUpSecurity(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var config = builder.Configuration;
        services.Configure<ForwardedHeadersOptions>(o => ConfigureProxies(o, config.GetSection("FollowUp:Proxy")));

        // Cookies follow the request's real scheme (behind a proxy, its X-Forwarded-Proto): Secure on HTTPS. Forcing
        // them secure (FollowUp:Security:SecureCookies=true) breaks every form served over plain HTTP, and /healthz says so.
        var securePolicy = config.GetValue("FollowUp:Security:SecureCookies", false) ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;

        // Cookies: the auth cookies (Identity), antiforgery and the culture cookie (via the cookie policy).
        services.ConfigureAll<CookieAuthenticationOptions>(o => o.Cookie.SecurePolicy = securePolicy);
        services.Configure<AntiforgeryOptions>(o => o.Cookie.SecurePolicy = securePolicy);
        services.Configure<CookiePolicyOptions>(o =>
        {
            o.Secure = securePolicy;
            o.HttpOnly = HttpOnlyPolicy.None;
            o.MinimumSameSitePolicy = SameSiteMode.Lax;
        });
        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = true;
        });

        // Passwords: Identity's own rules plus the list of common passwords shipped with the app.
        services.AddScoped<IPasswordValidator<AppUser>, CommonPasswordValidator>();
        services.AddScoped<IPasswordValidator<AppUser>, PasswordPolicyValidator>();

        // Unhandled exceptions get a short reference that the log and the error page both carry.
        services.AddExceptionHandler<ErrorReferenceHandler>();

        var permits = config.GetValue("FollowUp:RateLimit:SignInPermits", 20);
        var window = TimeSpan.FromSeconds(config.GetValue("FollowUp:RateLimit:SignInWindowSeconds", 60));
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                IsRateLimited(context.Request)
                    ? RateLimitPartition.GetSlidingWindowLimiter(
                        SignInPolicy + ":" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown"),
                        _ => new SlidingWindowRateLimiterOptions
                        {
                            PermitLimit = permits,
                            Window = window,
                            SegmentsPerWindow = 6,
                            QueueLimit = 0,
                            AutoReplenishment = true,
                        })
                    : RateLimitPartition.GetNoLimiter(""));
            o.OnRejected = WriteTooManyRequestsAsync;
        });
        return builder;
    }

    /// <summary>
    /// Runs before the rest of the pipeline: headers on every response (error pages included), the cookie
    /// policy, and the sign-in rate limiter (after the culture is known, so the 429 page is localized).
    /// </summary>
    public static WebApplication UseFollowUpSecurity(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // First: everything after it (HSTS, cookies, the rate limiter, the sign-in lockout) sees the client's address
        // and scheme, not the proxy's.
        app.UseForwardedHeaders();
        // The health check's page probe enters the pipeline here, so routing (otherwise added implicitly in front of
        // everything) starts here too.
        PageHealthCheck.CapturePipeline(app);
        app.UseRouting();
        app.Use(static (context, next) =>
        {
            context.Response.OnStarting(static state => { AddHeaders((HttpContext)state); return Task.CompletedTask; }, context);
            return next(context);
        });
        app.UseCookiePolicy();
        // The one place the request's language is chosen: early, so a refusal of the rate limiter and every page
        // after it (error and status pages included) speak the user's language.
        app.UseRequestLocalization();
        app.UseRateLimiter();
        return app;
    }

    /// <summary>
    /// X-Forwarded-For and X-Forwarded-Proto are read from trusted proxies only: one on this machine (loopback) unless
    /// <c>TrustLoopback</c> is false, plus the addresses in <c>KnownProxies</c> and the networks (CIDR) in
    /// <c>KnownNetworks</c>. <c>ForwardLimit</c> (1) is how many proxies in a row are believed.
    /// </summary>
    internal static void ConfigureProxies(ForwardedHeadersOptions options, IConfiguration proxy)
    {
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        options.ForwardLimit = Math.Max(1, proxy.GetValue("ForwardLimit", 1));
        if (!proxy.GetValue("TrustLoopback", true))
        {
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
        }
        foreach (var address in proxy.GetSection("KnownProxies").Get<string[]>() ?? [])
        {
            options.KnownProxies.Add(IPAddress.Parse(address.Trim()));
        }
        foreach (var network in proxy.GetSection("KnownNetworks").Get<string[]>() ?? [])
        {
            options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network.Trim()));
        }
    }

    internal static bool IsRateLimited(HttpRequest request) =>
        HttpMethods.IsPost(request.Method)
        && RateLimitedPosts.Any(p => string.Equals(request.Path.Value?.TrimEnd('/'), p, StringComparison.OrdinalIgnoreCase));

    /// <summary>The Content-Security-Policy for a request: everything from this origin only.</summary>
    public static string ContentSecurityPolicy(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var connect = "'self'";
        // 'self' covers ws:/wss: of the same host in CSP Level 3 browsers; older Safari needs them spelled out.
        var host = request.Host.Value;
        if (!string.IsNullOrEmpty(host) && SafeHost().IsMatch(host))
        {
            connect += $" ws://{host} wss://{host}";
        }
        return string.Join("; ",
            "default-src 'self'",
            "script-src 'self'",
            // MudBlazor renders style attributes and sets styles from script; see ADR 0020.
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src " + connect,
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'");
    }

    private static void AddHeaders(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy(context.Request);
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        headers.XFrameOptions = "DENY";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
    }

    private static async ValueTask WriteTooManyRequestsAsync(OnRejectedContext rejected, CancellationToken ct)
    {
        var context = rejected.HttpContext;
        var l = context.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SecuritySetup));
        logger.LogWarning("Sign-in rate limit reached for {Path}", context.Request.Path.Value);
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromMinutes(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        context.Response.ContentType = "text/html; charset=utf-8";
        var lang = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        var title = WebUtility.HtmlEncode(l["RateLimit.Title"]);
        var body = WebUtility.HtmlEncode(l["RateLimit.Body", Math.Max(1, (int)Math.Ceiling(retryAfter.TotalMinutes))]);
        var back = WebUtility.HtmlEncode(l["RateLimit.Back"]);
        var path = WebUtility.HtmlEncode(context.Request.Path.Value ?? "/");
        await context.Response.WriteAsync($"""
            <!DOCTYPE html>
            <html lang="{lang}">
            <head><meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1.0" />
            <title>{title} - FollowUp</title><link rel="stylesheet" href="/app.css" /></head>
            <body><main class="fu-main" id="main"><section class="fu-narrow">
            <h1>{title}</h1>
            <p role="alert">{body}</p>
            <p><a href="{path}">{back}</a></p>
            </section></main></body>
            </html>
            """, ct);
    }

    [GeneratedRegex(@"^[A-Za-z0-9.\-]+(:[0-9]{1,5})?$|^\[[0-9A-Fa-f:.]+\](:[0-9]{1,5})?$")]
    private static partial Regex SafeHost();
}

using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace FollowUp.Web.Infrastructure;

/// <summary>
/// <c>/healthz</c> is healthy only if a page renders: the check sends the sign-in page (a form with its antiforgery
/// token, the layout, localization) through the app's own pipeline in memory, with the scheme, host and client
/// address of the health request itself, and needs a 200. A database check alone said "Healthy" while every page
/// answered 500 (cookies forced secure over plain HTTP).
/// </summary>
public sealed class PageHealthCheck(IHttpContextAccessor accessor, IServiceScopeFactory scopes, PageHealthCheck.Pipeline pipeline) : IHealthCheck
{
    /// <summary>The page rendered by the check (anonymous, a form, no database reads).</summary>
    public const string ProbePath = "/account/login";

    /// <summary>Remembers the rest of the request pipeline from the point where <see cref="CapturePipeline"/> is called.</summary>
    public sealed class Pipeline
    {
        public RequestDelegate? Next { get; set; }
    }

    /// <summary>Called once in the pipeline, after the forwarded headers are read: the probe enters there.</summary>
    public static void CapturePipeline(IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var holder = app.ApplicationServices.GetRequiredService<Pipeline>();
        app.Use(next =>
        {
            holder.Next = next;
            return next;
        });
    }

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (pipeline.Next is not { } next)
        {
            return HealthCheckResult.Unhealthy("The request pipeline is not built yet.");
        }
        var outer = accessor.HttpContext?.Request;
        var features = new FeatureCollection();
        var request = new HttpRequestFeature
        {
            Method = HttpMethods.Get,
            Scheme = outer?.Scheme ?? "http",
            Path = ProbePath,
            Protocol = "HTTP/1.1",
        };
        request.Headers.Host = outer?.Host.Value ?? "localhost";
        request.Headers.AcceptLanguage = "ja";
        features.Set<IHttpRequestFeature>(request);
        features.Set<IHttpResponseFeature>(new HttpResponseFeature());
        using var body = new MemoryStream();
        features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(body));
        features.Set<IHttpConnectionFeature>(new HttpConnectionFeature
        {
            RemoteIpAddress = accessor.HttpContext?.Connection.RemoteIpAddress ?? System.Net.IPAddress.Loopback,
            LocalIpAddress = accessor.HttpContext?.Connection.LocalIpAddress ?? System.Net.IPAddress.Loopback,
        });
        features.Set<IHttpRequestLifetimeFeature>(new HttpRequestLifetimeFeature { RequestAborted = cancellationToken });
        await using var scope = scopes.CreateAsyncScope();
        var probe = new DefaultHttpContext(features) { RequestServices = scope.ServiceProvider };
        try
        {
            await next(probe);
        }
#pragma warning disable CA1031 // Whatever breaks the page makes the app unhealthy; the check itself must answer.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return HealthCheckResult.Unhealthy($"{ProbePath} failed to render.", e);
        }
        return probe.Response.StatusCode == StatusCodes.Status200OK
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy($"{ProbePath} answered {probe.Response.StatusCode}.");
    }
}

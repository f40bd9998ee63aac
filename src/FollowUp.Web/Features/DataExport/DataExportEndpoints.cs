using System.Text.Json;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Localization;

namespace FollowUp.Web.Features.DataExport;

/// <summary><c>GET /account/export.json</c> and <c>GET /account/export.csv</c>: the signed-in user's own data, as a download.</summary>
public static class DataExportEndpoints
{
    public static IEndpointRouteBuilder MapDataExport(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/account/export.json", async (HttpContext context, DataExporter export, CancellationToken ct) =>
        {
            UseRequestUser(context);
            var document = await export.ExportAsync(ct);
            var bytes = JsonSerializer.SerializeToUtf8Bytes(document, ExportDocument.JsonOptions);
            NoStore(context);
            return Results.File(bytes, "application/json; charset=utf-8", FileName(context, "json"));
        }).RequireAuthorization();

        app.MapGet("/account/export.csv", async (HttpContext context, CsvExporter export, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
        {
            UseRequestUser(context);
            var bytes = await export.ExportCsvAsync(l, ct);
            NoStore(context);
            return Results.File(bytes, "text/csv; charset=utf-8", FileName(context, "csv"));
        }).RequireAuthorization();
        return app;
    }

    /// <summary>Services read the user from the authentication state (as in a circuit); here it is the request's user.</summary>
    private static void UseRequestUser(HttpContext context)
    {
        if (context.RequestServices.GetRequiredService<AuthenticationStateProvider>() is IHostEnvironmentAuthenticationStateProvider host)
        {
            host.SetAuthenticationState(Task.FromResult(new AuthenticationState(context.User)));
        }
    }

    private static void NoStore(HttpContext context) => context.Response.Headers.CacheControl = "no-store";

    private static string FileName(HttpContext context, string extension)
    {
        var clock = context.RequestServices.GetRequiredService<TimeProvider>();
        return $"followup-{clock.GetUtcNow():yyyyMMdd}.{extension}";
    }
}

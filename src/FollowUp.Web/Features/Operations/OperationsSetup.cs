using FollowUp.Web.Data;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FollowUp.Web.Features.Operations;

/// <summary>Registers the operations feature: administrators, job history, the /ops overview and its counters.</summary>
public static class OperationsSetup
{
    public static WebApplicationBuilder AddFollowUpOperations(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        foreach (var section in OperationsOptions.Sections)
        {
            services.Configure<OperationsOptions>(builder.Configuration.GetSection(section));
        }
        services.AddSingleton<JobHistory>();
        services.AddSingleton<CircuitCounter>();
        services.AddScoped<OpsAccess>();
        services.AddScoped<OpsOverview>();
        services.AddScoped<CircuitHandler, CountingCircuitHandler>();
        return builder;
    }

    public static WebApplication MapFollowUpOperations(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        WarnWithoutAdministrators(app);
        return app;
    }

    /// <summary>Administrators are named, never implied (docs/operations.md): say so at start when none is.</summary>
    private static void WarnWithoutAdministrators(WebApplication app)
    {
        if (OpsAccess.ConfiguredEmails(app.Configuration).Count > 0)
        {
            return;
        }
        using var db = app.Services.GetRequiredService<IDbContextFactory<FollowUpDbContext>>().CreateDbContext();
        var role = app.Services.GetRequiredService<IOptions<OperationsOptions>>().Value.AdminRole;
        if (AdminCommand.AdministratorsAsync(db, role).GetAwaiter().GetResult().Count == 0)
        {
            app.Logger.LogWarning("No administrator: /ops and /ops/jobs are closed to everyone. Name one with "
                + "`dotnet FollowUp.Web.dll admin grant EMAIL` or FollowUp:Admin:Emails (docs/operations.md).");
        }
    }
}

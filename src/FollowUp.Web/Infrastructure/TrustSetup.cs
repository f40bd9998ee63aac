using FollowUp.Web.Features.Backups;
using FollowUp.Web.Features.DataExport;

namespace FollowUp.Web.Infrastructure;

/// <summary>
/// Trust and data safety in one place, so Program.cs gains two lines: security headers, cookies, rate limiting
/// and passwords (<see cref="SecuritySetup"/>), export and import of one's data, and database backups.
/// </summary>
public static class TrustSetup
{
    public static WebApplicationBuilder AddFollowUpTrust(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddFollowUpSecurity();
        builder.Services.AddScoped<DataExporter>();
        builder.Services.AddScoped<CsvExporter>();
        builder.Services.AddScoped<DataImporter>();
        builder.Services.Configure<BackupOptions>(builder.Configuration.GetSection("FollowUp:Backup"));
        builder.Services.AddSingleton<BackupService>();
        return builder;
    }

    /// <summary>Call before the rest of the pipeline (the security headers then cover every response).</summary>
    public static WebApplication UseFollowUpTrust(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseFollowUpSecurity();
        app.UseImportUploadLimit();
        // Backups an earlier release wrote world-readable are tightened at start, not only when the next one is made.
        if (Directory.Exists(app.Services.GetRequiredService<BackupService>().BackupDirectory))
        {
            app.Services.GetRequiredService<BackupService>().SecureFolder();
        }
        app.MapDataExport();
        return app;
    }
}

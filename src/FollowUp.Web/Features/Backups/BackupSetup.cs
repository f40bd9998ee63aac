namespace FollowUp.Web.Features.Backups;

/// <summary>Registers the SQLite backups (the job itself is scheduled in <see cref="Infrastructure.JobsSetup"/>).</summary>
public static class BackupSetup
{
    public static WebApplicationBuilder AddFollowUpBackups(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.Configure<BackupOptions>(builder.Configuration.GetSection("FollowUp:Backup"));
        builder.Services.AddSingleton<BackupService>();
        return builder;
    }

    /// <summary>Backups an earlier release wrote world-readable are tightened at start, not only when the next one is made.</summary>
    public static WebApplication SecureFollowUpBackups(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var backups = app.Services.GetRequiredService<BackupService>();
        if (Directory.Exists(backups.BackupDirectory))
        {
            backups.SecureFolder();
        }
        return app;
    }
}

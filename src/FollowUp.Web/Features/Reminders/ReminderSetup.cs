using FollowUp.Web.Data;
using FollowUp.Web.Features.Operations;
using FollowUp.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FollowUp.Web.Features.Reminders;

/// <summary>Registers the reminders feature: planning, delivery, channels and endpoints (its jobs: <see cref="JobsSetup"/>).</summary>
public static class ReminderSetup
{
    public static WebApplicationBuilder AddFollowUpReminders(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.Configure<ReminderOptions>(builder.Configuration.GetSection("FollowUp:Reminders"));
        services.Configure<SmtpOptions>(builder.Configuration.GetSection("FollowUp:Smtp"));
        services.AddSingleton<ReminderNotifier>();
        services.AddSingleton<JobHistory>();
        services.AddSingleton<ReminderEmailSender>();
        services.AddSingleton<ReminderEngine>();
        services.AddSingleton<ReminderSync>();
        services.AddSingleton<IApplicationChanged>(sp => sp.GetRequiredService<ReminderSync>());
        services.AddScoped<ReminderService>();
        services.AddScoped<OpsAccess>();
        services.AddScoped<ReminderBadge>();
        services.AddScoped<BrowserNotifications>();
        return builder;
    }

    public static WebApplication MapFollowUpReminders(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapCalendarFeed();
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
        var role = app.Services.GetRequiredService<IOptions<ReminderOptions>>().Value.AdminRole;
        if (AdminCommand.AdministratorsAsync(db, role).GetAwaiter().GetResult().Count == 0)
        {
            app.Logger.LogWarning("No administrator: /ops and /ops/jobs are closed to everyone. Name one with "
                + "`dotnet FollowUp.Web.dll admin grant EMAIL` or FollowUp:Admin:Emails (docs/operations.md).");
        }
    }
}

using FollowUp.Web.Infrastructure;

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
        if (DataLocation.From(builder.Configuration, builder.Environment.ContentRootPath).IsPostgres)
        {
            // Several nodes may share the database: each tells the others' open pages what it delivered.
            services.AddSingleton<PostgresReminderRelay>();
            services.AddSingleton<IReminderRelay>(sp => sp.GetRequiredService<PostgresReminderRelay>());
            services.AddHostedService(sp => sp.GetRequiredService<PostgresReminderRelay>());
        }
        else
        {
            services.AddSingleton<IReminderRelay, SingleNodeRelay>();
        }
        services.AddSingleton<ReminderEmailSender>();
        services.AddSingleton<ReminderEngine>();
        services.AddSingleton<ReminderSync>();
        services.AddSingleton<IApplicationChanged>(sp => sp.GetRequiredService<ReminderSync>());
        services.AddScoped<ReminderService>();
        services.AddScoped<ReminderBadge>();
        services.AddScoped<BrowserNotifications>();
        return builder;
    }

    public static WebApplication MapFollowUpReminders(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapCalendarFeed();
        return app;
    }
}

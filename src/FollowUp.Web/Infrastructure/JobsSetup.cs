using System.Security.Claims;
using FollowUp.Web.Features.Backups;
using FollowUp.Web.Features.Operations;
using FollowUp.Web.Features.Reminders;
using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.Dashboard;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Microsoft.Extensions.Options;

namespace FollowUp.Web.Infrastructure;

/// <summary>Settings under <c>FollowUp:Jobs</c>: the Hangfire server of this process.</summary>
public sealed class JobOptions
{
    /// <summary>Whether this process runs background jobs (tests that drive jobs directly turn it off).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often Hangfire looks for delayed jobs whose time has come: the bound on a reminder's lateness.</summary>
    public double SchedulePollingSeconds { get; set; } = 1;

    /// <summary>Jobs run at once; delivery is short and mostly waits on SQLite, which has one writer.</summary>
    public int WorkerCount { get; set; } = 2;
}

/// <summary>
/// Background jobs on Hangfire (ADR 0014): one in-memory job storage per host (never the static
/// <c>JobStorage.Current</c>), jobs as small classes resolved per run, recurring jobs with stable ids, and the
/// dashboard at <c>/ops/jobs</c> for administrators. The app's tables stay the truth: nothing is lost with the
/// in-memory store, because every start re-plans from them.
/// </summary>
public static class JobsSetup
{
    /// <summary>Where the Hangfire dashboard is served (administrators only).</summary>
    public const string DashboardPath = "/ops/jobs";

    public static WebApplicationBuilder AddFollowUpJobs(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var section = builder.Configuration.GetSection("FollowUp:Jobs");
        services.Configure<JobOptions>(section);
        var options = section.Get<JobOptions>() ?? new JobOptions();

        // Registered before AddHangfire, whose TryAdd would otherwise fall back to the process-wide statics.
        // On PostgreSQL every node shares one store in the app's database (schema "hangfire", ADR 0021): a wake-up
        // or a recurring job runs on one node, and a job whose node died is fetched again by another.
        services.AddSingleton<JobStorage>(sp =>
        {
            sp.GetRequiredService<IGlobalConfiguration>(); // Hangfire's settings (and logging) first
            var location = sp.GetRequiredService<DataLocation>();
            return location.IsPostgres
                ? SharedStorage(location.ConnectionString)
                : new InMemoryStorage(new InMemoryStorageOptions());
        });
        services.AddSingleton<JobActivator>(sp => new AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        services.AddHangfire((sp, config) => config
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseLogProvider(new HostLogProvider(sp.GetRequiredService<ILoggerFactory>())));

        services.AddTransient<DeliverRemindersJob>();
        services.AddTransient<ReconcileRemindersJob>();
        services.AddTransient<BackupJob>();
        services.AddTransient<PruneJobHistoryJob>();

        if (!options.Enabled)
        {
            services.AddSingleton<IReminderAlarm, SilentReminderAlarm>();
            return builder;
        }
        services.AddSingleton<ReminderAlarm>();
        services.AddSingleton<IReminderAlarm>(sp => sp.GetRequiredService<ReminderAlarm>());
        services.AddHangfireServer((sp, server) =>
        {
            var jobs = sp.GetRequiredService<IOptions<JobOptions>>().Value;
            server.ServerName = $"followup-{Environment.ProcessId}-{Guid.NewGuid():N}";
            server.WorkerCount = Math.Max(1, jobs.WorkerCount);
            server.SchedulePollingInterval = TimeSpan.FromSeconds(Math.Max(0.1, jobs.SchedulePollingSeconds));
            server.ShutdownTimeout = TimeSpan.FromSeconds(15);
        });
        services.AddHostedService<JobSchedule>();
        return builder;
    }

    /// <summary>
    /// Hangfire.PostgreSql on the app's database. Workers wait on LISTEN/NOTIFY for new jobs (polling once a second
    /// besides); a job fetched by a node that died is visible again after a minute (the timeout slides while a job
    /// runs, so a long one is not taken twice).
    /// </summary>
    private static PostgreSqlStorage SharedStorage(string connectionString)
    {
        var options = new PostgreSqlStorageOptions
        {
            SchemaName = "hangfire",
            PrepareSchemaIfNecessary = true,
            QueuePollInterval = TimeSpan.FromSeconds(1),
            EnableLongPolling = true,
            InvisibilityTimeout = TimeSpan.FromMinutes(1),
            UseSlidingInvisibilityTimeout = true,
            DistributedLockTimeout = TimeSpan.FromMinutes(1),
        };
        return new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, options), options);
    }

    /// <summary>Serves Hangfire's dashboard at <see cref="DashboardPath"/> to signed-in administrators only.</summary>
    public static WebApplication MapFollowUpJobsDashboard(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapHangfireDashboard(DashboardPath, new DashboardOptions
        {
            AppPath = "/ops",
            DashboardTitle = "FollowUp jobs",
            DisplayStorageConnectionString = false,
            Authorization = [],
            AsyncAuthorization = [new AdministratorsOnly()],
        }, app.Services.GetRequiredService<JobStorage>()).RequireAuthorization();
        return app;
    }

    /// <summary>The dashboard's own check, behind the signed-in requirement: the same rule as /ops.</summary>
    private sealed class AdministratorsOnly : IDashboardAsyncAuthorizationFilter
    {
        public async Task<bool> AuthorizeAsync(DashboardContext context)
        {
            var http = context.GetHttpContext();
            var id = http.User.FindFirstValue(ClaimTypes.NameIdentifier);
            return id is not null && await http.RequestServices.GetRequiredService<OpsAccess>().IsAdministratorAsync(id, http.RequestAborted);
        }
    }
}

/// <summary>
/// Hangfire's logging is process-wide (a static): it goes to the newest host's loggers, and falls silent rather than
/// throwing once that host is gone (tests start and stop many hosts in one process; an app has one).
/// </summary>
internal sealed class HostLogProvider(ILoggerFactory factory) : Hangfire.Logging.ILogProvider
{
    public Hangfire.Logging.ILog GetLogger(string name)
    {
        try
        {
            return new Forwarder(factory.CreateLogger(name));
        }
        catch (ObjectDisposedException)
        {
            return new Forwarder(Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
        }
    }

    private sealed class Forwarder(ILogger logger) : Hangfire.Logging.ILog
    {
        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null)
        {
            var level = logLevel switch
            {
                Hangfire.Logging.LogLevel.Trace => LogLevel.Trace,
                Hangfire.Logging.LogLevel.Debug => LogLevel.Debug,
                Hangfire.Logging.LogLevel.Info => LogLevel.Information,
                Hangfire.Logging.LogLevel.Warn => LogLevel.Warning,
                Hangfire.Logging.LogLevel.Error => LogLevel.Error,
                _ => LogLevel.Critical,
            };
            if (messageFunc is null)
            {
                return logger.IsEnabled(level); // Hangfire asks whether a level is on
            }
            try
            {
                logger.Log(level, 0, exception, "{Message}", messageFunc());
            }
            catch (ObjectDisposedException)
            {
                // The host that owned these loggers has stopped.
            }
            return true;
        }
    }
}

/// <summary>
/// At start: registers the recurring jobs under stable ids, runs the reminder sweep once (a restart loses nothing:
/// the sweep re-plans from the tables) and schedules the first backup check.
/// </summary>
internal sealed class JobSchedule(
    IRecurringJobManagerV2 recurring,
    IBackgroundJobClientV2 jobs,
    IOptions<ReminderOptions> reminders,
    IOptions<BackupOptions> backups) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var every = Math.Clamp(reminders.Value.ReconcileMinutes, 1, 59);
        recurring.AddOrUpdate<ReconcileRemindersJob>(ReconcileRemindersJob.RecurringId, j => j.RunAsync(CancellationToken.None), $"*/{every} * * * *");
        recurring.AddOrUpdate<PruneJobHistoryJob>(PruneJobHistoryJob.RecurringId, j => j.RunAsync(CancellationToken.None), Cron.Hourly());
        if (backups.Value.IntervalHours > 0)
        {
            // Every ten minutes the job looks whether a backup is due; it makes one only then.
            recurring.AddOrUpdate<BackupJob>(BackupJob.RecurringId, j => j.RunAsync(CancellationToken.None), "*/10 * * * *");
            jobs.Schedule<BackupJob>(j => j.RunAsync(CancellationToken.None), TimeSpan.FromSeconds(Math.Max(0, backups.Value.StartDelaySeconds)));
        }
        else
        {
            recurring.RemoveIfExists(BackupJob.RecurringId);
        }
        jobs.Enqueue<ReconcileRemindersJob>(j => j.RunAsync(CancellationToken.None));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

using System.Collections.Concurrent;
using System.Collections.Specialized;
using System.Diagnostics;
using Microsoft.Extensions.Options;
using Quartz;
using Quartz.Impl;
using Quartz.Impl.Matchers;
using Quartz.Spi;

namespace FollowUp.Web.Features.Reminders;

/// <summary>
/// Hosts the Quartz scheduler (in memory: the database is the truth) and keeps one trigger per Scheduled
/// reminder. Starts a reconcile run at start-up and every few minutes; waits for running jobs on shutdown.
/// Trigger times follow the injected <see cref="TimeProvider"/>: a reminder due in 5 minutes on the app's clock
/// fires in 5 minutes on Quartz's clock.
/// </summary>
public sealed class ReminderScheduler(
    IServiceProvider services,
    IOptions<ReminderOptions> options,
    TimeProvider clock,
    ILogger<ReminderScheduler> logger) : IHostedService, IReminderTriggers, IDisposable
{
    public const string Group = "reminders";
    public static readonly JobKey DeliverJob = new("deliver", Group);
    public static readonly JobKey ReconcileJob = new("reconcile", Group);
    private static readonly TriggerKey ReconcileTrigger = new("reconcile-every", Group);

    private readonly SemaphoreSlim _rebuild = new(1, 1);
    private readonly ConcurrentDictionary<int, DateTime> _known = new();
    private IScheduler? _scheduler;

    /// <summary>The running scheduler, if any (for the operations page).</summary>
    public IScheduler? Scheduler => _scheduler;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.SchedulerEnabled)
        {
            return;
        }
        var scheduler = await CreateAsync($"FollowUp-{Guid.NewGuid():N}", services, cancellationToken);
        var reconcile = JobBuilder.Create<ReconcileRemindersJob>().WithIdentity(ReconcileJob).StoreDurably().Build();
        await scheduler.AddJob(reconcile, replace: true, cancellationToken);
        await scheduler.ScheduleJob(TriggerBuilder.Create()
            .WithIdentity(ReconcileTrigger)
            .ForJob(ReconcileJob)
            .StartNow()
            .WithSimpleSchedule(s => s.WithIntervalInMinutes(Math.Max(1, options.Value.ReconcileMinutes)).RepeatForever()
                .WithMisfireHandlingInstructionNextWithRemainingCount())
            .Build(), cancellationToken);
        await scheduler.Start(cancellationToken);
        _scheduler = scheduler;
        logger.LogInformation("Reminder scheduler started");
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        var scheduler = Interlocked.Exchange(ref _scheduler, null);
        if (scheduler is not null)
        {
            await scheduler.Shutdown(waitForJobsToComplete: true, cancellationToken);
            logger.LogInformation("Reminder scheduler stopped");
        }
    }

    /// <summary>A stand-alone in-memory scheduler whose jobs come from <paramref name="services"/> (also used by the benchmark).</summary>
    public static async Task<IScheduler> CreateAsync(string name, IServiceProvider services, CancellationToken ct = default)
    {
        var factory = new StdSchedulerFactory(new NameValueCollection
        {
            ["quartz.scheduler.instanceName"] = name,
            ["quartz.threadPool.maxConcurrency"] = "2",
            ["quartz.jobStore.type"] = "Quartz.Simpl.RAMJobStore, Quartz",
        });
        var scheduler = await factory.GetScheduler(ct);
        scheduler.JobFactory = new ServiceJobFactory(services);
        var deliver = JobBuilder.Create<DeliverRemindersJob>().WithIdentity(DeliverJob).StoreDurably().Build();
        await scheduler.AddJob(deliver, replace: true, ct);
        return scheduler;
    }

    /// <summary>Runs the reconcile job now (operations page).</summary>
    public async Task<bool> RunReconcileNowAsync(CancellationToken ct = default)
    {
        if (_scheduler is not { } scheduler)
        {
            return false;
        }
        await scheduler.TriggerJob(ReconcileJob, ct);
        return true;
    }

    public async Task ScheduleAsync(IReadOnlyCollection<(int ReminderId, DateTime FireAtUtc)> reminders, CancellationToken ct = default)
    {
        if (_scheduler is { } scheduler)
        {
            await ScheduleOnAsync(scheduler, reminders, clock, _known, ct);
        }
    }

    public async Task UnscheduleAsync(IReadOnlyCollection<int> reminderIds, CancellationToken ct = default)
    {
        if (_scheduler is { } scheduler)
        {
            await scheduler.UnscheduleJobs([.. reminderIds.Select(TriggerFor)], ct);
            foreach (var id in reminderIds)
            {
                _known.TryRemove(id, out _);
            }
        }
    }

    public async Task RebuildAsync(IReadOnlyCollection<(int ReminderId, DateTime FireAtUtc)> reminders, CancellationToken ct = default)
    {
        if (_scheduler is not { } scheduler)
        {
            return;
        }
        await _rebuild.WaitAsync(ct);
        try
        {
            await RebuildOnAsync(scheduler, reminders, clock, _known, ct);
        }
        finally
        {
            _rebuild.Release();
        }
    }

    /// <summary>
    /// Makes the reminder triggers of <paramref name="scheduler"/> exactly <paramref name="reminders"/>. Triggers that
    /// exist with the wanted time (per <paramref name="known"/>, what was scheduled last) are left alone, so a
    /// reconcile that finds nothing changed only reads.
    /// </summary>
    public static async Task<int> RebuildOnAsync(
        IScheduler scheduler, IReadOnlyCollection<(int ReminderId, DateTime FireAtUtc)> reminders, TimeProvider clock,
        ConcurrentDictionary<int, DateTime> known, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(scheduler);
        ArgumentNullException.ThrowIfNull(reminders);
        ArgumentNullException.ThrowIfNull(known);
        var wanted = reminders.Select(r => TriggerFor(r.ReminderId)).ToHashSet();
        var existing = await scheduler.GetTriggerKeys(GroupMatcher<TriggerKey>.GroupEquals(Group), ct);
        var stale = existing.Where(k => !wanted.Contains(k) && k != ReconcileTrigger).ToList();
        if (stale.Count > 0)
        {
            await scheduler.UnscheduleJobs(stale, ct);
        }
        foreach (var id in known.Keys.Where(id => !wanted.Contains(TriggerFor(id))))
        {
            known.TryRemove(id, out _);
        }
        var changed = reminders
            .Where(r => !existing.Contains(TriggerFor(r.ReminderId)) || !known.TryGetValue(r.ReminderId, out var at) || at != r.FireAtUtc)
            .ToList();
        await ScheduleOnAsync(scheduler, changed, clock, known, ct);
        return changed.Count;
    }

    private static async Task ScheduleOnAsync(
        IScheduler scheduler, IReadOnlyCollection<(int ReminderId, DateTime FireAtUtc)> reminders, TimeProvider clock,
        ConcurrentDictionary<int, DateTime> known, CancellationToken ct)
    {
        if (reminders.Count == 0)
        {
            return;
        }
        // Map the app's clock onto Quartz's: same distance from "now" on both.
        var offset = SystemTime.UtcNow() - clock.GetUtcNow();
        var job = await scheduler.GetJobDetail(DeliverJob, ct)
            ?? throw new InvalidOperationException("The delivery job is missing.");
        var triggers = reminders.Select(r => (ITrigger)TriggerBuilder.Create()
                .WithIdentity(TriggerFor(r.ReminderId))
                .ForJob(DeliverJob)
                .StartAt(new DateTimeOffset(DateTime.SpecifyKind(r.FireAtUtc, DateTimeKind.Utc)) + offset)
                .WithSimpleSchedule(s => s.WithMisfireHandlingInstructionFireNow())
                .Build())
            .ToList();
        await scheduler.ScheduleJobs(new Dictionary<IJobDetail, IReadOnlyCollection<ITrigger>> { [job] = triggers }, replace: true, ct);
        foreach (var (id, at) in reminders)
        {
            known[id] = at;
        }
    }

    public static TriggerKey TriggerFor(int reminderId) => new($"r{reminderId}", Group);

    public void Dispose() => _rebuild.Dispose();
}

/// <summary>Creates Quartz jobs through DI (Quartz.Extensions.DependencyInjection is not available here).</summary>
internal sealed class ServiceJobFactory(IServiceProvider services) : IJobFactory
{
    public IJob NewJob(TriggerFiredBundle bundle, IScheduler scheduler)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        return (IJob)ActivatorUtilities.CreateInstance(services, bundle.JobDetail.JobType);
    }

    public void ReturnJob(IJob job) => (job as IDisposable)?.Dispose();
}

/// <summary>Delivers due reminders (one trigger per reminder fires it).</summary>
[DisallowConcurrentExecution]
internal sealed class DeliverRemindersJob(ReminderEngine engine, ReminderOps ops, TimeProvider clock) : IJob
{
    public Task Execute(IJobExecutionContext context) =>
        JobRuns.RecordAsync(ops, clock, "deliver", async ct => $"{await engine.DeliverDueAsync(ct)} delivered", context.CancellationToken);
}

/// <summary>Catches up on due reminders and rebuilds every trigger from the database.</summary>
[DisallowConcurrentExecution]
internal sealed class ReconcileRemindersJob(ReminderEngine engine, ReminderOps ops, TimeProvider clock) : IJob
{
    public Task Execute(IJobExecutionContext context) =>
        JobRuns.RecordAsync(ops, clock, "reconcile", async ct => $"{await engine.ReconcileAsync(ct)} triggers", context.CancellationToken);
}

/// <summary>Runs a job body and writes the run down (<see cref="ReminderOps.RecordAsync"/> never throws).</summary>
internal static class JobRuns
{
    public static async Task RecordAsync(ReminderOps ops, TimeProvider clock, string job, Func<CancellationToken, Task<string>> run, CancellationToken ct)
    {
        var started = clock.GetUtcNow();
        var watch = Stopwatch.StartNew();
        string detail;
        try
        {
            detail = await run(ct);
        }
        catch (Exception ex)
        {
            await ops.RecordAsync(new JobRun(job, started, watch.Elapsed, false, $"{ex.GetType().Name}: {ex.Message}"));
            throw new JobExecutionException(ex, refireImmediately: false);
        }
        await ops.RecordAsync(new JobRun(job, started, watch.Elapsed, true, detail));
    }
}

using FollowUp.Web.Features.Reminders;
using FollowUp.Web.Infrastructure;
using Hangfire;
using Hangfire.Storage.Monitoring;
using Microsoft.Extensions.Options;

namespace FollowUp.Web.Features.Operations;

/// <summary>Everything the operations page shows at one moment.</summary>
/// <param name="LastRuns">The latest run of each job.</param>
/// <param name="Recent">The newest runs of all jobs.</param>
/// <param name="Failures">The newest failures.</param>
/// <param name="Next">The next reminders to deliver and when.</param>
/// <param name="ScheduledCount">How many reminders wait to be delivered.</param>
/// <param name="PendingUtc">When the delivery wake-up is set for, if it is.</param>
/// <param name="Hangfire">Hangfire's own counts (this process's store).</param>
public sealed record OpsSnapshot(
    IReadOnlyList<JobRunRecord> LastRuns, IReadOnlyList<JobRunRecord> Recent, IReadOnlyList<JobRunRecord> Failures,
    IReadOnlyList<(int ReminderId, DateTime FireAtUtc)> Next, int ScheduledCount, DateTime? PendingUtc, StatisticsDto Hangfire);

/// <summary>
/// The operations page's one service: it reads the job history, the delivery engine, the scheduler and their
/// settings, and starts a reconcile, so the page itself touches neither Hangfire nor options.
/// </summary>
public sealed class OpsOverview(
    JobHistory ops,
    ReminderEngine engine,
    IReminderAlarm alarm,
    JobStorage jobs,
    IRecurringJobManagerV2 recurring,
    IOptions<JobOptions> jobOptions,
    IOptions<OperationsOptions> options)
{
    /// <summary>Whether this process runs the background jobs.</summary>
    public bool JobsRunning => jobOptions.Value.Enabled;

    /// <summary>How many runs of each job are kept.</summary>
    public int RunsKeptPerJob => options.Value.JobRunsKeptPerJob;

    /// <summary>How many days failures are kept.</summary>
    public int FailuresKeptDays => options.Value.JobFailuresKeptDays;

    /// <summary>Runs that could not be written down since the start.</summary>
    public long UnsavedRuns => ops.UnsavedRuns;

    /// <summary>Runs come from the database, so they survive restarts; Hangfire's own counts are this process's store.</summary>
    public async Task<OpsSnapshot> LoadAsync(int shown, int recentShown, CancellationToken ct = default) => new(
        await ops.LastRunsAsync(ct),
        await ops.RecentAsync(recentShown, ct),
        await ops.FailuresAsync(shown, ct),
        await engine.NextFireTimesAsync(recentShown, ct),
        await engine.ScheduledCountAsync(ct),
        (alarm as ReminderAlarm)?.PendingUtc,
        jobs.GetMonitoringApi().GetStatistics());

    /// <summary>Starts the reconcile job now; false when this process runs no jobs.</summary>
    public bool RunReconcile()
    {
        if (!JobsRunning)
        {
            return false;
        }
        recurring.TriggerJob(ReconcileRemindersJob.RecurringId);
        return true;
    }
}

using System.Globalization;
using FollowUp.Web.Features.Operations;
using Hangfire;
using Microsoft.Extensions.Options;

namespace FollowUp.Web.Features.Backups;

/// <summary>
/// Makes a backup when the newest one is <see cref="BackupOptions.IntervalHours"/> old (or there is none). Runs as
/// a recurring job every few minutes (<see cref="RecurringId"/>) and once shortly after start, so the schedule
/// follows the backups on disk, not a timer that a restart would reset.
/// </summary>
[AutomaticRetry(Attempts = 0)]
public sealed class BackupJob(BackupService backups, IOptions<BackupOptions> options, JobHistory history, TimeProvider clock)
{
    /// <summary>The stable id of the recurring job.</summary>
    public const string RecurringId = "backups";

    /// <summary>Backs up if one is due; a run with nothing to do is not written to the job history.</summary>
    public async Task RunAsync(CancellationToken ct)
    {
        var hours = options.Value.IntervalHours;
        if (hours <= 0 || backups.DueIn(TimeSpan.FromHours(hours)) > TimeSpan.Zero)
        {
            return;
        }
        await JobRuns.RecordAsync(history, clock, BackupService.JobName, async token =>
        {
            var result = await backups.BackupNowAsync(token);
            return result.Path is { } path
                ? string.Create(CultureInfo.InvariantCulture, $"{Path.GetFileName(path)}: {result.Bytes:N0} bytes, integrity ok, {result.Deleted.Count} old deleted")
                : throw new InvalidOperationException($"integrity check failed, copy discarded: {result.IntegrityCheck}");
        }, ct);
    }
}

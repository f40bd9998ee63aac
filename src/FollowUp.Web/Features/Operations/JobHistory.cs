using FollowUp.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FollowUp.Web.Features.Operations;

/// <summary>
/// The reminder engine's runs and failures, kept in the database so they survive restarts: the newest
/// <see cref="OperationsOptions.JobRunsKeptPerJob"/> of each job, plus every failure of the last
/// <see cref="OperationsOptions.JobFailuresKeptDays"/> days. Recording never throws: a run that cannot be saved is
/// logged and counted, and the job goes on.
/// </summary>
public sealed class JobHistory(
    IDbContextFactory<FollowUpDbContext> dbFactory,
    TimeProvider clock,
    IOptions<OperationsOptions> options,
    ILogger<JobHistory> logger)
{
    private long _unsaved;

    /// <summary>Runs that could not be written since this process started (see the log for why).</summary>
    public long UnsavedRuns => Interlocked.Read(ref _unsaved);

    /// <summary>Saves <paramref name="run"/>. Never throws. <see cref="PruneAsync(CancellationToken)"/> trims the history.</summary>
    public async Task RecordAsync(JobRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        try
        {
            // Not the job's token: a run that ends because the app is stopping is still worth writing down.
            await using var db = await dbFactory.CreateDbContextAsync();
            db.Add(new JobRunRecord
            {
                Job = Truncate(run.Job, JobRunRecord.MaxJob),
                StartedAtUtc = run.StartedAtUtc.UtcDateTime,
                DurationMs = Math.Round(run.Took.TotalMilliseconds, 3),
                Succeeded = run.Succeeded,
                Detail = Truncate(run.Detail, JobRunRecord.MaxDetail),
            });
            await db.SaveChangesAsync();
        }
#pragma warning disable CA1031 // Bookkeeping must never break the job it describes.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Interlocked.Increment(ref _unsaved);
            logger.LogWarning(ex, "Could not save the {Job} run ({Result}: {Detail})",
                run.Job, run.Succeeded ? "ok" : "failed", run.Detail);
        }
    }

    /// <summary>
    /// Keeps the newest <see cref="OperationsOptions.JobRunsKeptPerJob"/> runs of each job and every failure younger than
    /// <see cref="OperationsOptions.JobFailuresKeptDays"/> days; returns the runs deleted. The hourly prune job calls it.
    /// </summary>
    public async Task<int> PruneAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var jobs = await db.Set<JobRunRecord>().Select(r => r.Job).Distinct().ToListAsync(ct);
        var deleted = 0;
        foreach (var job in jobs)
        {
            deleted += await PruneAsync(db, job, ct);
        }
        return deleted;
    }

    /// <summary>Deletes the runs of <paramref name="job"/> older than the newest N, except failures younger than the cut-off.</summary>
    private async Task<int> PruneAsync(FollowUpDbContext db, string job, CancellationToken ct)
    {
        var keep = Math.Max(1, options.Value.JobRunsKeptPerJob);
        var oldestKept = await db.Set<JobRunRecord>()
            .Where(r => r.Job == job)
            .OrderByDescending(r => r.Id)
            .Skip(keep - 1)
            .Select(r => (int?)r.Id)
            .FirstOrDefaultAsync(ct);
        if (oldestKept is null)
        {
            return 0;
        }
        var failuresSince = clock.GetUtcNow().UtcDateTime - TimeSpan.FromDays(Math.Max(0, options.Value.JobFailuresKeptDays));
        return await db.Set<JobRunRecord>()
            .Where(r => r.Job == job && r.Id < oldestKept && (r.Succeeded || r.StartedAtUtc < failuresSince))
            .ExecuteDeleteAsync(ct);
    }

    /// <summary>The newest run of each job, by job name.</summary>
    public async Task<IReadOnlyList<JobRunRecord>> LastRunsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var runs = db.Set<JobRunRecord>();
        var rows = await runs.AsNoTracking()
            .Where(r => runs.GroupBy(x => x.Job).Select(g => g.Max(x => x.Id)).Contains(r.Id))
            .ToListAsync(ct);
        return [.. rows.OrderBy(r => r.Job, StringComparer.Ordinal)];
    }

    /// <summary>The newest <paramref name="count"/> runs of every job, newest first.</summary>
    public Task<List<JobRunRecord>> RecentAsync(int count, CancellationToken ct = default) => NewestAsync(false, count, ct);

    /// <summary>The newest <paramref name="count"/> failures, newest first.</summary>
    public Task<List<JobRunRecord>> FailuresAsync(int count, CancellationToken ct = default) => NewestAsync(true, count, ct);

    private async Task<List<JobRunRecord>> NewestAsync(bool failuresOnly, int count, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<JobRunRecord>().AsNoTracking()
            .Where(r => !failuresOnly || !r.Succeeded)
            .OrderByDescending(r => r.Id)
            .Take(count)
            .ToListAsync(ct);
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");
}

using System.Diagnostics;

namespace FollowUp.Web.Features.Operations;

/// <summary>Runs a job's body and writes the run down in the job history that /ops shows.</summary>
public static class JobRuns
{
    /// <summary>
    /// Runs <paramref name="run"/>, records its result (or its error) once, and rethrows a failure so Hangfire marks
    /// the job failed. Jobs do not retry (see <c>[AutomaticRetry(Attempts = 0)]</c> on each): the next scheduled run
    /// or the periodic reconcile does the work again, and a failure shows once on /ops, not ten times.
    /// </summary>
    public static async Task RecordAsync(JobHistory history, TimeProvider clock, string job, Func<CancellationToken, Task<string>> run, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(run);
        var started = clock.GetUtcNow();
        var watch = Stopwatch.StartNew();
        string detail;
        try
        {
            detail = await run(ct);
        }
        catch (Exception ex)
        {
            await history.RecordAsync(new JobRun(job, started, watch.Elapsed, false, $"{ex.GetType().Name}: {ex.Message}"));
            throw;
        }
        await history.RecordAsync(new JobRun(job, started, watch.Elapsed, true, detail));
    }
}

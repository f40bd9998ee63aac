namespace FollowUp.Web.Features.Reminders;

/// <summary>One run of a job (or one failed delivery channel), for the operations page.</summary>
public sealed record JobRun(string Job, DateTimeOffset StartedAtUtc, TimeSpan Took, bool Succeeded, string Detail);

/// <summary>In-memory record of the reminder engine's recent runs and failures (the database holds the reminders).</summary>
public sealed class ReminderOps
{
    private const int MaxKept = 50;
    private readonly object _gate = new();
    private readonly Dictionary<string, JobRun> _lastRuns = new(StringComparer.Ordinal);
    private readonly LinkedList<JobRun> _failures = new();

    public void Record(JobRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        lock (_gate)
        {
            _lastRuns[run.Job] = run;
            if (!run.Succeeded)
            {
                _failures.AddFirst(run);
                while (_failures.Count > MaxKept)
                {
                    _failures.RemoveLast();
                }
            }
        }
    }

    public IReadOnlyList<JobRun> LastRuns()
    {
        lock (_gate)
        {
            return [.. _lastRuns.Values.OrderBy(r => r.Job, StringComparer.Ordinal)];
        }
    }

    /// <summary>Most recent first.</summary>
    public IReadOnlyList<JobRun> Failures()
    {
        lock (_gate)
        {
            return [.. _failures];
        }
    }
}

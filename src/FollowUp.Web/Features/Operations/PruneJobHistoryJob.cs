using System.Globalization;
using Hangfire;

namespace FollowUp.Web.Features.Operations;

/// <summary>Trims the job history that /ops shows and deletes expired sessions and ended sign-in failure counts (recurring job <see cref="RecurringId"/>, hourly).</summary>
[AutomaticRetry(Attempts = 0)]
public sealed class PruneJobHistoryJob(JobHistory history, Account.Sessions sessions, Account.SignInFailures signInFailures, TimeProvider clock)
{
    /// <summary>The job's name in the run history.</summary>
    public const string Name = "prune";

    /// <summary>The stable id of the recurring job.</summary>
    public const string RecurringId = "job-history-prune";

    public Task RunAsync(CancellationToken ct) => JobRuns.RecordAsync(history, clock, Name, async token =>
    {
        var deleted = await history.PruneAsync(token);
        // Sessions whose cookie has expired (14 idle days) go with the same hourly sweep.
        var expired = await sessions.PruneAsync(token);
        var failures = await signInFailures.PruneAsync(token);
        return string.Create(CultureInfo.InvariantCulture, $"{deleted} old runs deleted, {expired} expired sessions, {failures} ended sign-in lockouts");
    }, ct);
}

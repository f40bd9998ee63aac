namespace FollowUp.Web.Features.Reminders;

// These two stay in the Reminders namespace although the job history is the Operations feature's: the entity's
// full name is written in the migrations' model snapshot, and renaming it would be a schema change.

/// <summary>One run of a job (or one failed delivery channel), as the job reports it.</summary>
public sealed record JobRun(string Job, DateTimeOffset StartedAtUtc, TimeSpan Took, bool Succeeded, string Detail);

/// <summary>
/// A stored job run (table <c>JobRuns</c>), for the operations page. Not user data: it belongs to no owner and
/// only administrators see it; details name reminder ids, never people.
/// </summary>
public sealed class JobRunRecord
{
    public const int MaxJob = 64;
    public const int MaxDetail = 1000;

    public int Id { get; set; }
    public string Job { get; set; } = "";
    public DateTime StartedAtUtc { get; set; }
    public double DurationMs { get; set; }
    public bool Succeeded { get; set; }
    public string Detail { get; set; } = "";
}

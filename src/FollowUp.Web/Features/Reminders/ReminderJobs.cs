using System.Globalization;
using FollowUp.Web.Features.Operations;
using Hangfire;

namespace FollowUp.Web.Features.Reminders;

/// <summary>
/// Delivers the reminders that are due and sets the next wake-up (<see cref="IReminderAlarm"/>). Runs when a
/// wake-up falls due; Hangfire may run it twice, and the SQL update that delivers makes that harmless.
/// </summary>
[AutomaticRetry(Attempts = 0)]
public sealed class DeliverRemindersJob(ReminderEngine engine, JobHistory history, TimeProvider clock)
{
    /// <summary>The job's name in the run history.</summary>
    public const string Name = "deliver";

    public Task RunAsync(CancellationToken ct) => JobRuns.RecordAsync(history, clock, Name, async token =>
    {
        var result = await engine.DeliverAndRearmAsync(token);
        return result.Describe();
    }, ct);
}

/// <summary>
/// The sweep: delivers what is due (catching up after downtime), plans the reminders of every application whose data
/// changed since they were last planned (a gap left by a crash heals here), and re-plans the wake-up. Runs at
/// start-up and every <see cref="ReminderOptions.ReconcileMinutes"/> minutes (recurring job <see cref="RecurringId"/>).
/// </summary>
[AutomaticRetry(Attempts = 0)]
public sealed class ReconcileRemindersJob(ReminderEngine engine, JobHistory history, TimeProvider clock)
{
    /// <summary>The job's name in the run history.</summary>
    public const string Name = "reconcile";

    /// <summary>The stable id of the recurring job.</summary>
    public const string RecurringId = "reminders-reconcile";

    public Task RunAsync(CancellationToken ct) => JobRuns.RecordAsync(history, clock, Name, async token =>
    {
        var result = await engine.ReconcileAsync(token);
        return result.Describe();
    }, ct);
}

/// <summary>What a delivery or reconcile run did.</summary>
/// <param name="Delivered">Reminders delivered by this run.</param>
/// <param name="Scheduled">Reminders still waiting for their time.</param>
/// <param name="NextFireAtUtc">When the next one is due (the wake-up set), if any.</param>
/// <param name="Planned">Applications whose reminders the sweep (re)planned because their data changed since.</param>
/// <param name="PlanningTook">How long finding and planning them took.</param>
public sealed record ReminderRunResult(int Delivered, int Scheduled, DateTime? NextFireAtUtc, int Planned = 0, TimeSpan PlanningTook = default)
{
    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"{Delivered} delivered, {Scheduled} scheduled, next {(NextFireAtUtc is { } next ? next.ToString("u", CultureInfo.InvariantCulture) : "none")}, {Planned} applications planned in {PlanningTook.TotalMilliseconds:F0} ms");
}

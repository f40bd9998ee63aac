using Hangfire;

namespace FollowUp.Web.Features.Reminders;

/// <summary>
/// Wakes the delivery job when the next reminder falls due. The reminder rows are the truth and delivery is
/// exactly-once in SQL, so a wake-up too many costs one query and a wake-up lost is caught by the periodic
/// reconcile: there is one pending wake-up (the earliest), not one job per reminder.
/// </summary>
public interface IReminderAlarm
{
    /// <summary>Makes sure delivery runs at <paramref name="fireAtUtc"/> (on the app's clock) unless an earlier wake-up is pending.</summary>
    void RingAt(DateTime fireAtUtc);

    /// <summary>Forgets the pending wake-up and sets the one the tables call for (the delivery and reconcile jobs, which just looked).</summary>
    void Reset(DateTime? nextFireAtUtc);
}

/// <summary>The alarm as a delayed Hangfire job (<see cref="DeliverRemindersJob"/>) on this host's job storage.</summary>
public sealed class ReminderAlarm(IBackgroundJobClientV2 jobs, TimeProvider clock, ILogger<ReminderAlarm> logger) : IReminderAlarm
{
    private readonly Lock _gate = new();
    private DateTime? _pendingUtc;

    /// <summary>When the pending wake-up is set for (app clock), if any; for the operations page.</summary>
    public DateTime? PendingUtc
    {
        get
        {
            lock (_gate)
            {
                return _pendingUtc;
            }
        }
    }

    public void RingAt(DateTime fireAtUtc)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        lock (_gate)
        {
            // An earlier wake-up that has not come yet will deliver this one too, or set the next wake-up for it.
            if (_pendingUtc is { } pending && pending <= fireAtUtc && pending > now)
            {
                return;
            }
            _pendingUtc = fireAtUtc;
        }
        Schedule(fireAtUtc, now);
    }

    public void Reset(DateTime? nextFireAtUtc)
    {
        lock (_gate)
        {
            _pendingUtc = null;
        }
        if (nextFireAtUtc is { } next)
        {
            RingAt(next);
        }
    }

    private void Schedule(DateTime fireAtUtc, DateTime now)
    {
        // Hangfire keeps its own (real) clock: the wake-up is the same distance from now on both.
        var delay = fireAtUtc - now;
        var id = delay <= TimeSpan.Zero
            ? jobs.Enqueue<DeliverRemindersJob>(j => j.RunAsync(CancellationToken.None))
            : jobs.Schedule<DeliverRemindersJob>(j => j.RunAsync(CancellationToken.None), delay);
        logger.LogDebug("Reminder delivery wakes at {FireAtUtc:u} (job {JobId})", fireAtUtc, id);
    }
}

/// <summary>The alarm when background jobs are off (<c>FollowUp:Jobs:Enabled</c>): tests drive delivery directly.</summary>
public sealed class SilentReminderAlarm : IReminderAlarm
{
    public void RingAt(DateTime fireAtUtc)
    {
    }

    public void Reset(DateTime? nextFireAtUtc)
    {
    }
}

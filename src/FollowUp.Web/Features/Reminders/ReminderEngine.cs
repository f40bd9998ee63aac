using System.Diagnostics;
using FollowUp.Web.Data;
using FollowUp.Web.Features.Operations;
using Microsoft.EntityFrameworkCore;

namespace FollowUp.Web.Features.Reminders;

/// <summary>
/// Delivers due reminders and plans the next wake-up from the database (the truth). Plain methods, so the
/// Hangfire jobs call them and tests call them directly with a fake clock.
/// </summary>
public sealed class ReminderEngine(
    IDbContextFactory<FollowUpDbContext> dbFactory,
    TimeProvider clock,
    IReminderAlarm alarm,
    ReminderNotifier notifier,
    IReminderRelay relay,
    ReminderEmailSender email,
    JobHistory ops,
    ReminderSync sync,
    ILogger<ReminderEngine> logger) : IDisposable
{
    private readonly SemaphoreSlim _sweep = new(1, 1);

    public void Dispose() => _sweep.Dispose();

    /// <summary>
    /// Delivers every Scheduled reminder whose time (or snooze) has come, unless its user is in quiet hours now.
    /// Each delivery is one transaction: a conditional update (WHERE State = Scheduled) marks the row Delivered
    /// and a delivery row is written, so two racing runs deliver a reminder once. Reminders whose time passed
    /// while the app was down are delivered now, once, late. Returns how many were delivered.
    /// </summary>
    public async Task<int> DeliverDueAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var nowUtc = now.UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var due = await db.Set<Reminder>().AsNoTracking()
            .Where(r => r.State == ReminderState.Scheduled
                && (r.SnoozedUntilUtc != null && r.SnoozedUntilUtc > r.DueAtUtc ? r.SnoozedUntilUtc.Value : r.DueAtUtc) <= nowUtc)
            .OrderBy(r => r.DueAtUtc).ThenBy(r => r.Id)
            .ToListAsync(ct);
        if (due.Count == 0)
        {
            return 0;
        }
        var settings = await UserReminderSettings.LoadAsync(db, [.. due.Select(r => r.OwnerId).Distinct()], ct);
        var appIds = due.Select(r => r.ApplicationId).Distinct().ToList();
        var companies = await db.Applications.AsNoTracking().Where(a => appIds.Contains(a.Id))
            .ToDictionaryAsync(a => a.Id, a => a.Company, ct);

        var delivered = 0;
        foreach (var reminder in due)
        {
            var user = settings[reminder.OwnerId];
            if (reminder.Kind == ReminderKind.ClosingSoon && reminder.DueAtUtc + ReminderPlanner.ClosingSoonLead <= nowUtc)
            {
                // The window closed before we could say "closing soon": saying it now would be wrong.
                await db.Set<Reminder>().Where(r => r.Id == reminder.Id && r.State == ReminderState.Scheduled)
                    .ExecuteUpdateAsync(s => s.SetProperty(r => r.State, ReminderState.Superseded), ct);
                continue;
            }
            if (user.IsQuietAt(now))
            {
                continue;
            }
            if (!await MarkDeliveredAsync(db, reminder, nowUtc, ct))
            {
                continue;
            }
            delivered++;
            var message = new ReminderDelivered(
                reminder.Id, reminder.ApplicationId, companies.GetValueOrDefault(reminder.ApplicationId, ""), reminder.StepKind, reminder.Kind);
            await notifier.PublishAsync(reminder.OwnerId, message);
            await relay.AnnounceAsync(reminder.OwnerId, message, ct);
            if (user.EmailEnabled && email.Enabled && !string.IsNullOrEmpty(user.Email))
            {
                await SendEmailAsync(user, reminder, message, ct);
            }
        }
        if (delivered > 0)
        {
            logger.LogInformation("{Count} reminders delivered", delivered);
        }
        return delivered;
    }

    private static async Task<bool> MarkDeliveredAsync(FollowUpDbContext db, Reminder reminder, DateTime nowUtc, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var updated = await db.Set<Reminder>()
            .Where(r => r.Id == reminder.Id && r.State == ReminderState.Scheduled)
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.State, ReminderState.Delivered)
                .SetProperty(r => r.DeliveredAtUtc, nowUtc)
                .SetProperty(r => r.SnoozedUntilUtc, (DateTime?)null), ct);
        if (updated != 1)
        {
            await tx.RollbackAsync(ct);
            return false;
        }
        db.Add(new ReminderDelivery
        {
            ReminderId = reminder.Id,
            OwnerId = reminder.OwnerId,
            DueAtUtc = reminder.SnoozedUntilUtc ?? reminder.DueAtUtc,
            DeliveredAtUtc = nowUtc,
        });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return true;
    }

    private async Task SendEmailAsync(UserReminderSettings user, Reminder reminder, ReminderDelivered message, CancellationToken ct)
    {
        var started = clock.GetUtcNow();
        var watch = Stopwatch.StartNew();
        try
        {
            await email.SendAsync(user.Email!, user.Culture, reminder, message.Company, ct);
        }
#pragma warning disable CA1031 // Email is a best-effort extra channel: the in-app reminder is already delivered.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            logger.LogWarning(ex, "Reminder {ReminderId} email failed", reminder.Id);
            await ops.RecordAsync(new JobRun("email", started, watch.Elapsed, false, $"reminder {reminder.Id}: {ex.GetType().Name}: {ex.Message}"));
        }
    }

    /// <summary>The delivery job: delivers what is due, then sets the wake-up for the next reminder.</summary>
    public async Task<ReminderRunResult> DeliverAndRearmAsync(CancellationToken ct = default)
    {
        var delivered = await DeliverDueAsync(ct);
        return await RearmAsync(delivered, ct);
    }

    /// <summary>
    /// The sweep: delivers what is due (catch-up after downtime), plans the reminders of every application whose data
    /// changed since they were planned (<see cref="PlanStaleAsync"/>; then delivers again what that made due), and
    /// plans the wake-up afresh from the Scheduled rows, whatever was pending before (a restart, a lost wake-up).
    /// </summary>
    public async Task<ReminderRunResult> ReconcileAsync(CancellationToken ct = default)
    {
        // One sweep at a time in this process: the recurring one could start while the start-up sweep is still
        // planning thousands of applications, and both would plan the same ones.
        await _sweep.WaitAsync(ct);
        try
        {
            var delivered = await DeliverDueAsync(ct);
            var planning = Stopwatch.StartNew();
            var planned = await PlanStaleAsync(ct);
            planning.Stop();
            if (planned > 0)
            {
                delivered += await DeliverDueAsync(ct);
            }
            return await RearmAsync(delivered, ct) with { Planned = planned, PlanningTook = planning.Elapsed };
        }
        finally
        {
            _sweep.Release();
        }
    }

    /// <summary>
    /// Plans the reminders of the applications whose <see cref="ReminderPlan"/> is behind their data: every
    /// application after an upgrade or a crash between a write and its planning, only those written since otherwise
    /// (one indexed query when nothing changed). Returns how many were planned. One failing application is logged and
    /// left for the next sweep; the others go on.
    /// </summary>
    public async Task<int> PlanStaleAsync(CancellationToken ct = default)
    {
        List<(int ApplicationId, string OwnerId)> stale;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            stale = [.. (await db.Set<ReminderPlan>().AsNoTracking()
                    .Where(p => p.PlannedVersion < p.ChangeVersion)
                    .Select(p => new { p.ApplicationId, p.OwnerId })
                    .ToListAsync(ct))
                .Select(p => (p.ApplicationId, p.OwnerId))
                .OrderBy(p => p.ApplicationId)];
        }
        var planned = 0;
        // A few hundred applications of one owner per transaction; a batch that fails is retried one by one, so one
        // bad application is logged and left for the next sweep while the others are planned.
        foreach (var batch in stale.GroupBy(p => p.OwnerId, StringComparer.Ordinal)
                     .SelectMany(owner => owner.Select(p => p.ApplicationId).Chunk(ReminderSync.BatchSize).Select(ids => (Owner: owner.Key, Ids: ids))))
        {
            try
            {
                await sync.SyncAsync(batch.Owner, batch.Ids, ringAlarm: false, ct);
                planned += batch.Ids.Length;
                continue;
            }
#pragma warning disable CA1031 // Narrowed down below, one application at a time.
            catch (Exception ex) when (ex is not OperationCanceledException && batch.Ids.Length > 1)
#pragma warning restore CA1031
            {
                logger.LogInformation(ex, "Planning {Count} applications at once failed; planning them one by one", batch.Ids.Length);
            }
#pragma warning disable CA1031 // One application's failure must not keep the others unplanned; it stays stale and is tried again.
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Planning application {ApplicationId} failed; left for the next sweep", batch.Ids[0]);
                continue;
            }
            foreach (var applicationId in batch.Ids)
            {
                try
                {
                    await sync.SyncAsync(batch.Owner, [applicationId], ringAlarm: false, ct);
                    planned++;
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogWarning(ex, "Planning application {ApplicationId} failed; left for the next sweep", applicationId);
                }
            }
#pragma warning restore CA1031
        }
        if (planned > 0)
        {
            logger.LogInformation("{Count} applications planned by the sweep", planned);
        }
        return planned;
    }

    private async Task<ReminderRunResult> RearmAsync(int delivered, CancellationToken ct)
    {
        var next = await NextFireTimesAsync(1, ct);
        var nextAt = next.Count > 0 ? next[0].FireAtUtc : (DateTime?)null;
        alarm.Reset(nextAt);
        return new ReminderRunResult(delivered, await ScheduledCountAsync(ct), nextAt);
    }

    /// <summary>How many reminders wait for their time.</summary>
    public async Task<int> ScheduledCountAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<Reminder>().CountAsync(r => r.State == ReminderState.Scheduled, ct);
    }

    /// <summary>
    /// The first <paramref name="count"/> Scheduled reminders in the order they will be delivered: by due time (or
    /// snooze) moved past their owner's quiet hours. Rows are read in due order, a page at a time, and reading stops
    /// once the next row is due after the last fire time wanted (quiet hours only ever move a reminder later), so
    /// the answer is exact without reading every Scheduled row.
    /// </summary>
    public async Task<IReadOnlyList<(int ReminderId, DateTime FireAtUtc)>> NextFireTimesAsync(int count, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        const int Page = 512;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var settings = new Dictionary<string, UserReminderSettings>(StringComparer.Ordinal);
        var best = new List<(int ReminderId, DateTime FireAtUtc)>();
        for (var skip = 0; ; skip += Page)
        {
            var rows = await db.Set<Reminder>().AsNoTracking()
                .Where(r => r.State == ReminderState.Scheduled)
                .Select(r => new
                {
                    r.Id,
                    r.OwnerId,
                    r.DueAtUtc,
                    r.SnoozedUntilUtc,
                    Raw = r.SnoozedUntilUtc != null && r.SnoozedUntilUtc > r.DueAtUtc ? r.SnoozedUntilUtc.Value : r.DueAtUtc,
                })
                .OrderBy(r => r.Raw).ThenBy(r => r.Id)
                .Skip(skip).Take(Page)
                .ToListAsync(ct);
            var owners = rows.Select(r => r.OwnerId).Where(o => !settings.ContainsKey(o)).Distinct().ToList();
            if (owners.Count > 0)
            {
                foreach (var (id, s) in await UserReminderSettings.LoadAsync(db, owners, ct))
                {
                    settings[id] = s;
                }
            }
            foreach (var row in rows)
            {
                if (best.Count == count && row.Raw >= best[^1].FireAtUtc)
                {
                    return best;
                }
                var fire = settings[row.OwnerId].FireAtUtc(new Reminder { DueAtUtc = row.DueAtUtc, SnoozedUntilUtc = row.SnoozedUntilUtc });
                var at = best.FindIndex(b => b.FireAtUtc > fire || (b.FireAtUtc == fire && b.ReminderId > row.Id));
                best.Insert(at < 0 ? best.Count : at, (row.Id, fire));
                if (best.Count > count)
                {
                    best.RemoveAt(best.Count - 1);
                }
            }
            if (rows.Count < Page)
            {
                return best;
            }
        }
    }
}

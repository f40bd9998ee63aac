using FollowUp.Web.Data;
using FollowUp.Web.Features.NextSteps;
using FollowUp.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FollowUp.Web.Features.Reminders;

/// <summary>Told after every write that may change an application's steps.</summary>
public interface IApplicationChanged
{
    /// <summary>The application (of <paramref name="ownerId"/>) changed; never throws.</summary>
    Task ChangedAsync(string ownerId, int applicationId, CancellationToken ct = default);

    /// <summary>Several applications of one owner changed at once (an import, new default rules); never throws.</summary>
    async Task ChangedAsync(string ownerId, IReadOnlyCollection<int> applicationIds, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(applicationIds);
        foreach (var id in applicationIds)
        {
            await ChangedAsync(ownerId, id, ct);
        }
    }
}

/// <summary>
/// Recomputes an application's reminders from its advice: upserts the wanted ones by key and marks Scheduled
/// rows that are no longer wanted Superseded (they are never delivered). Delivered, read and dismissed rows are
/// history and are left alone.
/// </summary>
public sealed class ReminderSync(
    IDbContextFactory<FollowUpDbContext> dbFactory,
    TimeProvider clock,
    IReminderAlarm alarm,
    ILogger<ReminderSync> logger) : IApplicationChanged
{
    public async Task ChangedAsync(string ownerId, int applicationId, CancellationToken ct = default)
    {
        // Two writes of one application may race to insert the same key: the retry sees the other's rows.
        for (var attempt = 1; attempt <= 2; attempt++)
        {
            try
            {
                await SyncAsync(ownerId, applicationId, ct);
                return;
            }
            catch (DbUpdateException) when (attempt == 1)
            {
            }
#pragma warning disable CA1031 // The write itself succeeded; the next write of the application repairs its reminders.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                logger.LogError(ex, "Reminder sync failed for application {ApplicationId}", applicationId);
                return;
            }
        }
    }

    /// <summary>
    /// Plans several applications a few hundred per transaction (a 999-application import planned one by one spent
    /// seconds on commits); a batch that fails is planned one by one. Never throws: what is left unplanned stays stale
    /// and the next sweep plans it (ADR 0019).
    /// </summary>
    public async Task ChangedAsync(string ownerId, IReadOnlyCollection<int> applicationIds, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(applicationIds);
        foreach (var batch in applicationIds.Order().Chunk(BatchSize))
        {
            try
            {
                await SyncAsync(ownerId, batch, ct: ct);
                continue;
            }
#pragma warning disable CA1031 // The write itself succeeded; planned one by one below, or by the next sweep.
            catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
            {
                logger.LogInformation(ex, "Planning {Count} applications at once failed; planning them one by one", batch.Length);
            }
            foreach (var id in batch)
            {
                await ChangedAsync(ownerId, id, ct);
            }
        }
    }

    /// <summary>Applications planned in one transaction by the batch methods.</summary>
    public const int BatchSize = 200;

    /// <summary>Brings the application's reminders in line with its advice now; returns the rows changed.</summary>
    public Task<int> SyncAsync(string ownerId, int applicationId, CancellationToken ct = default) =>
        SyncAsync(ownerId, [applicationId], ct: ct);

    /// <summary>
    /// Brings the reminders of several applications of one owner in line with their advice now, in one transaction
    /// (the sweep plans hundreds at a time: a commit each cost about 20 ms of disk sync); returns the rows changed.
    /// Records, per application, the data version it planned from (<see cref="ReminderPlan"/>). With
    /// <paramref name="ringAlarm"/> false the delivery wake-up is left alone: the sweep delivers and sets it itself
    /// once it is done (wake-ups per batch delivered alongside the planning and made both wait on SQLite's one writer).
    /// </summary>
    public async Task<int> SyncAsync(string ownerId, IReadOnlyCollection<int> applicationIds, bool ringAlarm = true, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(applicationIds);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var utcNow = clock.GetUtcNow();
        var ids = applicationIds.ToList();
        // Read before the data: a write after this raises the version again, so the sweep plans once more.
        var versions = await db.Set<ReminderPlan>().OwnedBy(ownerId).Where(p => ids.Contains(p.ApplicationId))
            .ToDictionaryAsync(p => p.ApplicationId, p => p.ChangeVersion, ct);
        var apps = await db.ApplicationsOf(ownerId).AsNoTracking().Include(a => a.Closures)
            .Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);
        var existing = (await db.RemindersOf(ownerId).Where(r => ids.Contains(r.ApplicationId)).ToListAsync(ct)).ToLookup(r => r.ApplicationId);
        var interviews = (await db.InterviewsOf(ownerId).AsNoTracking().Where(i => ids.Contains(i.ApplicationId)).ToListAsync(ct)).ToLookup(i => i.ApplicationId);
        var events = (await db.EventsOf(ownerId).AsNoTracking().Where(e => ids.Contains(e.ApplicationId)).ToListAsync(ct)).ToLookup(e => e.ApplicationId);
        var userDefault = apps.Count > 0 ? await db.DefaultPolicyOfAsync(ownerId, ct) : null;

        var scheduled = new List<Reminder>();
        var superseded = 0;
        foreach (var applicationId in ids)
        {
            IReadOnlyList<WantedReminder> wanted = [];
            if (apps.TryGetValue(applicationId, out var app))
            {
                var policy = PolicySettings.Effective(app.Policy, userDefault);
                wanted = ReminderPlanner.Plan(ApplicationAdvice.For(app, [.. interviews[applicationId]], [.. events[applicationId]], policy, utcNow), app.TimeZoneId);
            }
            superseded += Reconcile(db, ownerId, applicationId, wanted, [.. existing[applicationId]], utcNow, scheduled);
        }
        if (scheduled.Count > 0 || superseded > 0)
        {
            await db.SaveChangesAsync(ct);
        }
        // One statement per distinct version (a batch is mostly at one or two), never moving a mark backwards.
        foreach (var group in versions.GroupBy(v => v.Value, v => v.Key))
        {
            var version = group.Key;
            var planned = group.ToList();
            await db.Set<ReminderPlan>().Where(p => planned.Contains(p.ApplicationId) && p.PlannedVersion < version)
                .ExecuteUpdateAsync(u => u.SetProperty(p => p.PlannedVersion, version), ct);
        }
        await tx.CommitAsync(ct);

        // Superseded rows need nothing: a wake-up that finds no reminder due costs one query.
        if (scheduled.Count > 0 && ringAlarm)
        {
            var settings = await UserReminderSettings.LoadAsync(db, [ownerId], ct);
            alarm.RingAt(scheduled.Min(r => settings[ownerId].FireAtUtc(r)));
        }
        if (scheduled.Count > 0 || superseded > 0)
        {
            logger.LogInformation("Reminders of {ApplicationCount} application(s) from {FirstApplicationId}: {Scheduled} scheduled, {Superseded} superseded",
                ids.Count, ids.Count > 0 ? ids[0] : 0, scheduled.Count, superseded);
        }
        return scheduled.Count + superseded;
    }

    /// <summary>
    /// Upserts the wanted reminders of one application by key and marks Scheduled rows that are no longer wanted
    /// Superseded; adds what it schedules to <paramref name="scheduled"/> and returns how many it superseded.
    /// </summary>
    private static int Reconcile(FollowUpDbContext db, string ownerId, int applicationId, IReadOnlyList<WantedReminder> wanted,
        List<Reminder> existing, DateTimeOffset utcNow, List<Reminder> scheduled)
    {
        var byKey = existing.ToDictionary(r => (r.InterviewId, r.StepKind, r.Kind, r.OpensAt));
        foreach (var w in wanted)
        {
            if (byKey.TryGetValue(w.Key, out var row))
            {
                if (row.State is ReminderState.Scheduled or ReminderState.Superseded
                    && (row.State != ReminderState.Scheduled || row.DueAtUtc != w.DueAtUtc || row.ClosesAt != w.ClosesAt))
                {
                    // Wanted again (an event was deleted) or moved: schedule it (again).
                    row.State = ReminderState.Scheduled;
                    row.DueAtUtc = w.DueAtUtc;
                    row.ClosesAt = w.ClosesAt;
                    scheduled.Add(row);
                }
                continue;
            }
            var added = new Reminder
            {
                OwnerId = ownerId,
                ApplicationId = applicationId,
                InterviewId = w.InterviewId,
                StepKind = w.StepKind,
                Kind = w.Kind,
                OpensAt = w.OpensAt,
                ClosesAt = w.ClosesAt,
                DueAtUtc = w.DueAtUtc,
                State = ReminderState.Scheduled,
                CreatedAtUtc = utcNow.UtcDateTime,
            };
            db.Add(added);
            scheduled.Add(added);
        }
        var wantedKeys = wanted.Select(w => w.Key).ToHashSet();
        var superseded = 0;
        foreach (var row in existing)
        {
            if (row.State == ReminderState.Scheduled && !wantedKeys.Contains((row.InterviewId, row.StepKind, row.Kind, row.OpensAt)))
            {
                row.State = ReminderState.Superseded;
                superseded++;
            }
        }
        return superseded;
    }
}

/// <summary>What delivery needs to know about a user: zone, language, quiet hours, email.</summary>
public sealed record UserReminderSettings(string UserId, TimeZoneInfo Zone, string? Culture, string? Email, bool EmailEnabled, QuietHours Quiet)
{
    /// <summary>When the reminder's trigger should fire: its due time (or snooze), moved past quiet hours.</summary>
    public DateTime FireAtUtc(Reminder reminder)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        var at = reminder.SnoozedUntilUtc is { } snoozed && snoozed > reminder.DueAtUtc ? snoozed : reminder.DueAtUtc;
        return Quiet.Defer(at, Zone);
    }

    public bool IsQuietAt(DateTimeOffset utcNow) =>
        Quiet.Contains(TimeOnly.FromDateTime(TimeZones.ToLocal(utcNow, Zone)));

    public static async Task<Dictionary<string, UserReminderSettings>> LoadAsync(
        FollowUpDbContext db, IReadOnlyCollection<string> userIds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id))
            .Select(u => new { u.Id, u.TimeZoneId, u.Culture, u.Email }).ToDictionaryAsync(u => u.Id, ct);
        var prefs = await db.Set<ReminderPreferences>().AsNoTracking().Where(p => userIds.Contains(p.UserId))
            .ToDictionaryAsync(p => p.UserId, ct);
        var result = new Dictionary<string, UserReminderSettings>(StringComparer.Ordinal);
        foreach (var id in userIds)
        {
            var user = users.GetValueOrDefault(id);
            prefs.TryGetValue(id, out var p);
            result[id] = new UserReminderSettings(
                id, TimeZones.Find(user?.TimeZoneId), user?.Culture, user?.Email, p?.EmailEnabled ?? false,
                p is null ? QuietHours.Default : new QuietHours(p.QuietStart, p.QuietEnd));
        }
        return result;
    }
}

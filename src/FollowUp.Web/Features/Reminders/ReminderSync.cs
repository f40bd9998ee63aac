using FollowUp.Web.Data;
using FollowUp.Web.Features.NextSteps;
using Microsoft.EntityFrameworkCore;

namespace FollowUp.Web.Features.Reminders;

/// <summary>Told after every write that may change an application's steps.</summary>
public interface IApplicationChanged
{
    /// <summary>The application (of <paramref name="ownerId"/>) changed; never throws.</summary>
    Task ChangedAsync(string ownerId, int applicationId, CancellationToken ct = default);
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

    /// <summary>Brings the application's reminders in line with its advice now; returns the rows changed.</summary>
    public async Task<int> SyncAsync(string ownerId, int applicationId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var utcNow = clock.GetUtcNow();
        var app = await db.ApplicationsOf(ownerId).AsNoTracking().Include(a => a.Closures)
            .FirstOrDefaultAsync(a => a.Id == applicationId, ct);
        var existing = await db.RemindersOf(ownerId).Where(r => r.ApplicationId == applicationId).ToListAsync(ct);
        IReadOnlyList<WantedReminder> wanted = [];
        if (app is not null)
        {
            var interviews = await db.InterviewsOf(ownerId).AsNoTracking().Where(i => i.ApplicationId == applicationId).ToListAsync(ct);
            var events = await db.EventsOf(ownerId).AsNoTracking().Where(e => e.ApplicationId == applicationId).ToListAsync(ct);
            var userDefault = await db.DefaultPolicyOfAsync(ownerId, ct);
            var policy = PolicySettings.Effective(app.Policy, userDefault);
            wanted = ReminderPlanner.Plan(ApplicationAdvice.For(app, interviews, events, policy, utcNow), app.TimeZoneId);
        }

        var byKey = existing.ToDictionary(r => (r.InterviewId, r.StepKind, r.Kind, r.OpensAt));
        var scheduled = new List<Reminder>();
        var superseded = new List<int>();
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
        foreach (var row in existing)
        {
            if (row.State == ReminderState.Scheduled && !wantedKeys.Contains((row.InterviewId, row.StepKind, row.Kind, row.OpensAt)))
            {
                row.State = ReminderState.Superseded;
                superseded.Add(row.Id);
            }
        }
        if (scheduled.Count == 0 && superseded.Count == 0)
        {
            return 0;
        }
        await db.SaveChangesAsync(ct);

        // Superseded rows need nothing: a wake-up that finds no reminder due costs one query.
        if (scheduled.Count > 0)
        {
            var settings = await UserReminderSettings.LoadAsync(db, [ownerId], ct);
            alarm.RingAt(scheduled.Min(r => settings[ownerId].FireAtUtc(r)));
        }
        logger.LogInformation("Reminders of application {ApplicationId}: {Scheduled} scheduled, {Superseded} superseded",
            applicationId, scheduled.Count, superseded.Count);
        return scheduled.Count + superseded.Count;
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
        Quiet.Contains(TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(utcNow, Zone).DateTime));

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
                id, QuietHours.Zone(user?.TimeZoneId), user?.Culture, user?.Email, p?.EmailEnabled ?? false,
                p is null ? QuietHours.Default : new QuietHours(p.QuietStart, p.QuietEnd));
        }
        return result;
    }
}

using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using FollowUp.Domain.Advice;
using FollowUp.Domain.Calendar;
using FollowUp.Web.Data;
using FollowUp.Web.Features.Applications;
using FollowUp.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FollowUp.Web.Features.Reminders;

/// <summary>A reminder as the reminders page shows it.</summary>
public sealed record ReminderItem(
    int Id, int ApplicationId, string Company, StepKind StepKind, ReminderKind Kind, DateTime OpensAt, DateTime? ClosesAt,
    DateTime DueAtUtc, ReminderState State, DateTime? DeliveredAtUtc, DateTime? SnoozedUntilUtc);

/// <summary>The user's side of reminders: list, read, dismiss, snooze, the calendar feed and email opt-in.
/// Every method is scoped to <see cref="ICurrentUser"/>.</summary>
public sealed class ReminderService(
    IDbContextFactory<FollowUpDbContext> dbFactory,
    ICurrentUser currentUser,
    TimeProvider clock,
    IReminderAlarm alarm)
{
    /// <summary>Delivered (unread first), read and upcoming reminders; superseded and dismissed ones are history.</summary>
    public async Task<IReadOnlyList<ReminderItem>> ListAsync(CancellationToken ct = default)
    {
        var owner = await currentUser.IdAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.RemindersOf(owner).AsNoTracking()
            .Where(r => r.State == ReminderState.Delivered || r.State == ReminderState.Read || r.State == ReminderState.Scheduled)
            .Join(db.ApplicationsOf(owner), r => r.ApplicationId, a => a.Id, (r, a) => new ReminderItem(
                r.Id, r.ApplicationId, a.Company, r.StepKind, r.Kind, r.OpensAt, r.ClosesAt, r.DueAtUtc, r.State, r.DeliveredAtUtc, r.SnoozedUntilUtc))
            .ToListAsync(ct);
        return [.. rows
            .OrderBy(r => r.State switch { ReminderState.Delivered => 0, ReminderState.Read => 1, _ => 2 })
            .ThenByDescending(r => r.State == ReminderState.Scheduled ? DateTime.MinValue : r.DeliveredAtUtc ?? r.DueAtUtc)
            .ThenBy(r => r.SnoozedUntilUtc ?? r.DueAtUtc)];
    }

    public async Task<int> UnreadCountAsync(CancellationToken ct = default)
    {
        var owner = await currentUser.IdAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.RemindersOf(owner).CountAsync(r => r.State == ReminderState.Delivered, ct);
    }

    /// <summary>Reminders already due that wait for the end of the user's quiet hours (0 outside them).</summary>
    public async Task<int> HeldCountAsync(CancellationToken ct = default)
    {
        var owner = await currentUser.IdAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        var settings = (await UserReminderSettings.LoadAsync(db, [owner], ct))[owner];
        if (!settings.IsQuietAt(now))
        {
            return 0;
        }
        var nowUtc = now.UtcDateTime;
        return await db.RemindersOf(owner).CountAsync(r => r.State == ReminderState.Scheduled
            && (r.SnoozedUntilUtc != null && r.SnoozedUntilUtc > r.DueAtUtc ? r.SnoozedUntilUtc.Value : r.DueAtUtc) <= nowUtc, ct);
    }

    public async Task<bool> MarkReadAsync(int id, CancellationToken ct = default)
    {
        var owner = await currentUser.IdAsync();
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.RemindersOf(owner).Where(r => r.Id == id && r.State == ReminderState.Delivered)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.State, ReminderState.Read).SetProperty(r => r.ReadAtUtc, now), ct) == 1;
    }

    public async Task<bool> DismissAsync(int id, CancellationToken ct = default)
    {
        var owner = await currentUser.IdAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.RemindersOf(owner)
            .Where(r => r.Id == id && (r.State == ReminderState.Delivered || r.State == ReminderState.Read || r.State == ReminderState.Scheduled))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.State, ReminderState.Dismissed), ct) == 1;
    }

    /// <summary>Delivers the reminder again when the company's next call window opens; returns that moment (UTC).</summary>
    public async Task<DateTime?> SnoozeAsync(int id, CancellationToken ct = default)
    {
        var owner = await currentUser.IdAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var reminder = await db.RemindersOf(owner)
            .FirstOrDefaultAsync(r => r.Id == id && (r.State == ReminderState.Delivered || r.State == ReminderState.Read), ct);
        var app = reminder is null ? null
            : await db.ApplicationsOf(owner).AsNoTracking().Include(a => a.Closures).FirstOrDefaultAsync(a => a.Id == reminder.ApplicationId, ct);
        if (reminder is null || app is null)
        {
            return null;
        }
        var userDefault = await db.DefaultPolicyOfAsync(owner, ct);
        var until = NextCallWindowUtc(app, PolicySettings.Effective(app.Policy, userDefault), clock.GetUtcNow());
        reminder.State = ReminderState.Scheduled;
        reminder.SnoozedUntilUtc = until;
        await db.SaveChangesAsync(ct);
        var settings = await UserReminderSettings.LoadAsync(db, [owner], ct);
        alarm.RingAt(settings[owner].FireAtUtc(reminder));
        return until;
    }

    /// <summary>The start (UTC) of the company's next call window strictly after now, under the application's rules (margin, lunch).</summary>
    public static DateTime NextCallWindowUtc(JobApplication app, EtiquettePolicy policy, DateTimeOffset utcNow)
    {
        ArgumentNullException.ThrowIfNull(app);
        var calendar = new BusinessCalendar(app.ToCalendar(), policy);
        var now = TimeZones.ToLocal(utcNow, app.TimeZoneId);
        var next = calendar.NextCallMoment(now);
        if (next == now)
        {
            var current = calendar.CallWindows(DateOnly.FromDateTime(now)).First(w => w.Contains(now));
            next = calendar.NextCallMoment(current.End);
        }
        return DateTime.SpecifyKind(TimeZones.ToUtc(next, TimeZones.Find(app.TimeZoneId)), DateTimeKind.Utc);
    }

    public async Task<ReminderPreferences> PreferencesAsync(CancellationToken ct = default)
    {
        var owner = await currentUser.IdAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<ReminderPreferences>().AsNoTracking().FirstOrDefaultAsync(p => p.UserId == owner, ct)
            ?? new ReminderPreferences { UserId = owner };
    }

    /// <summary>The user's own time zone (for showing UTC moments such as snoozes).</summary>
    public async Task<TimeZoneInfo> TimeZoneAsync(CancellationToken ct = default)
    {
        var owner = await currentUser.IdAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return TimeZones.Find(await db.Users.AsNoTracking().Where(u => u.Id == owner).Select(u => u.TimeZoneId).FirstOrDefaultAsync(ct));
    }

    public async Task SetEmailAsync(bool enabled, CancellationToken ct = default) =>
        await UpdatePreferencesAsync(p => p.EmailEnabled = enabled, ct);

    /// <summary>Saves the quiet hours and wakes delivery at once, so reminders they no longer hold go out now.</summary>
    public async Task SetQuietHoursAsync(TimeOnly start, TimeOnly end, CancellationToken ct = default)
    {
        await UpdatePreferencesAsync(p => { p.QuietStart = start; p.QuietEnd = end; }, ct);
        alarm.RingAt(clock.GetUtcNow().UtcDateTime);
    }

    /// <summary>Creates a new calendar feed secret (the old one stops working) and returns it; only its hash is stored.</summary>
    public async Task<string> RegenerateFeedSecretAsync(CancellationToken ct = default)
    {
        var secret = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow().UtcDateTime;
        await UpdatePreferencesAsync(p => { p.FeedSecretHash = HashSecret(secret); p.FeedCreatedAtUtc = now; }, ct);
        return secret;
    }

    /// <summary>SHA-256 of the secret as lower-case hex.</summary>
    public static string HashSecret(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private async Task UpdatePreferencesAsync(Action<ReminderPreferences> change, CancellationToken ct)
    {
        var owner = await currentUser.IdAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var prefs = await db.Set<ReminderPreferences>().FirstOrDefaultAsync(p => p.UserId == owner, ct);
        if (prefs is null)
        {
            prefs = new ReminderPreferences { UserId = owner };
            db.Add(prefs);
        }
        change(prefs);
        await db.SaveChangesAsync(ct);
    }
}

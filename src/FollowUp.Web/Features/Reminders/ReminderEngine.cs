using System.Diagnostics;
using FollowUp.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace FollowUp.Web.Features.Reminders;

/// <summary>
/// Delivers due reminders and rebuilds the timer triggers from the database (the truth). Plain methods, so the
/// Quartz jobs call them and tests call them directly with a fake clock.
/// </summary>
public sealed class ReminderEngine(
    IDbContextFactory<FollowUpDbContext> dbFactory,
    TimeProvider clock,
    IReminderTriggers triggers,
    ReminderNotifier notifier,
    ReminderEmailSender email,
    ReminderOps ops,
    ILogger<ReminderEngine> logger)
{
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
            .Where(r => r.State == ReminderState.Scheduled && (r.SnoozedUntilUtc ?? r.DueAtUtc) <= nowUtc)
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

    /// <summary>
    /// Delivers what is due (catch-up after downtime), then rebuilds the timer triggers from the Scheduled rows.
    /// Returns the number of triggers scheduled.
    /// </summary>
    public async Task<int> ReconcileAsync(CancellationToken ct = default)
    {
        await DeliverDueAsync(ct);
        var wanted = await ScheduledFireTimesAsync(ct);
        await triggers.RebuildAsync(wanted, ct);
        return wanted.Count;
    }

    /// <summary>Every Scheduled reminder with the moment its trigger should fire.</summary>
    public async Task<IReadOnlyList<(int ReminderId, DateTime FireAtUtc)>> ScheduledFireTimesAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Set<Reminder>().AsNoTracking()
            .Where(r => r.State == ReminderState.Scheduled)
            .Select(r => new Reminder { Id = r.Id, OwnerId = r.OwnerId, DueAtUtc = r.DueAtUtc, SnoozedUntilUtc = r.SnoozedUntilUtc })
            .ToListAsync(ct);
        var settings = await UserReminderSettings.LoadAsync(db, [.. rows.Select(r => r.OwnerId).Distinct()], ct);
        return [.. rows.Select(r => (r.Id, settings[r.OwnerId].FireAtUtc(r)))];
    }
}

using FollowUp.Domain.Advice;
using FollowUp.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FollowUp.Web.Features.Reminders;

/// <summary>What a reminder says: a step's window has opened, or it is about to close.</summary>
public enum ReminderKind
{
    /// <summary>The step's window opens (e.g. "call back now").</summary>
    WindowOpens = 1,
    /// <summary>The step's window closes soon (e.g. 3 hours before the thank-you deadline).</summary>
    ClosingSoon = 2,
}

/// <summary>The life of a reminder. Only <see cref="Scheduled"/> rows are ever delivered.</summary>
public enum ReminderState
{
    /// <summary>Waiting for its time (or for the end of quiet hours, or a snooze).</summary>
    Scheduled = 0,
    /// <summary>Delivered and not yet read.</summary>
    Delivered = 1,
    /// <summary>Seen by the user.</summary>
    Read = 2,
    /// <summary>Put away by the user.</summary>
    Dismissed = 3,
    /// <summary>No longer wanted (the step changed or went away) before it was delivered; never delivered.</summary>
    Superseded = 4,
}

/// <summary>
/// One reminder about one step of one interview. The idempotency key is (interview, step, kind, opens-at):
/// recomputing the plan finds the same row again instead of adding another.
/// </summary>
public sealed class Reminder : IOwnedRow
{
    public int Id { get; set; }
    public string OwnerId { get; set; } = "";
    public int ApplicationId { get; set; }
    public int InterviewId { get; set; }
    public StepKind StepKind { get; set; }
    public ReminderKind Kind { get; set; }

    /// <summary>When the step's window opens (local wall-clock time in the application's time zone).</summary>
    public DateTime OpensAt { get; set; }

    /// <summary>When the step's window closes (local), if it does.</summary>
    public DateTime? ClosesAt { get; set; }

    /// <summary>When the reminder is due (UTC), before quiet hours and snoozes.</summary>
    public DateTime DueAtUtc { get; set; }

    public ReminderState State { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime? DeliveredAtUtc { get; set; }
    public DateTime? ReadAtUtc { get; set; }

    /// <summary>When set, the reminder is delivered (again) no earlier than this (UTC).</summary>
    public DateTime? SnoozedUntilUtc { get; set; }
}

/// <summary>One delivery of a reminder, written in the same transaction that marks it delivered.</summary>
public sealed class ReminderDelivery : IOwnedRow
{
    public int Id { get; set; }
    public int ReminderId { get; set; }
    public string OwnerId { get; set; } = "";
    public DateTime DueAtUtc { get; set; }
    public DateTime DeliveredAtUtc { get; set; }
}

/// <summary>A user's reminder settings: the calendar feed's secret (hashed) and email opt-in.</summary>
public sealed class ReminderPreferences
{
    public string UserId { get; set; } = "";

    /// <summary>SHA-256 of the feed secret, lower-case hex; null when no feed was created.</summary>
    public string? FeedSecretHash { get; set; }
    public DateTime? FeedCreatedAtUtc { get; set; }
    public bool EmailEnabled { get; set; }

    /// <summary>Quiet hours in the user's time zone: a reminder due inside them waits until they end.</summary>
    public TimeOnly QuietStart { get; set; } = QuietHours.Default.Start;
    public TimeOnly QuietEnd { get; set; } = QuietHours.Default.End;
}

/// <summary>
/// Whether an application's reminders are planned from its current data. Database triggers raise
/// <see cref="ChangeVersion"/> on every write to the application, its closures, interviews and events (and to its
/// owner's default rules when it follows them); <see cref="ReminderSync"/> records the version it planned from in
/// <see cref="PlannedVersion"/>. The sweep plans every application where the two differ, so planning that never
/// happened (the process died between a write's commit and its planning, a write behind the app's back) happens
/// at the next start or sweep. A new application starts at 1 and 0.
/// </summary>
public sealed class ReminderPlan : IOwnedRow
{
    public int ApplicationId { get; set; }
    public string OwnerId { get; set; } = "";
    public long ChangeVersion { get; set; }
    public long PlannedVersion { get; set; }
}

internal sealed class ReminderConfiguration : IEntityTypeConfiguration<Reminder>
{
    public void Configure(EntityTypeBuilder<Reminder> r)
    {
        r.ToTable("Reminders");
        r.Property(x => x.OwnerId).IsRequired();
        r.HasOne<JobApplication>().WithMany().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        r.HasIndex(x => new { x.InterviewId, x.StepKind, x.Kind, x.OpensAt }).IsUnique();
        r.HasIndex(x => new { x.OwnerId, x.State });
        r.HasIndex(x => new { x.State, x.DueAtUtc });
        r.HasIndex(x => x.ApplicationId);
    }
}

internal sealed class ReminderDeliveryConfiguration : IEntityTypeConfiguration<ReminderDelivery>
{
    public void Configure(EntityTypeBuilder<ReminderDelivery> d)
    {
        d.ToTable("ReminderDeliveries");
        d.Property(x => x.OwnerId).IsRequired();
        d.HasOne<Reminder>().WithMany().HasForeignKey(x => x.ReminderId).OnDelete(DeleteBehavior.Cascade);
        d.HasIndex(x => x.ReminderId);
    }
}

internal sealed class ReminderPreferencesConfiguration : IEntityTypeConfiguration<ReminderPreferences>
{
    public void Configure(EntityTypeBuilder<ReminderPreferences> p)
    {
        p.ToTable("ReminderPreferences");
        p.HasKey(x => x.UserId);
        p.Property(x => x.FeedSecretHash).HasMaxLength(64);
        p.HasOne<AppUser>().WithOne().HasForeignKey<ReminderPreferences>(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        p.HasIndex(x => x.FeedSecretHash).IsUnique();
    }
}

internal sealed class ReminderPlanConfiguration : IEntityTypeConfiguration<ReminderPlan>
{
    public void Configure(EntityTypeBuilder<ReminderPlan> p)
    {
        p.ToTable("ReminderPlans");
        p.HasKey(x => x.ApplicationId);
        p.Property(x => x.ApplicationId).ValueGeneratedNever();
        p.Property(x => x.OwnerId).IsRequired();
        p.HasOne<JobApplication>().WithOne().HasForeignKey<ReminderPlan>(x => x.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        // Only the stale rows are indexed: the periodic sweep reads this index, empty when nothing changed.
        p.HasIndex(x => x.OwnerId).HasDatabaseName("IX_ReminderPlans_Stale").HasFilter("\"PlannedVersion\" < \"ChangeVersion\"");
    }
}

/// <summary>Owner-scoped queries over the reminders.</summary>
public static class ReminderQueries
{
    public static IQueryable<Reminder> RemindersOf(this FollowUpDbContext db, string ownerId)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Set<Reminder>().OwnedBy(ownerId);
    }
}

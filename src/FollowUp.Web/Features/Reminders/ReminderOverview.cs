namespace FollowUp.Web.Features.Reminders;

/// <summary>A reminder with the moment it goes out (its due time or snooze, moved past the user's quiet hours).</summary>
/// <param name="Item">The reminder.</param>
/// <param name="GoesOutUtc">When it is delivered, for one still waiting; null once delivered.</param>
/// <param name="QuietUntilUtc">The end of the quiet hours it waits for, when they move it later.</param>
public sealed record ReminderLine(ReminderItem Item, DateTime? GoesOutUtc, DateTime? QuietUntilUtc);

/// <summary>
/// The reminders page in three groups, so none says the wrong thing: delivered ones (unread first), ones held back
/// now by quiet hours (with until when), and ones still to come (with when).
/// </summary>
public sealed record ReminderOverview(
    IReadOnlyList<ReminderLine> Delivered, IReadOnlyList<ReminderLine> Held, IReadOnlyList<ReminderLine> Coming,
    QuietHours Quiet, TimeZoneInfo Zone)
{
    public bool IsEmpty => Delivered.Count == 0 && Held.Count == 0 && Coming.Count == 0;

    /// <summary>Sorts the user's reminders into the three groups at <paramref name="utcNow"/>.</summary>
    public static ReminderOverview Of(IReadOnlyList<ReminderItem> items, QuietHours quiet, TimeZoneInfo zone, DateTimeOffset utcNow)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(quiet);
        var now = utcNow.UtcDateTime;
        var delivered = new List<ReminderLine>();
        var held = new List<ReminderLine>();
        var coming = new List<ReminderLine>();
        foreach (var item in items)
        {
            if (item.State != ReminderState.Scheduled)
            {
                delivered.Add(new ReminderLine(item, null, null));
                continue;
            }
            var due = item.SnoozedUntilUtc is { } snoozed && snoozed > item.DueAtUtc ? snoozed : item.DueAtUtc;
            var goesOut = quiet.Defer(due, zone);
            var line = new ReminderLine(item, goesOut, goesOut > due ? goesOut : null);
            // Due but not out yet: held back by quiet hours (a reminder due and not held goes out within a second).
            (due <= now && goesOut > now ? held : coming).Add(line);
        }
        return new ReminderOverview(delivered, [.. held.OrderBy(l => l.GoesOutUtc)], [.. coming.OrderBy(l => l.GoesOutUtc)], quiet, zone);
    }
}

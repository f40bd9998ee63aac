using FollowUp.Web.Data;
using FollowUp.Web.Infrastructure;
using Ical.Net;
using Calendar = Ical.Net.Calendar;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace FollowUp.Web.Features.Reminders;

/// <summary>
/// The private calendar feed <c>GET /calendar/{secret}.ics</c>: the user's interviews and upcoming step windows.
/// The secret is 32 random bytes (base64url), stored only as its SHA-256; a wrong or replaced secret is a 404.
/// Written with Ical.Net (RFC 5545: CRLF lines folded at 75 octets, escaped text, UTC times).
/// </summary>
public static class CalendarFeed
{
    public static void MapCalendarFeed(this IEndpointRouteBuilder app)
    {
        app.MapGet("/calendar/{secret}.ics", async (string secret, IDbContextFactory<FollowUpDbContext> dbFactory,
                TimeProvider clock, IStringLocalizer<SharedResource> localizer, HttpResponse response, CancellationToken ct) =>
            {
                if (secret.Length != 43 || secret.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_')))
                {
                    return Results.NotFound();
                }
                var hash = ReminderService.HashSecret(secret);
                await using var db = await dbFactory.CreateDbContextAsync(ct);
                var owner = await db.Set<ReminderPreferences>().AsNoTracking()
                    .Where(p => p.FeedSecretHash == hash).Select(p => p.UserId).FirstOrDefaultAsync(ct);
                if (owner is null)
                {
                    return Results.NotFound();
                }
                var ics = await BuildAsync(db, owner, clock.GetUtcNow(), localizer, ct);
                response.Headers.CacheControl = "private, no-store";
                return Results.Text(ics, "text/calendar; charset=utf-8", System.Text.Encoding.UTF8);
            })
            .AllowAnonymous();
    }

    /// <summary>The feed of <paramref name="ownerId"/>: interviews and the windows of not-dismissed reminders from 30 days ago on.</summary>
    public static async Task<string> BuildAsync(
        FollowUpDbContext db, string ownerId, DateTimeOffset utcNow, IStringLocalizer<SharedResource> localizer, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(localizer);
        var culture = await db.Users.AsNoTracking().Where(u => u.Id == ownerId).Select(u => u.Culture).FirstOrDefaultAsync(ct);
        var apps = await db.ApplicationsOf(ownerId).AsNoTracking().ToDictionaryAsync(a => a.Id, ct);
        var interviews = await db.InterviewsOf(ownerId).AsNoTracking().OrderBy(i => i.At).ToListAsync(ct);
        var since = utcNow.UtcDateTime.AddDays(-30);
        var windows = await db.RemindersOf(ownerId).AsNoTracking()
            .Where(r => r.Kind == ReminderKind.WindowOpens && r.State != ReminderState.Superseded && r.State != ReminderState.Dismissed
                && r.DueAtUtc >= since)
            .OrderBy(r => r.DueAtUtc).ToListAsync(ct);

        using (AppCultures.Use(culture))
        {
            var stamp = Utc(utcNow.UtcDateTime);
            var calendar = new Calendar { ProductId = "-//FollowUp//Reminders//EN", Scale = "GREGORIAN" };
            calendar.AddProperty("X-WR-CALNAME", "FollowUp");
            foreach (var interview in interviews)
            {
                if (!apps.TryGetValue(interview.ApplicationId, out var app))
                {
                    continue;
                }
                var start = TimeZones.ToUtc(interview.At, TimeZones.Find(app.TimeZoneId));
                var summary = localizer["Reminders.Feed.Interview", app.Company].Value;
                calendar.Events.Add(Event($"interview-{interview.Id}@followup", stamp, start, start.AddHours(1), summary,
                    string.Join("\n", new[] { app.Position, app.ContactPerson, interview.Notes }.Where(s => !string.IsNullOrWhiteSpace(s))),
                    TimeSpan.FromHours(-1)));
            }
            foreach (var window in windows)
            {
                if (!apps.TryGetValue(window.ApplicationId, out var app))
                {
                    continue;
                }
                var zone = TimeZones.Find(app.TimeZoneId);
                var end = window.ClosesAt is { } closes ? TimeZones.ToUtc(closes, zone) : window.DueAtUtc.AddHours(1);
                var step = localizer[$"Step.{window.StepKind}"].Value;
                calendar.Events.Add(Event($"reminder-{window.Id}@followup", stamp, window.DueAtUtc, end,
                    localizer["Reminders.Feed.Window", step, app.Company].Value,
                    localizer[$"Reminders.Message.{window.Kind}", step, app.Company].Value, TimeSpan.Zero));
            }
            return new CalendarSerializer().SerializeToString(calendar) ?? "";
        }
    }

    private static CalDateTime Utc(DateTime utc) => new(DateTime.SpecifyKind(utc, DateTimeKind.Utc), "UTC", hasTime: true);

    private static CalendarEvent Event(string uid, CalDateTime stamp, DateTime start, DateTime end, string summary, string description, TimeSpan alarm)
    {
        var e = new CalendarEvent
        {
            Uid = uid,
            DtStamp = stamp,
            DtStart = Utc(start),
            DtEnd = Utc(end > start ? end : start.AddMinutes(30)),
            Summary = summary,
            Description = description.Length > 0 ? description : null,
        };
        e.Alarms.Add(new Alarm
        {
            Action = AlarmAction.Display,
            Trigger = new Trigger(alarm == TimeSpan.Zero ? Duration.Zero : -Duration.FromMinutes((int)-alarm.TotalMinutes)),
            Description = summary,
        });
        return e;
    }
}

using FollowUp.Domain.Calendar;

namespace FollowUp.Web.Infrastructure;

/// <summary>
/// The app's one say on time zones: the default (Japan, where the companies are), how an id becomes a zone, and
/// the two conversions between an instant and a wall clock. Every feature goes through here, so an unknown id or
/// a daylight-saving gap is handled one way everywhere.
/// </summary>
public static class TimeZones
{
    /// <summary>The zone of every company and user until told otherwise.</summary>
    public const string DefaultId = CompanyCalendar.DefaultTimeZoneId;

    /// <summary>The zone <paramref name="timeZoneId"/> names, or the default when it is missing or unknown. The
    /// lookup is not free (it takes a lock and reads a cache), so lists resolve it once per application, not per view.</summary>
    public static TimeZoneInfo Find(string? timeZoneId) =>
        timeZoneId is not null && TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId, out var zone) ? zone
            : TimeZoneInfo.FindSystemTimeZoneById(DefaultId);

    /// <summary>Whether a form or a file may store <paramref name="timeZoneId"/>: a known IANA id of sensible length.</summary>
    public static bool IsKnown(string? timeZoneId) =>
        !string.IsNullOrWhiteSpace(timeZoneId) && timeZoneId.Length <= 64 && TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId, out _);

    /// <summary>An instant on the wall clock of <paramref name="timeZoneId"/> (the default zone when unknown).</summary>
    public static DateTime ToLocal(DateTimeOffset instant, string? timeZoneId) => ToLocal(instant, Find(timeZoneId));

    /// <summary>An instant on the wall clock of <paramref name="zone"/>.</summary>
    public static DateTime ToLocal(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateTime.SpecifyKind(TimeZoneInfo.ConvertTime(instant, zone).DateTime, DateTimeKind.Unspecified);

    /// <summary>A stored UTC time on the wall clock of <paramref name="zone"/>.</summary>
    public static DateTime ToLocal(DateTime utc, TimeZoneInfo zone) =>
        ToLocal(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)), zone);

    /// <summary>A wall-clock time in <paramref name="zone"/> as UTC (an invalid time in a DST gap moves forward).</summary>
    public static DateTime ToUtc(DateTime local, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(unspecified))
        {
            unspecified = unspecified.AddMinutes(30);
        }
        return TimeZoneInfo.ConvertTimeToUtc(unspecified, zone);
    }
}

using FollowUp.Web.Infrastructure;
namespace FollowUp.Web.Features.Reminders;

/// <summary>
/// A daily span of local time in which no reminder is delivered (default 22:00–08:00). A span whose start is
/// after its end wraps midnight; equal start and end means no quiet hours.
/// </summary>
public sealed record QuietHours(TimeOnly Start, TimeOnly End)
{
    public static QuietHours Default { get; } = new(new TimeOnly(22, 0), new TimeOnly(8, 0));

    public bool Contains(TimeOnly t) => Start == End ? false
        : Start < End ? t >= Start && t < End
        : t >= Start || t < End;

    /// <summary>
    /// <paramref name="utc"/> if it is outside quiet hours in <paramref name="zone"/>, else the moment (UTC) they end.
    /// </summary>
    public DateTime Defer(DateTime utc, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = TimeZones.ToLocal(utc, zone);
        var time = TimeOnly.FromDateTime(local);
        if (!Contains(time))
        {
            return utc;
        }
        var endDate = DateOnly.FromDateTime(local);
        if (Start > End && time >= Start)
        {
            endDate = endDate.AddDays(1);
        }
        var end = TimeZones.ToUtc(endDate.ToDateTime(End), zone);
        return DateTime.SpecifyKind(end, DateTimeKind.Utc);
    }
}

using System.Collections.Immutable;

namespace FollowUp.Domain.Calendar;

/// <summary>An inclusive range of dates on which the company is closed (臨時休業).</summary>
/// <param name="From">First closed date.</param>
/// <param name="To">Last closed date (inclusive).</param>
public readonly record struct DateRange(DateOnly From, DateOnly To)
{
    /// <summary>Whether <paramref name="date"/> lies inside the range.</summary>
    /// <param name="date">The date to test.</param>
    /// <returns><see langword="true"/> when From ≤ date ≤ To.</returns>
    public bool Contains(DateOnly date) => date >= From && date <= To;
}

/// <summary>A company's opening hours (営業時間).</summary>
/// <param name="Open">Opening time.</param>
/// <param name="Close">Closing time.</param>
public readonly record struct BusinessHours(TimeOnly Open, TimeOnly Close)
{
    /// <summary>09:00–18:00.</summary>
    public static BusinessHours Default { get; } = new(new TimeOnly(9, 0), new TimeOnly(18, 0));
}

/// <summary>
/// A company's working calendar: which days it works and when. The settings only;
/// see the calendar operations for business-day arithmetic and call windows.
/// </summary>
public sealed record CompanyCalendar
{
    /// <summary>The default calendar: Tokyo, Japanese holidays, Saturday and Sunday closed, year-end closure, 09:00–18:00.</summary>
    public static CompanyCalendar Default { get; } = new();

    /// <summary>The IANA time zone of a company unless told otherwise: Japan's.</summary>
    public const string DefaultTimeZoneId = "Asia/Tokyo";

    /// <summary>IANA time zone of the company's wall clock (default <see cref="DefaultTimeZoneId"/>).</summary>
    public string TimeZoneId { get; init; } = DefaultTimeZoneId;

    /// <summary>Whether Japanese national holidays are days off (country JP); false for country "none".</summary>
    public bool ObservesJapaneseHolidays { get; init; } = true;

    /// <summary>Weekdays on which the company is closed (default Saturday and Sunday).</summary>
    public ImmutableArray<DayOfWeek> ClosedWeekdays { get; init; } = [DayOfWeek.Saturday, DayOfWeek.Sunday];

    /// <summary>Closed Dec 29 – Jan 3 (年末年始休業); on by default.</summary>
    public bool YearEndClosure { get; init; } = true;

    /// <summary>Closed Aug 13–16 (お盆休み); off by default.</summary>
    public bool ObonClosure { get; init; }

    /// <summary>Extra closures, inclusive date ranges.</summary>
    public ImmutableArray<DateRange> Closures { get; init; } = [];

    /// <summary>Opening hours (default 09:00–18:00).</summary>
    public BusinessHours Hours { get; init; } = BusinessHours.Default;
}

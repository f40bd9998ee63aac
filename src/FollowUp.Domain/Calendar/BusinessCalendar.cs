using System.Collections.Immutable;
using FollowUp.Domain.Advice;

namespace FollowUp.Domain.Calendar;

/// <summary>
/// Business-day arithmetic for one company calendar, with its <see cref="CallHours"/> under one policy applied to
/// its business days (<see cref="NextCallMoment"/>, <see cref="CallWindows"/>, <see cref="DayEnd"/>).
/// Immutable and thread-safe; all times are local wall-clock times of the calendar.
/// </summary>
public sealed class BusinessCalendar
{
    /// <summary>Searches for a business day or call moment give up after this many days (about three years).</summary>
    public const int MaxSearchDays = 3 * 366;

    private readonly int _closedWeekdayMask;
    private readonly bool _holidays;
    private readonly bool _yearEnd;
    private readonly bool _obon;
    private readonly DateRange[] _closures;

    /// <summary>Builds the operations for <paramref name="calendar"/> under <paramref name="policy"/>.</summary>
    /// <param name="calendar">The company's calendar.</param>
    /// <param name="policy">The etiquette policy (call-window margin, lunch).</param>
    /// <exception cref="ArgumentException">
    /// The calendar has no business weekday, its hours are empty, or the margin leaves no call window.
    /// </exception>
    public BusinessCalendar(CompanyCalendar calendar, EtiquettePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(policy);
        if (DaysProblem(calendar, out _closedWeekdayMask) is { } problem)
        {
            throw new ArgumentException(problem, nameof(calendar));
        }

        if (!CallHours.TryCreate(calendar.Hours, policy.CallWindowMarginHours, policy.AvoidLunch, out var callHours, out var noTime))
        {
            throw new ArgumentException(
                CallHours.Describe(noTime, calendar.Hours), noTime == CallHoursProblem.EmptyHours ? nameof(calendar) : nameof(policy));
        }

        Calendar = calendar;
        Policy = policy;
        CallHours = callHours;
        _holidays = calendar.ObservesJapaneseHolidays;
        _yearEnd = calendar.YearEndClosure;
        _obon = calendar.ObonClosure;
        _closures = calendar.Closures.IsDefault ? [] : [.. calendar.Closures];
    }

    /// <summary>The calendar settings.</summary>
    public CompanyCalendar Calendar { get; }

    /// <summary>The policy in force.</summary>
    public EtiquettePolicy Policy { get; }

    /// <summary>When to call on a business day, from the calendar's hours and the policy's margin and lunch rule.</summary>
    public CallHours CallHours { get; }

    /// <summary>
    /// Whether <paramref name="date"/> is a business day: not a closed weekday, not a national holiday
    /// (when observed), not inside the year-end, Obon or an extra closure.
    /// </summary>
    /// <param name="date">The date.</param>
    /// <returns><see langword="true"/> for a business day.</returns>
    public bool IsBusinessDay(DateOnly date)
    {
        if ((_closedWeekdayMask & (1 << (int)date.DayOfWeek)) != 0)
        {
            return false;
        }

        if (_holidays)
        {
            // One cached year lookup answers holidays and the fixed closures by day-of-year index.
            var year = JapaneseHolidays.YearOf(date);
            var index = date.DayNumber - year.FirstDayNumber;
            if (year.IsHolidayIndex(index) ||
                (_yearEnd && (index < 3 || index >= year.DaysInYear - 3)) ||
                (_obon && index >= year.ObonStartIndex && index < year.ObonStartIndex + 4))
            {
                return false;
            }
        }
        else if ((_yearEnd && IsYearEnd(date)) || (_obon && date.Month == 8 && date.Day is >= 13 and <= 16))
        {
            return false;
        }

        foreach (var range in _closures)
        {
            if (range.Contains(date))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The <paramref name="days"/>-th business day after <paramref name="date"/> (the date itself is not counted);
    /// <paramref name="date"/> itself when <paramref name="days"/> is 0.
    /// </summary>
    /// <param name="date">The starting date.</param>
    /// <param name="days">How many business days to count, at least 0.</param>
    /// <returns>The resulting business day.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="days"/> is negative.</exception>
    /// <exception cref="ArgumentException">No business day was found within <see cref="MaxSearchDays"/> days.</exception>
    public DateOnly AddBusinessDays(DateOnly date, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var d = date;
        for (var counted = 0; counted < days; counted++)
        {
            d = NextBusinessDay(d);
        }

        return d;
    }

    /// <summary>The first business day strictly after <paramref name="date"/>.</summary>
    /// <param name="date">The date.</param>
    /// <returns>The next business day.</returns>
    /// <exception cref="ArgumentException">No business day was found within <see cref="MaxSearchDays"/> days.</exception>
    public DateOnly NextBusinessDay(DateOnly date)
    {
        var d = date;
        for (var i = 0; i < MaxSearchDays; i++)
        {
            d = d.AddDays(1);
            if (IsBusinessDay(d))
            {
                return d;
            }
        }

        throw NoBusinessDay(date);
    }

    /// <summary>
    /// The earliest instant at or after <paramref name="t"/> that lies inside a call window of a business day
    /// (a window's end is outside it, so 12:00 gives 13:00 when lunch is avoided).
    /// </summary>
    /// <param name="t">A local time.</param>
    /// <returns>The next moment to call.</returns>
    /// <exception cref="ArgumentException">No business day was found within <see cref="MaxSearchDays"/> days.</exception>
    public DateTime NextCallMoment(DateTime t)
    {
        var date = DateOnly.FromDateTime(t);
        var time = t.TimeOfDay;
        for (var i = 0; i <= MaxSearchDays; i++)
        {
            if (IsBusinessDay(date) && CallHours.TryAtOrAfter(time, out var at))
            {
                return date.ToDateTime(TimeOnly.MinValue) + at;
            }

            date = date.AddDays(1);
            time = TimeSpan.Zero;
        }

        throw NoBusinessDay(DateOnly.FromDateTime(t));
    }

    /// <summary>When calling ends on <paramref name="date"/>: closing time minus the margin (17:00 by default).</summary>
    /// <param name="date">The date.</param>
    /// <returns>The end of the last call window of that date.</returns>
    public DateTime DayEnd(DateOnly date) => date.ToDateTime(TimeOnly.MinValue) + CallHours.EndOffset;

    /// <summary>The call windows of <paramref name="date"/>, in order; none on a day that is not a business day.</summary>
    /// <param name="date">The date.</param>
    /// <returns>Zero, one or two windows.</returns>
    public ImmutableArray<CallWindow> CallWindows(DateOnly date) => IsBusinessDay(date) ? CallHours.On(date) : [];

    /// <summary>The daily call windows as times of day, whatever the date (e.g. 10:00–12:00 and 13:00–17:00).</summary>
    /// <returns>One or two (start, end) pairs.</returns>
    public ImmutableArray<(TimeOnly Start, TimeOnly End)> DailyWindows() => CallHours.DailyWindows;

    /// <summary>
    /// What makes <paramref name="calendar"/>'s days unusable (a weekday that is none, every weekday closed, a
    /// closure that ends before it starts), or null; its hours are <see cref="CallHours"/>' to judge.
    /// </summary>
    internal static string? DaysProblem(CompanyCalendar calendar, out int closedWeekdayMask)
    {
        closedWeekdayMask = 0;
        foreach (var day in calendar.ClosedWeekdays)
        {
            if (day is < DayOfWeek.Sunday or > DayOfWeek.Saturday)
            {
                return $"'{day}' is not a weekday.";
            }

            closedWeekdayMask |= 1 << (int)day;
        }

        if (closedWeekdayMask == 0x7F)
        {
            return "The calendar closes every weekday, so it has no business day.";
        }

        foreach (var range in calendar.Closures)
        {
            if (range.To < range.From)
            {
                return $"Closure {range.From:yyyy-MM-dd}–{range.To:yyyy-MM-dd} ends before it starts.";
            }
        }

        return null;
    }

    private static bool IsYearEnd(DateOnly date) =>
        (date.Month == 12 && date.Day >= 29) || (date.Month == 1 && date.Day <= 3);

    private static ArgumentException NoBusinessDay(DateOnly from) =>
        new($"The calendar has no business day within {MaxSearchDays} days after {from:yyyy-MM-dd}; check its closures.");
}

using System.Collections.Immutable;
using FollowUp.Domain.Advice;

namespace FollowUp.Domain.Calendar;

/// <summary>A span of wall-clock time in which calling is polite; <see cref="End"/> is exclusive.</summary>
/// <param name="Start">First instant inside the window.</param>
/// <param name="End">First instant after the window.</param>
public readonly record struct CallWindow(DateTime Start, DateTime End)
{
    /// <summary>Whether <paramref name="t"/> lies inside the window (Start ≤ t &lt; End).</summary>
    /// <param name="t">A local time.</param>
    /// <returns><see langword="true"/> when inside.</returns>
    public bool Contains(DateTime t) => t >= Start && t < End;
}

/// <summary>
/// Business-day arithmetic and call windows for one company calendar under one policy.
/// Immutable and thread-safe; all times are local wall-clock times of the calendar.
/// </summary>
public sealed class BusinessCalendar
{
    /// <summary>Searches for a business day or call moment give up after this many days (about three years).</summary>
    public const int MaxSearchDays = 3 * 366;

    private static readonly TimeSpan s_lunchStart = new(12, 0, 0);
    private static readonly TimeSpan s_lunchEnd = new(13, 0, 0);

    private readonly int _closedWeekdayMask;
    private readonly bool _holidays;
    private readonly bool _yearEnd;
    private readonly bool _obon;
    private readonly DateRange[] _closures;

    // Up to two windows per day, as offsets from midnight: [start0, end0) and [start1, end1).
    private readonly TimeSpan _start0;
    private readonly TimeSpan _end0;
    private readonly TimeSpan _start1;
    private readonly TimeSpan _end1;
    private readonly int _windowCount;
    private readonly TimeSpan _dayEnd;

    // The windows in words, built once: explanations quote them on every advice.
    private readonly (string Japanese, string English) _windowsText;

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
        Calendar = calendar;
        Policy = policy;

        foreach (var day in calendar.ClosedWeekdays)
        {
            if (day is < DayOfWeek.Sunday or > DayOfWeek.Saturday)
            {
                throw new ArgumentException($"'{day}' is not a weekday.", nameof(calendar));
            }

            _closedWeekdayMask |= 1 << (int)day;
        }

        if (_closedWeekdayMask == 0x7F)
        {
            throw new ArgumentException("The calendar closes every weekday, so it has no business day.", nameof(calendar));
        }

        foreach (var range in calendar.Closures)
        {
            if (range.To < range.From)
            {
                throw new ArgumentException($"Closure {range.From:yyyy-MM-dd}–{range.To:yyyy-MM-dd} ends before it starts.", nameof(calendar));
            }
        }

        _holidays = calendar.ObservesJapaneseHolidays;
        _yearEnd = calendar.YearEndClosure;
        _obon = calendar.ObonClosure;
        _closures = calendar.Closures.IsDefault ? [] : [.. calendar.Closures];

        var open = calendar.Hours.Open.ToTimeSpan();
        var close = calendar.Hours.Close.ToTimeSpan();
        if (close <= open)
        {
            throw new ArgumentException($"Business hours {calendar.Hours.Open:HH\\:mm}–{calendar.Hours.Close:HH\\:mm} are empty.", nameof(calendar));
        }

        if (policy.CallWindowMarginHours < 0)
        {
            throw new ArgumentException("The call-window margin cannot be negative.", nameof(policy));
        }

        var margin = TimeSpan.FromHours(policy.CallWindowMarginHours);
        var start = open + margin;
        var end = close - margin;
        if (start >= end)
        {
            throw new ArgumentException("The call-window margin leaves no time to call inside business hours.", nameof(policy));
        }

        _dayEnd = end;
        if (policy.AvoidLunch && start < s_lunchEnd && end > s_lunchStart)
        {
            // Cut 12:00–13:00 out; what remains is at most two windows.
            if (start < s_lunchStart)
            {
                (_start0, _end0, _windowCount) = (start, s_lunchStart, 1);
            }

            if (end > s_lunchEnd)
            {
                if (_windowCount == 0)
                {
                    (_start0, _end0) = (s_lunchEnd, end);
                }
                else
                {
                    (_start1, _end1) = (s_lunchEnd, end);
                }

                _windowCount++;
            }

            if (_windowCount == 0)
            {
                throw new ArgumentException("Business hours minus the margin and lunch leave no time to call.", nameof(policy));
            }
        }
        else
        {
            (_start0, _end0, _windowCount) = (start, end, 1);
        }

        _windowsText = WindowsInWords();
    }

    /// <summary>The calendar settings.</summary>
    public CompanyCalendar Calendar { get; }

    /// <summary>The policy in force.</summary>
    public EtiquettePolicy Policy { get; }

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
            if (IsBusinessDay(date))
            {
                var midnight = date.ToDateTime(TimeOnly.MinValue);
                if (time < _end0)
                {
                    return midnight + (time > _start0 ? time : _start0);
                }

                if (_windowCount == 2 && time < _end1)
                {
                    return midnight + (time > _start1 ? time : _start1);
                }
            }

            date = date.AddDays(1);
            time = TimeSpan.Zero;
        }

        throw NoBusinessDay(DateOnly.FromDateTime(t));
    }

    /// <summary>When calling ends on <paramref name="date"/>: closing time minus the margin (17:00 by default).</summary>
    /// <param name="date">The date.</param>
    /// <returns>The end of the last call window of that date.</returns>
    public DateTime DayEnd(DateOnly date) => date.ToDateTime(TimeOnly.MinValue) + _dayEnd;

    /// <summary>The call windows of <paramref name="date"/>, in order; none on a day that is not a business day.</summary>
    /// <param name="date">The date.</param>
    /// <returns>Zero, one or two windows.</returns>
    public ImmutableArray<CallWindow> CallWindows(DateOnly date)
    {
        if (!IsBusinessDay(date))
        {
            return [];
        }

        var midnight = date.ToDateTime(TimeOnly.MinValue);
        var first = new CallWindow(midnight + _start0, midnight + _end0);
        return _windowCount == 1 ? [first] : [first, new CallWindow(midnight + _start1, midnight + _end1)];
    }

    /// <summary>The daily call windows as times of day, whatever the date (e.g. 10:00–12:00 and 13:00–17:00).</summary>
    /// <returns>One or two (start, end) pairs.</returns>
    public ImmutableArray<(TimeOnly Start, TimeOnly End)> DailyWindows() => _windowCount == 1
        ? [(TimeOnly.FromTimeSpan(_start0), TimeOnly.FromTimeSpan(_end0))]
        : [(TimeOnly.FromTimeSpan(_start0), TimeOnly.FromTimeSpan(_end0)), (TimeOnly.FromTimeSpan(_start1), TimeOnly.FromTimeSpan(_end1))];

    /// <summary>The daily windows in words, e.g. JA 「10:00〜12:00または13:00〜17:00」, EN "between 10:00 and 12:00 or 13:00 and 17:00".</summary>
    internal (string Japanese, string English) DescribeWindows() => _windowsText;

    private (string Japanese, string English) WindowsInWords() => _windowCount == 1
        ? ($"{Hm(_start0)}〜{Hm(_end0)}", $"between {Hm(_start0)} and {Hm(_end0)}")
        : ($"{Hm(_start0)}〜{Hm(_end0)}または{Hm(_start1)}〜{Hm(_end1)}",
           $"between {Hm(_start0)} and {Hm(_end0)} or {Hm(_start1)} and {Hm(_end1)}");

    private static string Hm(TimeSpan t) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{t.Hours:00}:{t.Minutes:00}");

    private static bool IsYearEnd(DateOnly date) =>
        (date.Month == 12 && date.Day >= 29) || (date.Month == 1 && date.Day <= 3);

    private static ArgumentException NoBusinessDay(DateOnly from) =>
        new($"The calendar has no business day within {MaxSearchDays} days after {from:yyyy-MM-dd}; check its closures.");
}

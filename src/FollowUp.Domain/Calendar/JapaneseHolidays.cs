using System.Collections.Immutable;

namespace FollowUp.Domain.Calendar;

/// <summary>A Japanese national holiday (国民の祝日), substitute holiday (振替休日) or citizens' holiday (国民の休日).</summary>
/// <param name="Date">The date.</param>
/// <param name="JapaneseName">The official Japanese name, e.g. 「文化の日」.</param>
/// <param name="EnglishName">The usual English name, e.g. "Culture Day".</param>
public readonly record struct Holiday(DateOnly Date, string JapaneseName, string EnglishName);

/// <summary>
/// Japanese national holidays for 1955–2099, computed from the Act on National Holidays and its
/// amendments (no data file, no network). Each year is computed once and cached; lookups are thread-safe.
/// </summary>
public static class JapaneseHolidays
{
    /// <summary>The first supported year.</summary>
    public const int MinYear = 1955;

    /// <summary>The last supported year (the equinox approximation is valid up to 2099).</summary>
    public const int MaxYear = 2099;

    private static readonly YearData?[] s_years = new YearData?[MaxYear - MinYear + 1];
    private static YearData? s_lastYear;

    /// <summary>The holidays of <paramref name="year"/>, in date order.</summary>
    /// <param name="year">A year from <see cref="MinYear"/> to <see cref="MaxYear"/>.</param>
    /// <returns>The ordered list of holidays (振替休日 and 国民の休日 included).</returns>
    /// <exception cref="ArgumentOutOfRangeException">The year is outside 1955–2099.</exception>
    public static ImmutableArray<Holiday> For(int year) => GetYear(year).Holidays;

    /// <summary>Whether <paramref name="date"/> is a national holiday (振替休日 and 国民の休日 included).</summary>
    /// <param name="date">A date in 1955–2099.</param>
    /// <returns><see langword="true"/> for a holiday.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The year is outside 1955–2099.</exception>
    public static bool IsHoliday(DateOnly date)
    {
        var data = YearOf(date);
        return data.IsHolidayIndex(date.DayNumber - data.FirstDayNumber);
    }

    /// <summary>The holiday on <paramref name="date"/>, if there is one.</summary>
    /// <param name="date">A date in 1955–2099.</param>
    /// <returns>The holiday, or <see langword="null"/> on an ordinary day.</returns>
    public static Holiday? Find(DateOnly date)
    {
        foreach (var holiday in GetYear(date.Year).Holidays)
        {
            if (holiday.Date == date)
            {
                return holiday;
            }
        }

        return null;
    }

    /// <summary>
    /// Computes the holidays of <paramref name="year"/> from the rules, bypassing the cache.
    /// <see cref="For"/> is the cheap way; this exists for verification and benchmarks.
    /// </summary>
    /// <param name="year">A year from <see cref="MinYear"/> to <see cref="MaxYear"/>.</param>
    /// <returns>The ordered list of holidays.</returns>
    public static ImmutableArray<Holiday> Compute(int year)
    {
        CheckYear(year);
        return HolidayRules.Compute(year);
    }

    /// <summary>The cached year holding <paramref name="date"/>; the last year used is checked first, skipping the calendar maths.</summary>
    internal static YearData YearOf(DateOnly date)
    {
        var last = Volatile.Read(ref s_lastYear);
        var offset = date.DayNumber - (last?.FirstDayNumber ?? 0);
        if (last is not null && (uint)offset < (uint)last.DaysInYear)
        {
            return last;
        }

        var data = GetYear(date.Year);
        Volatile.Write(ref s_lastYear, data);
        return data;
    }

    internal static YearData GetYear(int year)
    {
        CheckYear(year);
        ref var slot = ref s_years[year - MinYear];
        var data = Volatile.Read(ref slot);
        if (data is not null)
        {
            return data;
        }

        // Computing twice in a race is harmless: the result is the same, first writer wins.
        var computed = new YearData(year, HolidayRules.Compute(year));
        return Interlocked.CompareExchange(ref slot, computed, null) ?? computed;
    }

    private static void CheckYear(int year)
    {
        if (year is < MinYear or > MaxYear)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, $"Japanese holidays are computed for {MinYear}–{MaxYear} only.");
        }
    }

    /// <summary>A computed year: the list, and a bitset by day of year for fast lookups.</summary>
    internal sealed class YearData
    {
        private readonly ulong[] _bits = new ulong[6];

        public YearData(int year, ImmutableArray<Holiday> holidays)
        {
            Year = year;
            Holidays = holidays;
            FirstDayNumber = new DateOnly(year, 1, 1).DayNumber;
            DaysInYear = DateTime.IsLeapYear(year) ? 366 : 365;
            ObonStartIndex = new DateOnly(year, 8, 13).DayNumber - FirstDayNumber;
            foreach (var h in holidays)
            {
                var index = h.Date.DayNumber - FirstDayNumber;
                _bits[index >> 6] |= 1UL << (index & 63);
            }
        }

        public int Year { get; }

        public ImmutableArray<Holiday> Holidays { get; }

        /// <summary><see cref="DateOnly.DayNumber"/> of January 1.</summary>
        public int FirstDayNumber { get; }

        public int DaysInYear { get; }

        /// <summary>Zero-based day-of-year index of August 13.</summary>
        public int ObonStartIndex { get; }

        public bool IsHolidayIndex(int index) => (_bits[index >> 6] & (1UL << (index & 63))) != 0;
    }
}

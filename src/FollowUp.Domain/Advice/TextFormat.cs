using System.Globalization;

namespace FollowUp.Domain.Advice;

/// <summary>Date and time wording for explanations, without culture lookups (fast, and the same on every machine).</summary>
internal readonly struct TextFormat(DateTime now)
{
    private readonly int _year = now.Year;

    /// <summary>12月1日(火) — with the year when it is not this year.</summary>
    public DateText JaDate(DateOnly d) => new(d.ToDateTime(TimeOnly.MinValue), Japanese: true, WithTime: false, WithYear: d.Year != _year);

    /// <summary>12月1日(火) 10:00.</summary>
    public DateText JaDateTime(DateTime t) => new(t, Japanese: true, WithTime: true, WithYear: t.Year != _year);

    /// <summary>Tue Dec 1 — with the year when it is not this year.</summary>
    public DateText EnDate(DateOnly d) => new(d.ToDateTime(TimeOnly.MinValue), Japanese: false, WithTime: false, WithYear: d.Year != _year);

    /// <summary>Tue Dec 1, 10:00.</summary>
    public DateText EnDateTime(DateTime t) => new(t, Japanese: false, WithTime: true, WithYear: t.Year != _year);

    /// <summary>10:00.</summary>
    public static string Time(DateTime t) => string.Create(CultureInfo.InvariantCulture, $"{t.Hour:00}:{t.Minute:00}");

    /// <summary>今日 / 明日 / 11月24日(火), relative to now.</summary>
    public string JaDay(DateOnly d, DateOnly today) =>
        d == today ? "今日" : d == today.AddDays(1) ? "明日" : JaDate(d).ToString();

    /// <summary>today / tomorrow / on Tue Nov 24, relative to now.</summary>
    public string EnDay(DateOnly d, DateOnly today) =>
        d == today ? "today" : d == today.AddDays(1) ? "tomorrow" : "on " + EnDate(d).ToString();
}

/// <summary>
/// A date (and time) written straight into an interpolated string, so explanations allocate only their final text.
/// </summary>
internal readonly record struct DateText(DateTime Value, bool Japanese, bool WithTime, bool WithYear) : ISpanFormattable
{
    private const string JaWeekdays = "日月火水木金土";
    private static readonly string[] s_enWeekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
    private static readonly string[] s_enMonths = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    public override string ToString()
    {
        Span<char> buffer = stackalloc char[40];
        return TryFormat(buffer, out var written, default, null) ? new string(buffer[..written]) : string.Empty;
    }

    public string ToString(string? format, IFormatProvider? formatProvider) => ToString();

    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        var pos = 0;
        var ok = true;
        Value.Deconstruct(out int year, out int month, out int day);
        var dow = (int)Value.DayOfWeek;
        if (Japanese)
        {
            if (WithYear)
            {
                ok &= Number(destination, ref pos, year, 1) && Char(destination, ref pos, '年');
            }

            ok &= Number(destination, ref pos, month, 1) && Char(destination, ref pos, '月')
                && Number(destination, ref pos, day, 1) && Char(destination, ref pos, '日')
                && Char(destination, ref pos, '(') && Char(destination, ref pos, JaWeekdays[dow]) && Char(destination, ref pos, ')');
        }
        else
        {
            ok &= Text(destination, ref pos, s_enWeekdays[dow]) && Char(destination, ref pos, ' ')
                && Text(destination, ref pos, s_enMonths[month - 1]) && Char(destination, ref pos, ' ')
                && Number(destination, ref pos, day, 1);
            if (WithYear)
            {
                ok &= Char(destination, ref pos, ' ') && Number(destination, ref pos, year, 1);
            }

            if (WithTime)
            {
                ok &= Char(destination, ref pos, ',');
            }
        }

        if (WithTime)
        {
            ok &= Char(destination, ref pos, ' ') && Number(destination, ref pos, Value.Hour, 2)
                && Char(destination, ref pos, ':') && Number(destination, ref pos, Value.Minute, 2);
        }

        charsWritten = ok ? pos : 0;
        return ok;
    }

    private static bool Char(Span<char> destination, ref int pos, char c)
    {
        if (pos >= destination.Length)
        {
            return false;
        }

        destination[pos++] = c;
        return true;
    }

    private static bool Text(Span<char> destination, ref int pos, string s)
    {
        if (!s.AsSpan().TryCopyTo(destination[pos..]))
        {
            return false;
        }

        pos += s.Length;
        return true;
    }

    private static bool Number(Span<char> destination, ref int pos, int value, int minDigits)
    {
        // Hand-written: int.TryFormat with a format string costs more than the whole date here.
        var digits = value >= 1000 ? 4 : value >= 100 ? 3 : value >= 10 ? 2 : 1;
        digits = Math.Max(digits, minDigits);
        if (pos + digits > destination.Length)
        {
            return false;
        }

        for (var i = pos + digits - 1; i >= pos; i--)
        {
            destination[i] = (char)('0' + (value % 10));
            value /= 10;
        }

        pos += digits;
        return true;
    }
}

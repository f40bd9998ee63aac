using System.Globalization;

namespace FollowUp.Domain.Advice;

/// <summary>Date and time wording for explanations, without culture lookups (fast, and the same on every machine).</summary>
internal readonly struct TextFormat(DateTime now)
{
    private const string JaWeekdays = "日月火水木金土";
    private static readonly string[] s_enWeekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
    private static readonly string[] s_enMonths = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    private readonly int _year = now.Year;

    private static CultureInfo Inv => CultureInfo.InvariantCulture;

    /// <summary>12月1日(火) — with the year when it is not this year.</summary>
    public string JaDate(DateOnly d) => d.Year == _year
        ? string.Create(Inv, $"{d.Month}月{d.Day}日({JaWeekdays[(int)d.DayOfWeek]})")
        : string.Create(Inv, $"{d.Year}年{d.Month}月{d.Day}日({JaWeekdays[(int)d.DayOfWeek]})");

    /// <summary>12月1日(火) 10:00.</summary>
    public string JaDateTime(DateTime t) => string.Create(Inv, $"{JaDate(DateOnly.FromDateTime(t))} {t.Hour:00}:{t.Minute:00}");

    /// <summary>Tue Dec 1 — with the year when it is not this year.</summary>
    public string EnDate(DateOnly d) => d.Year == _year
        ? string.Create(Inv, $"{s_enWeekdays[(int)d.DayOfWeek]} {s_enMonths[d.Month - 1]} {d.Day}")
        : string.Create(Inv, $"{s_enWeekdays[(int)d.DayOfWeek]} {s_enMonths[d.Month - 1]} {d.Day} {d.Year}");

    /// <summary>Tue Dec 1, 10:00.</summary>
    public string EnDateTime(DateTime t) => string.Create(Inv, $"{EnDate(DateOnly.FromDateTime(t))}, {t.Hour:00}:{t.Minute:00}");

    /// <summary>10:00.</summary>
    public static string Time(DateTime t) => string.Create(Inv, $"{t.Hour:00}:{t.Minute:00}");

    /// <summary>今日 / 明日 / 11月24日(火), relative to now.</summary>
    public string JaDay(DateOnly d, DateOnly today) =>
        d == today ? "今日" : d == today.AddDays(1) ? "明日" : JaDate(d);

    /// <summary>today / tomorrow / on Tue Nov 24, relative to now.</summary>
    public string EnDay(DateOnly d, DateOnly today) =>
        d == today ? "today" : d == today.AddDays(1) ? "tomorrow" : "on " + EnDate(d);
}

using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace FollowUp.Domain.Calendar;

/// <summary>
/// The Act on National Holidays and its amendments as code: the statutory days of a year, then the substitute
/// holidays (振替休日) and citizens' holidays (国民の休日) they bring. <see cref="JapaneseHolidays"/> checks the year
/// and keeps what this computes.
/// </summary>
internal static class HolidayRules
{
    private const string SubstituteJa = "振替休日";
    private const string SubstituteEn = "Substitute Holiday";
    private const string CitizensJa = "国民の休日";
    private const string CitizensEn = "Citizens' Holiday";

    // 振替休日 started with the 1973-04-12 amendment; 国民の休日 with the 1985-12-27 one.
    private static readonly DateOnly s_substituteStart = new(1973, 4, 12);
    private static readonly DateOnly s_citizensStart = new(1985, 12, 27);

    /// <summary>The holidays of <paramref name="year"/> (1955–2099, not checked here), in date order.</summary>
    public static ImmutableArray<Holiday> Compute(int year)
    {
        var list = new List<Holiday>(24);
        AddStatutory(year, list);
        list.Sort(static (a, b) => a.Date.CompareTo(b.Date));

        // The statutory days (国民の祝日, one-off ceremony days included) drive both derived rules.
        var statutory = list.ToArray();
        foreach (var h in statutory)
        {
            if (h.Date.DayOfWeek != DayOfWeek.Sunday || h.Date < s_substituteStart)
            {
                continue;
            }

            var sub = h.Date.AddDays(1);
            if (year >= 2007)
            {
                // From 2007: the next day that is not itself a holiday (e.g. 5/3 Sunday → 5/6).
                while (Contains(statutory, sub))
                {
                    sub = sub.AddDays(1);
                }
            }
            else if (Contains(statutory, sub))
            {
                continue; // Before 2007 only the Monday qualified.
            }

            list.Add(new Holiday(sub, SubstituteJa, SubstituteEn));
        }

        for (var i = 0; i + 1 < statutory.Length; i++)
        {
            var between = statutory[i].Date.AddDays(1);
            if (statutory[i + 1].Date != between.AddDays(1) || between < s_citizensStart ||
                between.DayOfWeek == DayOfWeek.Sunday || Contains(CollectionsMarshal.AsSpan(list), between))
            {
                continue;
            }

            list.Add(new Holiday(between, CitizensJa, CitizensEn));
        }

        list.Sort(static (a, b) => a.Date.CompareTo(b.Date));
        return [.. list];
    }

    private static bool Contains(ReadOnlySpan<Holiday> holidays, DateOnly date)
    {
        foreach (var h in holidays)
        {
            if (h.Date == date)
            {
                return true;
            }
        }

        return false;
    }

    private static void AddStatutory(int y, List<Holiday> list)
    {
        void Add(int month, int day, string ja, string en) => list.Add(new Holiday(new DateOnly(y, month, day), ja, en));

        Add(1, 1, "元日", "New Year's Day");
        Add(1, y < 2000 ? 15 : NthMonday(y, 1, 2), "成人の日", "Coming of Age Day");
        if (y >= 1967)
        {
            Add(2, 11, "建国記念の日", "National Foundation Day");
        }

        if (y >= 2020)
        {
            Add(2, 23, "天皇誕生日", "The Emperor's Birthday");
        }

        Add(3, VernalEquinoxDay(y), "春分の日", "Vernal Equinox Day");
        if (y <= 1988)
        {
            Add(4, 29, "天皇誕生日", "The Emperor's Birthday");
        }
        else if (y <= 2006)
        {
            Add(4, 29, "みどりの日", "Greenery Day");
        }
        else
        {
            Add(4, 29, "昭和の日", "Showa Day");
        }

        Add(5, 3, "憲法記念日", "Constitution Memorial Day");
        if (y >= 2007)
        {
            Add(5, 4, "みどりの日", "Greenery Day");
        }

        Add(5, 5, "こどもの日", "Children's Day");

        // 2020 and 2021 moved three holidays around the Tokyo Olympics by special law.
        if (y is >= 1996 and <= 2002)
        {
            Add(7, 20, "海の日", "Marine Day");
        }
        else if (y >= 2003)
        {
            Add(7, y switch { 2020 => 23, 2021 => 22, _ => NthMonday(y, 7, 3) }, "海の日", "Marine Day");
        }

        if (y >= 2016)
        {
            Add(8, y switch { 2020 => 10, 2021 => 8, _ => 11 }, "山の日", "Mountain Day");
        }

        if (y is >= 1966 and <= 2002)
        {
            Add(9, 15, "敬老の日", "Respect for the Aged Day");
        }
        else if (y >= 2003)
        {
            Add(9, NthMonday(y, 9, 3), "敬老の日", "Respect for the Aged Day");
        }

        Add(9, AutumnalEquinoxDay(y), "秋分の日", "Autumnal Equinox Day");

        if (y is >= 1966 and <= 1999)
        {
            Add(10, 10, "体育の日", "Health and Sports Day");
        }
        else if (y is >= 2000 and <= 2019)
        {
            Add(10, NthMonday(y, 10, 2), "体育の日", "Health and Sports Day");
        }
        else if (y == 2020)
        {
            Add(7, 24, "スポーツの日", "Sports Day");
        }
        else if (y == 2021)
        {
            Add(7, 23, "スポーツの日", "Sports Day");
        }
        else if (y >= 2022)
        {
            Add(10, NthMonday(y, 10, 2), "スポーツの日", "Sports Day");
        }

        Add(11, 3, "文化の日", "Culture Day");
        Add(11, 23, "勤労感謝の日", "Labor Thanksgiving Day");
        if (y is >= 1989 and <= 2018)
        {
            Add(12, 23, "天皇誕生日", "The Emperor's Birthday");
        }

        // One-off holidays for imperial ceremonies, each by its own law.
        switch (y)
        {
            case 1959:
                Add(4, 10, "皇太子明仁親王の結婚の儀", "Wedding of Crown Prince Akihito");
                break;
            case 1989:
                Add(2, 24, "昭和天皇の大喪の礼", "Funeral of Emperor Showa");
                break;
            case 1990:
                Add(11, 12, "即位礼正殿の儀", "Enthronement Ceremony");
                break;
            case 1993:
                Add(6, 9, "皇太子徳仁親王の結婚の儀", "Wedding of Crown Prince Naruhito");
                break;
            case 2019:
                Add(5, 1, "天皇の即位の日", "Emperor's Accession Day");
                Add(10, 22, "即位礼正殿の儀", "Enthronement Ceremony");
                break;
            default:
                break;
        }
    }

    /// <summary>
    /// Day of March of the vernal equinox, by the published approximation (valid 1900–2099), whose
    /// <c>int()</c> truncates toward zero: for years before 1983, <c>int((Y − 1983) / 4)</c> is negative and
    /// flooring it would put the 1970s' equinoxes a day late.
    /// </summary>
    internal static int VernalEquinoxDay(int y) => y <= 1979
        ? (int)(20.8357 + (0.242194 * (y - 1980)) - ((y - 1983) / 4))
        : (int)(20.8431 + (0.242194 * (y - 1980)) - ((y - 1980) / 4));

    /// <summary>Day of September of the autumnal equinox, by the same approximation (valid 1900–2099).</summary>
    internal static int AutumnalEquinoxDay(int y) => y <= 1979
        ? (int)(23.2588 + (0.242194 * (y - 1980)) - ((y - 1983) / 4))
        : (int)(23.2488 + (0.242194 * (y - 1980)) - ((y - 1980) / 4));

    private static int NthMonday(int year, int month, int n)
    {
        var first = new DateOnly(year, month, 1);
        var offset = ((int)DayOfWeek.Monday - (int)first.DayOfWeek + 7) % 7;
        return 1 + offset + (7 * (n - 1));
    }
}

using System.Globalization;
using FollowUp.Domain.Calendar;
using Xunit;

namespace FollowUp.Domain.Tests.Holidays;

public sealed class HolidayTests
{
    private static DateOnly D(string s) => DateOnly.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    // Full lists cross-checked by hand against the Cabinet Office (内閣府) lists.
    public static TheoryData<int, string> KnownYears => new()
    {
        { 1989, "01-01 01-02 01-15 01-16 02-11 02-24 03-21 04-29 05-03 05-04 05-05 09-15 09-23 10-10 11-03 11-23 12-23" },
        { 2000, "01-01 01-10 02-11 03-20 04-29 05-03 05-04 05-05 07-20 09-15 09-23 10-09 11-03 11-23 12-23" },
        { 2007, "01-01 01-08 02-11 02-12 03-21 04-29 04-30 05-03 05-04 05-05 07-16 09-17 09-23 09-24 10-08 11-03 11-23 12-23 12-24" },
        { 2019, "01-01 01-14 02-11 03-21 04-29 04-30 05-01 05-02 05-03 05-04 05-05 05-06 07-15 08-11 08-12 09-16 09-23 10-14 10-22 11-03 11-04 11-23" },
        { 2020, "01-01 01-13 02-11 02-23 02-24 03-20 04-29 05-03 05-04 05-05 05-06 07-23 07-24 08-10 09-21 09-22 11-03 11-23" },
        { 2021, "01-01 01-11 02-11 02-23 03-20 04-29 05-03 05-04 05-05 07-22 07-23 08-08 08-09 09-20 09-23 11-03 11-23" },
        { 2026, "01-01 01-12 02-11 02-23 03-20 04-29 05-03 05-04 05-05 05-06 07-20 08-11 09-21 09-22 09-23 10-12 11-03 11-23" },
        { 2099, "01-01 01-12 02-11 02-23 03-20 04-29 05-03 05-04 05-05 05-06 07-20 08-11 09-21 09-22 09-23 10-12 11-03 11-23" },
    };

    [Theory]
    [MemberData(nameof(KnownYears))]
    public void Known_years_match_the_official_lists(int year, string expected)
    {
        var actual = string.Join(' ', JapaneseHolidays.For(year).Select(h => h.Date.ToString("MM-dd", CultureInfo.InvariantCulture)));
        Assert.Equal(expected, actual);
    }

    // Each rule's edges: (date, Japanese name or "" for an ordinary day).
    [Theory]
    [InlineData("1959-04-10", "皇太子明仁親王の結婚の儀")]
    [InlineData("1965-09-15", "")]
    [InlineData("1966-09-15", "敬老の日")]
    [InlineData("1965-10-10", "")]
    [InlineData("1966-10-10", "体育の日")]
    [InlineData("1966-02-11", "")]
    [InlineData("1967-02-11", "建国記念の日")]
    [InlineData("1973-02-12", "")] // 2/11 was a Sunday, before substitute holidays existed
    [InlineData("1973-04-30", "振替休日")] // the first substitute holiday
    [InlineData("1986-05-04", "")] // a Sunday: never a 国民の休日
    [InlineData("1987-05-04", "振替休日")]
    [InlineData("1988-05-04", "国民の休日")] // the first 国民の休日
    [InlineData("1988-04-29", "天皇誕生日")]
    [InlineData("1989-04-29", "みどりの日")]
    [InlineData("1989-02-24", "昭和天皇の大喪の礼")]
    [InlineData("1989-12-23", "天皇誕生日")]
    [InlineData("1990-11-12", "即位礼正殿の儀")]
    [InlineData("1993-06-09", "皇太子徳仁親王の結婚の儀")]
    [InlineData("1995-07-20", "")]
    [InlineData("1996-07-20", "海の日")]
    [InlineData("1999-01-15", "成人の日")]
    [InlineData("2000-01-15", "")]
    [InlineData("2000-01-10", "成人の日")]
    [InlineData("1999-10-10", "体育の日")]
    [InlineData("2000-10-10", "")]
    [InlineData("2000-10-09", "体育の日")]
    [InlineData("2002-07-20", "海の日")]
    [InlineData("2003-07-20", "")]
    [InlineData("2003-07-21", "海の日")]
    [InlineData("2004-09-15", "")]
    [InlineData("2004-09-20", "敬老の日")]
    [InlineData("2006-04-29", "みどりの日")]
    [InlineData("2006-05-04", "国民の休日")]
    [InlineData("2007-04-29", "昭和の日")]
    [InlineData("2007-05-04", "みどりの日")]
    [InlineData("2008-05-06", "振替休日")] // 5/4 Sunday: the next day that is not a holiday
    [InlineData("2009-09-22", "国民の休日")]
    [InlineData("2015-09-22", "国民の休日")]
    [InlineData("2015-08-11", "")]
    [InlineData("2016-08-11", "山の日")]
    [InlineData("2018-12-23", "天皇誕生日")]
    [InlineData("2018-12-24", "振替休日")]
    [InlineData("2019-12-23", "")]
    [InlineData("2019-02-23", "")]
    [InlineData("2019-05-01", "天皇の即位の日")]
    [InlineData("2019-04-30", "国民の休日")]
    [InlineData("2019-05-02", "国民の休日")]
    [InlineData("2019-10-22", "即位礼正殿の儀")]
    [InlineData("2020-02-23", "天皇誕生日")]
    [InlineData("2020-07-24", "スポーツの日")]
    [InlineData("2020-10-12", "")]
    [InlineData("2021-08-09", "振替休日")]
    [InlineData("2022-10-10", "スポーツの日")]
    [InlineData("2026-09-22", "国民の休日")]
    [InlineData("2032-09-21", "国民の休日")]
    public void History_edges(string date, string japaneseName)
    {
        var d = D(date);
        var found = JapaneseHolidays.Find(d);
        Assert.Equal(japaneseName, found?.JapaneseName ?? string.Empty);
        Assert.Equal(japaneseName.Length > 0, JapaneseHolidays.IsHoliday(d));
    }

    [Fact]
    public void Every_year_1955_to_2099_is_consistent()
    {
        for (var year = JapaneseHolidays.MinYear; year <= JapaneseHolidays.MaxYear; year++)
        {
            var list = JapaneseHolidays.For(year);
            Assert.Equal(list.AsEnumerable(), JapaneseHolidays.Compute(year).AsEnumerable());
            Assert.InRange(list.Length, year < 1967 ? 9 : 12, 22);
            var set = list.Select(h => h.Date).ToHashSet();
            for (var i = 0; i < list.Length; i++)
            {
                var h = list[i];
                Assert.Equal(year, h.Date.Year);
                Assert.False(string.IsNullOrWhiteSpace(h.JapaneseName));
                Assert.False(string.IsNullOrWhiteSpace(h.EnglishName));
                Assert.True(i == 0 || list[i - 1].Date < h.Date, $"{year}: not sorted or duplicate at {h.Date}");

                if (h.JapaneseName == "国民の休日")
                {
                    Assert.NotEqual(DayOfWeek.Sunday, h.Date.DayOfWeek);
                    Assert.Contains(h.Date.AddDays(-1), set);
                    Assert.Contains(h.Date.AddDays(1), set);
                }
                else if (h.JapaneseName == "振替休日")
                {
                    // Walk back through holidays to the Sunday that caused it.
                    var d = h.Date.AddDays(-1);
                    while (d.DayOfWeek != DayOfWeek.Sunday)
                    {
                        Assert.True(year >= 2007, $"{h.Date}: before 2007 only the Monday after a Sunday holiday");
                        Assert.Contains(d, set);
                        d = d.AddDays(-1);
                    }

                    Assert.Contains(d, set);
                }
                else if (h.Date.DayOfWeek == DayOfWeek.Sunday && h.Date >= new DateOnly(1973, 4, 12))
                {
                    // A Sunday holiday has its substitute on the next day that is not a holiday.
                    var sub = h.Date.AddDays(1);
                    while (set.Contains(sub) && JapaneseHolidays.Find(sub)!.Value.JapaneseName != "振替休日")
                    {
                        sub = sub.AddDays(1);
                    }

                    Assert.Equal("振替休日", JapaneseHolidays.Find(sub)?.JapaneseName);
                }
            }

            // The bitset agrees with the list on every day.
            for (var d = new DateOnly(year, 1, 1); d.Year == year; d = d.AddDays(1))
            {
                Assert.Equal(set.Contains(d), JapaneseHolidays.IsHoliday(d));
            }
        }
    }

    [Theory]
    [InlineData(1954)]
    [InlineData(2100)]
    public void Years_outside_the_range_are_rejected(int year) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => JapaneseHolidays.For(year));

    [Fact]
    public void Concurrent_first_use_gives_one_answer()
    {
        var results = new System.Collections.Concurrent.ConcurrentBag<int>();
        Parallel.For(0, 64, _ => results.Add(JapaneseHolidays.For(2055).Length));
        Assert.Single(results.Distinct());
    }
}

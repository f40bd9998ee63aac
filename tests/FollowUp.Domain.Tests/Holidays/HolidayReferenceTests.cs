using System.Globalization;
using FollowUp.Domain.Calendar;
using Xunit;

namespace FollowUp.Domain.Tests.Holidays;

/// <summary>
/// The computed holidays against independent sources (see README.md beside this file): the Cabinet Office's own
/// list for 1955–2027, and astronomically computed equinoxes for 1955–2099.
/// </summary>
public sealed class HolidayReferenceTests
{
    private static string Data(string file) => Path.Combine(AppContext.BaseDirectory, "Holidays", file);

    public static TheoryData<int> CabinetOfficeYears() => new(Enumerable.Range(1955, 2027 - 1955));

    private static readonly Lazy<ILookup<int, DateOnly>> s_cabinetOffice = new(() => File.ReadLines(Data("cabinet-office-holidays-1955-2027.csv"))
        .Skip(1)
        .Select(line => DateOnly.ParseExact(line.Split(',')[0], "yyyy-MM-dd", CultureInfo.InvariantCulture))
        .ToLookup(d => d.Year));

    [Theory]
    [MemberData(nameof(CabinetOfficeYears))]
    public void Every_holiday_of_the_year_matches_the_Cabinet_Office_list(int year)
    {
        var expected = string.Join(" ", s_cabinetOffice.Value[year].Order().Select(d => d.ToString("MM-dd", CultureInfo.InvariantCulture)));
        var actual = string.Join(" ", JapaneseHolidays.For(year).Select(h => h.Date.ToString("MM-dd", CultureInfo.InvariantCulture)));
        Assert.False(string.IsNullOrEmpty(expected), $"The reference has no holiday in {year}.");
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void The_Cabinet_Office_list_is_complete_to_its_last_published_year()
    {
        // 2027's list ends with 勤労感謝の日 (11-23); 1955–2026 are whole years.
        Assert.Equal(new DateOnly(2027, 11, 23), s_cabinetOffice.Value[2027].Max());
        var partial = JapaneseHolidays.For(2027).Where(h => h.Date <= new DateOnly(2027, 11, 23)).Select(h => h.Date);
        Assert.Equal(s_cabinetOffice.Value[2027].Order(), partial);
    }

    [Fact]
    public void Equinoxes_1955_to_2099_match_the_astronomical_computation()
    {
        var mismatches = new List<string>();
        var years = 0;
        foreach (var line in File.ReadLines(Data("equinoxes-1955-2099.csv")))
        {
            var parts = line.Split(',');
            var year = int.Parse(parts[0], CultureInfo.InvariantCulture);
            var holidays = JapaneseHolidays.For(year);
            foreach (var (monthDay, name) in new[] { (parts[1], "春分の日"), (parts[2], "秋分の日") })
            {
                var expected = DateOnly.ParseExact($"{year}-{monthDay}", "yyyy-MM-dd", CultureInfo.InvariantCulture);
                var actual = holidays.Single(h => h.JapaneseName == name).Date;
                if (actual != expected)
                {
                    mismatches.Add($"{name} {year}: expected {expected:yyyy-MM-dd}, computed {actual:yyyy-MM-dd}");
                }
            }

            years++;
        }

        Assert.Equal(JapaneseHolidays.MaxYear - JapaneseHolidays.MinYear + 1, years);
        Assert.Empty(mismatches);
    }
}

using System.Globalization;
using FollowUp.Domain.Advice;
using FollowUp.Domain.Calendar;
using Xunit;

namespace FollowUp.Domain.Tests;

public sealed class BusinessCalendarTests
{
    private static readonly BusinessCalendar s_default = new(CompanyCalendar.Default, EtiquettePolicy.Default);

    private static DateOnly D(string s) => DateOnly.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateTime T(string s) => DateTime.ParseExact(s, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2026-11-20", 0, "2026-11-20")]
    [InlineData("2026-05-03", 0, "2026-05-03")] // n = 0 is the date itself, even on a holiday
    [InlineData("2026-11-20", 1, "2026-11-24")] // weekend + 11/23 勤労感謝の日
    [InlineData("2026-11-20", 3, "2026-11-26")]
    [InlineData("2026-12-25", 1, "2026-12-28")]
    [InlineData("2026-12-28", 1, "2027-01-04")] // year-end closure Dec 29 – Jan 3
    [InlineData("2026-12-28", 2, "2027-01-05")]
    [InlineData("2027-12-28", 1, "2028-01-04")]
    [InlineData("2026-04-28", 1, "2026-04-30")] // 4/29 昭和の日
    [InlineData("2026-04-30", 1, "2026-05-01")]
    [InlineData("2026-05-01", 1, "2026-05-07")] // Golden Week, 5/6 substitute
    [InlineData("2026-04-30", 2, "2026-05-07")]
    [InlineData("2019-04-26", 1, "2019-05-07")] // the ten-day Golden Week of 2019
    [InlineData("2026-08-12", 1, "2026-08-13")] // Obon closure off by default
    public void AddBusinessDays_default_calendar(string from, int days, string expected) =>
        Assert.Equal(D(expected), s_default.AddBusinessDays(D(from), days));

    [Fact]
    public void AddBusinessDays_honours_obon_custom_closures_weekdays_and_country()
    {
        var obon = new BusinessCalendar(CompanyCalendar.Default with { ObonClosure = true }, EtiquettePolicy.Default);
        Assert.Equal(D("2026-08-17"), obon.AddBusinessDays(D("2026-08-12"), 1));

        var closure = new BusinessCalendar(
            CompanyCalendar.Default with { Closures = [new DateRange(D("2026-11-24"), D("2026-11-25"))] }, EtiquettePolicy.Default);
        Assert.Equal(D("2026-11-26"), closure.AddBusinessDays(D("2026-11-20"), 1));

        var noHolidays = new BusinessCalendar(CompanyCalendar.Default with { ObservesJapaneseHolidays = false }, EtiquettePolicy.Default);
        Assert.Equal(D("2026-11-23"), noHolidays.AddBusinessDays(D("2026-11-20"), 1));

        var sixDays = new BusinessCalendar(CompanyCalendar.Default with { ClosedWeekdays = [DayOfWeek.Sunday] }, EtiquettePolicy.Default);
        Assert.Equal(D("2026-11-21"), sixDays.AddBusinessDays(D("2026-11-20"), 1));

        var noYearEnd = new BusinessCalendar(CompanyCalendar.Default with { YearEndClosure = false }, EtiquettePolicy.Default);
        Assert.Equal(D("2026-12-29"), noYearEnd.AddBusinessDays(D("2026-12-28"), 1));
        Assert.Equal(D("2027-01-04"), noYearEnd.AddBusinessDays(D("2026-12-31"), 1)); // 1/1 元日, 1/2-3 weekend
    }

    [Fact]
    public void AddBusinessDays_rejects_negative_counts() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => s_default.AddBusinessDays(D("2026-11-20"), -1));

    [Theory]
    [InlineData("2026-11-18 09:59", "2026-11-18 10:00")]
    [InlineData("2026-11-18 10:00", "2026-11-18 10:00")]
    [InlineData("2026-11-18 11:59", "2026-11-18 11:59")]
    [InlineData("2026-11-18 12:00", "2026-11-18 13:00")] // a window's end is outside it
    [InlineData("2026-11-18 12:59", "2026-11-18 13:00")]
    [InlineData("2026-11-18 13:00", "2026-11-18 13:00")]
    [InlineData("2026-11-18 16:59", "2026-11-18 16:59")]
    [InlineData("2026-11-18 17:00", "2026-11-19 10:00")]
    [InlineData("2026-11-18 23:59", "2026-11-19 10:00")]
    [InlineData("2026-11-18 00:00", "2026-11-18 10:00")]
    [InlineData("2026-11-20 17:00", "2026-11-24 10:00")] // Friday evening, Monday holiday
    [InlineData("2026-12-28 19:00", "2027-01-04 10:00")]
    public void NextCallMoment_default_windows(string t, string expected) =>
        Assert.Equal(T(expected), s_default.NextCallMoment(T(t)));

    [Theory]
    [InlineData("2026-11-18 12:00", false, 1, "09:00", "18:00", "2026-11-18 12:00")] // lunch allowed
    [InlineData("2026-11-18 09:00", true, 0, "09:00", "18:00", "2026-11-18 09:00")] // margin 0
    [InlineData("2026-11-18 17:59", true, 0, "09:00", "18:00", "2026-11-18 17:59")]
    [InlineData("2026-11-18 18:00", true, 0, "09:00", "18:00", "2026-11-19 09:00")]
    [InlineData("2026-11-18 09:00", true, 1, "08:30", "17:30", "2026-11-18 09:30")] // custom hours
    [InlineData("2026-11-18 16:30", true, 1, "08:30", "17:30", "2026-11-19 09:30")]
    [InlineData("2026-11-18 12:30", true, 1, "13:00", "20:00", "2026-11-18 14:00")] // window entirely after lunch
    public void NextCallMoment_custom(string t, bool avoidLunch, int margin, string open, string close, string expected)
    {
        var calendar = CompanyCalendar.Default with
        {
            Hours = new BusinessHours(TimeOnly.Parse(open, CultureInfo.InvariantCulture), TimeOnly.Parse(close, CultureInfo.InvariantCulture)),
        };
        var cal = new BusinessCalendar(calendar, EtiquettePolicy.Default with { AvoidLunch = avoidLunch, CallWindowMarginHours = margin });
        Assert.Equal(T(expected), cal.NextCallMoment(T(t)));
    }

    [Fact]
    public void DayEnd_and_windows()
    {
        Assert.Equal(T("2026-11-18 17:00"), s_default.DayEnd(D("2026-11-18")));
        Assert.Equal(
            [new CallWindow(T("2026-11-18 10:00"), T("2026-11-18 12:00")), new CallWindow(T("2026-11-18 13:00"), T("2026-11-18 17:00"))],
            s_default.CallWindows(D("2026-11-18")).AsEnumerable());
        Assert.Empty(s_default.CallWindows(D("2026-11-23")));

        var noLunch = new BusinessCalendar(CompanyCalendar.Default, EtiquettePolicy.Default with { AvoidLunch = false, CallWindowMarginHours = 0 });
        Assert.Equal(T("2026-11-18 18:00"), noLunch.DayEnd(D("2026-11-18")));
        Assert.Equal([new CallWindow(T("2026-11-18 09:00"), T("2026-11-18 18:00"))], noLunch.CallWindows(D("2026-11-18")).AsEnumerable());
        Assert.False(new CallWindow(T("2026-11-18 10:00"), T("2026-11-18 12:00")).Contains(T("2026-11-18 12:00")));
    }

    [Fact]
    public void Calendars_that_can_never_call_are_rejected()
    {
        var allClosed = CompanyCalendar.Default with
        {
            ClosedWeekdays = [DayOfWeek.Sunday, DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday],
        };
        Assert.Throws<ArgumentException>(() => new BusinessCalendar(allClosed, EtiquettePolicy.Default));

        var tooShort = CompanyCalendar.Default with { Hours = new BusinessHours(new TimeOnly(9, 0), new TimeOnly(11, 0)) };
        Assert.Throws<ArgumentException>(() => new BusinessCalendar(tooShort, EtiquettePolicy.Default));

        var onlyLunch = CompanyCalendar.Default with { Hours = new BusinessHours(new TimeOnly(11, 0), new TimeOnly(14, 0)) };
        Assert.Throws<ArgumentException>(() => new BusinessCalendar(onlyLunch, EtiquettePolicy.Default));

        var inverted = CompanyCalendar.Default with { Hours = new BusinessHours(new TimeOnly(18, 0), new TimeOnly(9, 0)) };
        Assert.Throws<ArgumentException>(() => new BusinessCalendar(inverted, EtiquettePolicy.Default));

        Assert.Throws<ArgumentException>(() => new BusinessCalendar(CompanyCalendar.Default, EtiquettePolicy.Default with { CallWindowMarginHours = -1 }));
    }

    [Fact]
    public void Searches_give_up_after_about_three_years()
    {
        var closedForYears = new BusinessCalendar(
            CompanyCalendar.Default with { Closures = [new DateRange(D("2026-01-01"), D("2031-12-31"))] }, EtiquettePolicy.Default);
        Assert.Throws<ArgumentException>(() => closedForYears.AddBusinessDays(D("2026-01-05"), 1));
        Assert.Throws<ArgumentException>(() => closedForYears.NextCallMoment(T("2026-01-05 10:00")));
    }
}

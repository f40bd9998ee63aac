using FollowUp.Domain.Calendar;
using Xunit;

namespace FollowUp.Domain.Tests;

public sealed class CallHoursTests
{
    [Theory]
    [InlineData("09:00", "18:00", 1, true, "10:00-12:00 13:00-17:00", "17:00", true)]
    [InlineData("09:00", "18:00", 0, false, "09:00-18:00", "18:00", false)]
    [InlineData("13:00", "18:00", 1, true, "14:00-17:00", "17:00", false)] // an afternoon company: no lunch gap
    [InlineData("10:00", "14:00", 0, true, "10:00-12:00 13:00-14:00", "14:00", true)]
    [InlineData("11:00", "15:00", 0, true, "11:00-12:00 13:00-15:00", "15:00", true)]
    [InlineData("10:00", "14:00", 1, true, "11:00-12:00", "13:00", true)] // only the morning part remains
    [InlineData("11:00", "16:00", 1, true, "13:00-15:00", "15:00", true)] // only the afternoon part remains
    public void The_daily_windows_are_the_hours_less_the_margin_and_lunch(
        string open, string close, int margin, bool lunch, string windows, string end, bool cutsLunch)
    {
        Assert.True(CallHours.TryCreate(Hours(open, close), margin, lunch, out var hours, out var problem));
        Assert.Equal(CallHoursProblem.None, problem);
        Assert.Equal(windows, string.Join(' ', hours.DailyWindows.Select(w => $"{w.Start:HH\\:mm}-{w.End:HH\\:mm}")));
        Assert.Equal(end, hours.End.ToString("HH\\:mm", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(cutsLunch, hours.CutsLunch);
    }

    [Theory]
    [InlineData("18:00", "09:00", 1, true, CallHoursProblem.EmptyHours)]
    [InlineData("09:00", "09:00", -1, true, CallHoursProblem.EmptyHours)] // the calendar's fault is named first
    [InlineData("09:00", "18:00", -1, true, CallHoursProblem.NegativeMargin)]
    [InlineData("09:00", "11:00", 1, false, CallHoursProblem.MarginFillsDay)]
    [InlineData("10:00", "13:00", 2, false, CallHoursProblem.MarginFillsDay)]
    [InlineData("11:00", "14:00", 1, true, CallHoursProblem.LunchFillsRest)]
    public void No_time_to_call_says_why(string open, string close, int margin, bool lunch, CallHoursProblem expected)
    {
        Assert.False(CallHours.TryCreate(Hours(open, close), margin, lunch, out var hours, out var problem));
        Assert.Null(hours);
        Assert.Equal(expected, problem);
    }

    [Fact]
    public void The_calendar_applies_its_call_hours_and_refuses_hours_that_leave_none()
    {
        var onlyLunch = CompanyCalendar.Default with { Hours = Hours("11:00", "14:00") };
        var refused = Assert.Throws<ArgumentException>(() => new BusinessCalendar(onlyLunch, Advice.EtiquettePolicy.Default));
        Assert.Equal(("Business hours minus the margin and lunch leave no time to call.", "policy"), (refused.Message.Split(" (Parameter")[0], refused.ParamName));
        var empty = CompanyCalendar.Default with { Hours = Hours("18:00", "09:00") };
        refused = Assert.Throws<ArgumentException>(() => new BusinessCalendar(empty, Advice.EtiquettePolicy.Default));
        Assert.Equal(("Business hours 18:00–09:00 are empty.", "calendar"), (refused.Message.Split(" (Parameter")[0], refused.ParamName));

        var calendar = new BusinessCalendar(CompanyCalendar.Default, Advice.EtiquettePolicy.Default);
        Assert.Equal(calendar.CallHours.DailyWindows, calendar.DailyWindows());
    }

    private static BusinessHours Hours(string open, string close) =>
        new(TimeOnly.ParseExact(open, "HH:mm", System.Globalization.CultureInfo.InvariantCulture),
            TimeOnly.ParseExact(close, "HH:mm", System.Globalization.CultureInfo.InvariantCulture));
}

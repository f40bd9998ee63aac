using System.Collections.Immutable;
using System.Globalization;
using FollowUp.Domain.Calendar;
using FollowUp.Web.Data;
using FollowUp.Web.Infrastructure;

namespace FollowUp.Web.Features.Applications;

/// <summary>The company-calendar fields of a form (an application, or the user's default for new ones).</summary>
public interface ICalendarInput
{
    string? OpensAt { get; set; }
    string? ClosesAt { get; set; }
    HashSet<DayOfWeek> ClosedWeekdays { get; set; }
    bool ObservesNationalHolidays { get; set; }
    bool YearEndClosure { get; set; }
    bool ObonClosure { get; set; }
}

/// <summary>One check and one mapping for every form with calendar fields.</summary>
internal static class CalendarInput
{
    /// <summary>Checks the hours and weekdays; when they are fine, the calendar (without extra closures) they describe.</summary>
    public static CompanyCalendar? Parse(ICalendarInput input, List<FieldError> errors)
    {
        var before = errors.Count;
        var open = Check.Time(errors, nameof(input.OpensAt), input.OpensAt, required: true);
        var close = Check.Time(errors, nameof(input.ClosesAt), input.ClosesAt, required: true);
        if (open is { } o && close is { } c && c.ToTimeSpan() - o.ToTimeSpan() < TimeSpan.FromHours(3))
        {
            errors.Add(new FieldError(nameof(input.ClosesAt), "Validation.BusinessHours"));
        }
        if (input.ClosedWeekdays.Count >= 7)
        {
            errors.Add(new FieldError(nameof(input.ClosedWeekdays), "Validation.AllDaysClosed"));
        }
        return errors.Count > before ? null : new CompanyCalendar
        {
            Hours = new BusinessHours(open!.Value, close!.Value),
            ClosedWeekdays = [.. input.ClosedWeekdays.Where(Enum.IsDefined)],
            ObservesJapaneseHolidays = input.ObservesNationalHolidays,
            YearEndClosure = input.YearEndClosure,
            ObonClosure = input.ObonClosure,
        };
    }

    /// <summary>Copies valid (parsed) fields to the stored columns.</summary>
    public static void ApplyTo(ICalendarInput input, ICalendarColumns target)
    {
        target.OpensAt = TimeOnly.ParseExact(input.OpensAt!.Trim()[..5], "HH:mm", CultureInfo.InvariantCulture);
        target.ClosesAt = TimeOnly.ParseExact(input.ClosesAt!.Trim()[..5], "HH:mm", CultureInfo.InvariantCulture);
        target.ClosedWeekdays = ToBits(input.ClosedWeekdays);
        target.ObservesNationalHolidays = input.ObservesNationalHolidays;
        target.YearEndClosure = input.YearEndClosure;
        target.ObonClosure = input.ObonClosure;
    }

    /// <summary>Fills the form's fields from stored columns.</summary>
    public static T Fill<T>(T input, ICalendarColumns source)
        where T : ICalendarInput
    {
        input.OpensAt = Check.TimeText(source.OpensAt);
        input.ClosesAt = Check.TimeText(source.ClosesAt);
        input.ClosedWeekdays = [.. Weekdays(source.ClosedWeekdays)];
        input.ObservesNationalHolidays = source.ObservesNationalHolidays;
        input.YearEndClosure = source.YearEndClosure;
        input.ObonClosure = source.ObonClosure;
        return input;
    }

    /// <summary>The weekdays of a stored bit set (bit n = <see cref="DayOfWeek"/> n).</summary>
    public static ImmutableArray<DayOfWeek> Weekdays(int bits) =>
        [.. Enum.GetValues<DayOfWeek>().Where(d => (bits & (1 << (int)d)) != 0)];

    public static int ToBits(IEnumerable<DayOfWeek> days) => days.Aggregate(0, (bits, d) => bits | (1 << (int)d));
}

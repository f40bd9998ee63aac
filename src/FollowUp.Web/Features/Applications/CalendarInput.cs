using System.Collections.Immutable;
using System.Globalization;
using FollowUp.Domain.Calendar;
using FollowUp.Web.Data;
using FollowUp.Web.Infrastructure;

namespace FollowUp.Web.Features.Applications;

/// <summary>
/// The company-calendar fields of a form (an application, or the user's default for new ones), with their one
/// check and mapping. Starts as the usual Japanese company, like <see cref="CalendarColumns"/>.
/// </summary>
public abstract class CompanyCalendarInput
{
    public string? OpensAt { get; set; } = "09:00";
    public string? ClosesAt { get; set; } = "18:00";
    public HashSet<DayOfWeek> ClosedWeekdays { get; set; } = [DayOfWeek.Saturday, DayOfWeek.Sunday];
    public bool ObservesNationalHolidays { get; set; } = true;
    public bool YearEndClosure { get; set; } = true;
    public bool ObonClosure { get; set; }

    /// <summary>Checks the hours and weekdays; when they are fine, the calendar (without extra closures) they describe.</summary>
    internal CompanyCalendar? ParseCalendar(List<FieldError> errors)
    {
        var before = errors.Count;
        var open = Check.Time(errors, nameof(OpensAt), OpensAt, required: true);
        var close = Check.Time(errors, nameof(ClosesAt), ClosesAt, required: true);
        if (open is { } o && close is { } c && c.ToTimeSpan() - o.ToTimeSpan() < TimeSpan.FromHours(3))
        {
            errors.Add(new FieldError(nameof(ClosesAt), "Validation.BusinessHours"));
        }
        if (ClosedWeekdays.Count >= 7)
        {
            errors.Add(new FieldError(nameof(ClosedWeekdays), "Validation.AllDaysClosed"));
        }
        return errors.Count > before ? null : new CompanyCalendar
        {
            Hours = new BusinessHours(open!.Value, close!.Value),
            ClosedWeekdays = [.. ClosedWeekdays.Where(Enum.IsDefined)],
            ObservesJapaneseHolidays = ObservesNationalHolidays,
            YearEndClosure = YearEndClosure,
            ObonClosure = ObonClosure,
        };
    }

    /// <summary>Copies valid (parsed) fields to the stored columns.</summary>
    internal void ApplyCalendarTo(CalendarColumns target)
    {
        target.OpensAt = TimeOnly.ParseExact(OpensAt!.Trim()[..5], "HH:mm", CultureInfo.InvariantCulture);
        target.ClosesAt = TimeOnly.ParseExact(ClosesAt!.Trim()[..5], "HH:mm", CultureInfo.InvariantCulture);
        target.ClosedWeekdays = ClosedWeekdays.Aggregate(0, (bits, d) => bits | (1 << (int)d));
        target.ObservesNationalHolidays = ObservesNationalHolidays;
        target.YearEndClosure = YearEndClosure;
        target.ObonClosure = ObonClosure;
    }

    /// <summary>Fills the fields from stored columns.</summary>
    internal void FillCalendarFrom(CalendarColumns source)
    {
        OpensAt = DateText.Iso(source.OpensAt);
        ClosesAt = DateText.Iso(source.ClosesAt);
        ClosedWeekdays = [.. Weekdays(source.ClosedWeekdays)];
        ObservesNationalHolidays = source.ObservesNationalHolidays;
        YearEndClosure = source.YearEndClosure;
        ObonClosure = source.ObonClosure;
    }

    /// <summary>The weekdays of a stored bit set (bit n = <see cref="DayOfWeek"/> n).</summary>
    public static ImmutableArray<DayOfWeek> Weekdays(int bits) =>
        [.. Enum.GetValues<DayOfWeek>().Where(d => (bits & (1 << (int)d)) != 0)];
}

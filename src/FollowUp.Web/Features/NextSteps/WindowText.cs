using FollowUp.Domain.Advice;
using Microsoft.Extensions.Localization;

namespace FollowUp.Web.Features.NextSteps;

/// <summary>A step's window in words: 「今日 17:00まで」, 「今日 10:00〜17:00」, 「12月1日(火) 10:00から」, "from Tue Dec 1, 10:00".</summary>
public static class WindowText
{
    /// <summary>A moment relative to today: 今日/明日 (today/tomorrow, words of the resx files) or the date, then the time.</summary>
    public static string Moment(DateTime at, DateTime now, IStringLocalizer l, bool japanese)
    {
        ArgumentNullException.ThrowIfNull(l);
        var day = DateOnly.FromDateTime(at);
        var today = DateOnly.FromDateTime(now);
        if (day == today || day == today.AddDays(1))
        {
            return l[day == today ? "Window.TodayAt" : "Window.TomorrowAt", DateWords.Time(at)];
        }
        return DateWords.DateTime(at, japanese, withYear: day.Year != today.Year);
    }

    /// <summary>The window of <paramref name="step"/> as one short phrase; a window within one day names the day once.</summary>
    public static string Of(NextStep step, DateTime now, IStringLocalizer l, bool japanese)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(l);
        if (step.Kind == StepKind.Done)
        {
            return l["Window.Since", Moment(step.OpensAt, now, l, japanese)];
        }
        if (now < step.OpensAt)
        {
            if (step.ClosesAt is not { } c)
            {
                return l["Window.From", Moment(step.OpensAt, now, l, japanese)];
            }
            var end = DateOnly.FromDateTime(c) == DateOnly.FromDateTime(step.OpensAt) ? DateWords.Time(c) : Moment(c, now, l, japanese);
            return l["Window.Between", Moment(step.OpensAt, now, l, japanese), end];
        }
        if (step.ClosesAt is { } close)
        {
            return step.Overdue
                ? l["Window.Overdue", Moment(close, now, l, japanese)]
                : l["Window.Until", Moment(close, now, l, japanese)];
        }
        return l["Window.Now"];
    }
}

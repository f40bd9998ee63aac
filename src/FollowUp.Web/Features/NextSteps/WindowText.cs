using System.Globalization;
using FollowUp.Domain.Advice;
using Microsoft.Extensions.Localization;

namespace FollowUp.Web.Features.NextSteps;

/// <summary>A step's window in words: 「今日 17:00まで」, 「12月1日(火) 10:00から」, "from Tue 1 Dec 10:00".</summary>
public static class WindowText
{
    private static readonly CultureInfo Ja = CultureInfo.GetCultureInfo("ja-JP");
    private static readonly CultureInfo En = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>A moment relative to today: 今日/明日 or the date, then the time.</summary>
    public static string Moment(DateTime at, DateTime now, bool japanese)
    {
        var day = DateOnly.FromDateTime(at);
        var today = DateOnly.FromDateTime(now);
        var time = at.ToString("HH:mm", CultureInfo.InvariantCulture);
        string date;
        if (day == today)
        {
            date = japanese ? "今日" : "today";
        }
        else if (day == today.AddDays(1))
        {
            date = japanese ? "明日" : "tomorrow";
        }
        else
        {
            date = japanese
                ? at.ToString(day.Year == today.Year ? "M月d日(ddd)" : "yyyy年M月d日(ddd)", Ja)
                : at.ToString(day.Year == today.Year ? "ddd d MMM" : "ddd d MMM yyyy", En);
        }
        return $"{date} {time}";
    }

    /// <summary>The window of <paramref name="step"/> as one short phrase.</summary>
    public static string Of(NextStep step, DateTime now, IStringLocalizer l, bool japanese)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(l);
        if (step.Kind == StepKind.Done)
        {
            return l["Window.Since", Moment(step.OpensAt, now, japanese)];
        }
        if (now < step.OpensAt)
        {
            return step.ClosesAt is { } c
                ? l["Window.Between", Moment(step.OpensAt, now, japanese), Moment(c, now, japanese)]
                : l["Window.From", Moment(step.OpensAt, now, japanese)];
        }
        if (step.ClosesAt is { } close)
        {
            return step.Overdue
                ? l["Window.Overdue", Moment(close, now, japanese)]
                : l["Window.Until", Moment(close, now, japanese)];
        }
        return l["Window.Now"];
    }
}

using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace FollowUp.Domain.Calendar;

/// <summary>A span of wall-clock time in which calling is polite; <see cref="End"/> is exclusive.</summary>
/// <param name="Start">First instant inside the window.</param>
/// <param name="End">First instant after the window.</param>
public readonly record struct CallWindow(DateTime Start, DateTime End)
{
    /// <summary>Whether <paramref name="t"/> lies inside the window (Start ≤ t &lt; End).</summary>
    /// <param name="t">A local time.</param>
    /// <returns><see langword="true"/> when inside.</returns>
    public bool Contains(DateTime t) => t >= Start && t < End;
}

/// <summary>Why <see cref="CallHours.TryCreate"/> found no time to call.</summary>
public enum CallHoursProblem
{
    /// <summary>There is time to call.</summary>
    None = 0,

    /// <summary>The business hours are empty (closing at or before opening): the calendar's fault, not the policy's.</summary>
    EmptyHours = 1,

    /// <summary>The margin is negative.</summary>
    NegativeMargin = 2,

    /// <summary>The margin after opening and before closing covers the whole day.</summary>
    MarginFillsDay = 3,

    /// <summary>What the margin leaves lies inside the lunch break, which is avoided.</summary>
    LunchFillsRest = 4,
}

/// <summary>
/// When calling is polite on a business day: the company's hours less the margin after opening and before
/// closing, less 12:00–13:00 when lunch is avoided; one or two windows, the same on every business day.
/// Immutable; a <see cref="BusinessCalendar"/> builds it once and applies it to its business days.
/// </summary>
public sealed class CallHours
{
    private static readonly TimeSpan s_lunchStart = new(12, 0, 0);
    private static readonly TimeSpan s_lunchEnd = new(13, 0, 0);

    // Up to two windows per day, as offsets from midnight: [start0, end0) and [start1, end1).
    private readonly TimeSpan _start0;
    private readonly TimeSpan _end0;
    private readonly TimeSpan _start1;
    private readonly TimeSpan _end1;
    private readonly int _windowCount;

    private CallHours(TimeSpan start, TimeSpan end, bool cutsLunch)
    {
        EndOffset = end;
        CutsLunch = cutsLunch;
        if (!cutsLunch)
        {
            (_start0, _end0, _windowCount) = (start, end, 1);
        }
        else if (start < s_lunchStart && end > s_lunchEnd)
        {
            (_start0, _end0, _start1, _end1, _windowCount) = (start, s_lunchStart, s_lunchEnd, end, 2);
        }
        else
        {
            (_start0, _end0, _windowCount) = start < s_lunchStart ? (start, s_lunchStart, 1) : (s_lunchEnd, end, 1);
        }

        DailyWindows = _windowCount == 1
            ? [(TimeOnly.FromTimeSpan(_start0), TimeOnly.FromTimeSpan(_end0))]
            : [(TimeOnly.FromTimeSpan(_start0), TimeOnly.FromTimeSpan(_end0)), (TimeOnly.FromTimeSpan(_start1), TimeOnly.FromTimeSpan(_end1))];
        InWords = _windowCount == 1
            ? ($"{Hm(_start0)}〜{Hm(_end0)}", $"between {Hm(_start0)} and {Hm(_end0)}")
            : ($"{Hm(_start0)}〜{Hm(_end0)}または{Hm(_start1)}〜{Hm(_end1)}",
               $"between {Hm(_start0)} and {Hm(_end0)} or {Hm(_start1)} and {Hm(_end1)}");
    }

    /// <summary>The daily windows as times of day, e.g. 10:00–12:00 and 13:00–17:00.</summary>
    public ImmutableArray<(TimeOnly Start, TimeOnly End)> DailyWindows { get; }

    /// <summary>When calling ends each business day: closing time less the margin (17:00 by default).</summary>
    public TimeOnly End => TimeOnly.FromTimeSpan(EndOffset);

    /// <summary>Whether the lunch break is cut out of the windows (it is avoided and falls inside them).</summary>
    public bool CutsLunch { get; }

    /// <summary><see cref="End"/> as an offset from midnight, for the calendar's arithmetic.</summary>
    internal TimeSpan EndOffset { get; }

    /// <summary>
    /// The windows in words, built once because explanations quote them on every advice: JA
    /// 「10:00〜12:00または13:00〜17:00」, EN "between 10:00 and 12:00 or 13:00 and 17:00".
    /// </summary>
    internal (string Japanese, string English) InWords { get; }

    /// <summary>The call hours of <paramref name="hours"/> under a margin and the lunch rule, or why there are none.</summary>
    /// <param name="hours">The company's opening hours.</param>
    /// <param name="marginHours">Hours kept free after opening and before closing.</param>
    /// <param name="avoidLunch">Whether 12:00–13:00 is avoided.</param>
    /// <param name="callHours">The call hours, when there is time to call.</param>
    /// <param name="problem">Why there is none; <see cref="CallHoursProblem.None"/> when there is.</param>
    /// <returns><see langword="true"/> when some time to call remains.</returns>
    public static bool TryCreate(BusinessHours hours, int marginHours, bool avoidLunch, [NotNullWhen(true)] out CallHours? callHours, out CallHoursProblem problem)
    {
        callHours = null;
        var open = hours.Open.ToTimeSpan();
        var close = hours.Close.ToTimeSpan();
        if (close <= open || marginHours < 0)
        {
            problem = close <= open ? CallHoursProblem.EmptyHours : CallHoursProblem.NegativeMargin;
            return false;
        }

        var margin = TimeSpan.FromHours(marginHours);
        var (start, end) = (open + margin, close - margin);
        var cutsLunch = avoidLunch && start < s_lunchEnd && end > s_lunchStart;
        problem = start >= end ? CallHoursProblem.MarginFillsDay
            : cutsLunch && start >= s_lunchStart && end <= s_lunchEnd ? CallHoursProblem.LunchFillsRest
            : CallHoursProblem.None;
        if (problem == CallHoursProblem.None)
        {
            callHours = new CallHours(start, end, cutsLunch);
        }

        return callHours is not null;
    }

    /// <summary>Whether <paramref name="timeOfDay"/> falls in the lunch break (12:00 ≤ t &lt; 13:00).</summary>
    internal static bool IsLunch(TimeSpan timeOfDay) => timeOfDay >= s_lunchStart && timeOfDay < s_lunchEnd;

    /// <summary>What went wrong, in the words the calendar's exception uses.</summary>
    internal static string Describe(CallHoursProblem problem, BusinessHours hours) => problem switch
    {
        CallHoursProblem.EmptyHours => $"Business hours {hours.Open:HH\\:mm}–{hours.Close:HH\\:mm} are empty.",
        CallHoursProblem.NegativeMargin => "The call-window margin cannot be negative.",
        CallHoursProblem.MarginFillsDay => "The call-window margin leaves no time to call inside business hours.",
        CallHoursProblem.LunchFillsRest => "Business hours minus the margin and lunch leave no time to call.",
        _ => "There is time to call.",
    };

    /// <summary>
    /// The earliest offset from midnight at or after <paramref name="time"/> inside a window (a window's end is
    /// outside it, so 12:00 gives 13:00 when lunch is avoided); false once the day's windows are over.
    /// </summary>
    internal bool TryAtOrAfter(TimeSpan time, out TimeSpan at)
    {
        if (time < _end0)
        {
            at = time > _start0 ? time : _start0;
            return true;
        }

        if (_windowCount == 2 && time < _end1)
        {
            at = time > _start1 ? time : _start1;
            return true;
        }

        at = default;
        return false;
    }

    /// <summary>The windows on <paramref name="date"/>, whether or not it is a business day.</summary>
    internal ImmutableArray<CallWindow> On(DateOnly date)
    {
        var midnight = date.ToDateTime(TimeOnly.MinValue);
        var first = new CallWindow(midnight + _start0, midnight + _end0);
        return _windowCount == 1 ? [first] : [first, new CallWindow(midnight + _start1, midnight + _end1)];
    }

    private static string Hm(TimeSpan t) => string.Create(CultureInfo.InvariantCulture, $"{t.Hours:00}:{t.Minutes:00}");
}

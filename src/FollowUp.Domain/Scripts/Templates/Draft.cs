using System.Collections.Immutable;
using System.Globalization;
using FollowUp.Domain.Calendar;

namespace FollowUp.Domain.Scripts.Templates;

/// <summary>A template's output before the writer wraps it into a <see cref="Script"/>.</summary>
internal sealed record Draft(string? Subject, string Body, ImmutableArray<string> Notes);

/// <summary>Text shared by the phone scripts.</summary>
internal static class PhoneParts
{
    // The spec asks for this before every call: taking notes and agreeing dates on the spot.
    public const string BeforeDialingJa = """
        ■ 電話をかける前に
        ・メモ帳とペン、スケジュール帳（カレンダー）を手元に用意しましょう。
        ・静かで電波の良い場所からかけましょう。
        """;

    public const string BeforeDialingEn = """
        ■ Before you dial
        - Have a memo pad, a pen and your schedule at hand.
        - Call from a quiet place with good reception.
        """;
}

/// <summary>
/// Notes that quote the application's own calendar and rules (issue 13, point 7: one rule, one place): the
/// numbers come from the <see cref="BusinessCalendar"/> the engine advises with, never from constants here.
/// </summary>
internal static class RuleNotes
{
    /// <summary>
    /// When to call, from the company's hours and the user's margin and lunch rule (the windows the engine
    /// advises in), e.g. 「電話は営業日の10:00〜12:00または13:00〜17:00にかけましょう（営業時間09:00〜18:00のうち、
    /// 始業後と終業前の1時間、昼休み（12:00〜13:00）を避けた時間です）。」
    /// </summary>
    public static string CallWindowJa(BusinessCalendar cal)
    {
        var (windows, _) = cal.CallHours.InWords;
        var avoid = new List<string>();
        if (cal.Policy.CallWindowMarginHours > 0)
        {
            avoid.Add(string.Create(CultureInfo.InvariantCulture, $"始業後と終業前の{cal.Policy.CallWindowMarginHours}時間"));
        }

        if (cal.CallHours.CutsLunch)
        {
            avoid.Add("昼休み（12:00〜13:00）");
        }

        return avoid.Count == 0
            ? $"電話は営業日の{windows}（営業時間内）にかけましょう。"
            : $"電話は営業日の{windows}にかけましょう（営業時間{Hours(cal)}のうち、{string.Join("、", avoid)}を避けた時間です）。";
    }

    /// <summary>The English of <see cref="CallWindowJa"/>.</summary>
    public static string CallWindowEn(BusinessCalendar cal)
    {
        var (_, windows) = cal.CallHours.InWords;
        var margin = cal.Policy.CallWindowMarginHours;
        var avoid = new List<string>();
        if (margin > 0)
        {
            avoid.Add(margin == 1 ? "the first and last hour" : string.Create(CultureInfo.InvariantCulture, $"the first and last {margin} hours"));
        }

        if (cal.CallHours.CutsLunch)
        {
            avoid.Add("the 12:00–13:00 lunch break");
        }

        return avoid.Count == 0
            ? $"Call on a business day {windows} (the company's business hours)."
            : $"Call on a business day {windows}. The company is open {Hours(cal).Replace('〜', '–')}; these times avoid {string.Join(" and ", avoid)}.";
    }

    /// <summary>When to try a callback again (R3), in the user's own numbers.</summary>
    public static string RetryJa(BusinessCalendar cal) =>
        $"{Days(cal.Policy.CallbackRetryAfterBusinessDays, cal.Policy.CallbackRetryDueBusinessDays, "〜")}営業日たっても連絡がなければ、もう一度かけ直しましょう。1日に何度もかけるのは控えます。";

    /// <summary>The English of <see cref="RetryJa"/>.</summary>
    public static string RetryEn(BusinessCalendar cal)
    {
        var (after, due) = (cal.Policy.CallbackRetryAfterBusinessDays, cal.Policy.CallbackRetryDueBusinessDays);
        return $"If nobody calls back within {Days(after, due, "–")} business day{(due == 1 ? string.Empty : "s")}, call once more. Never call several times a day.";
    }

    /// <summary>How many inquiries, and how long to wait for an answer before moving on (R9), in the user's own numbers.</summary>
    public static string OnceJa(BusinessCalendar cal) => cal.Policy.FollowUpLimit <= 1
        ? "問い合わせは一度だけにしましょう。"
        : string.Create(CultureInfo.InvariantCulture, $"問い合わせは多くても{cal.Policy.FollowUpLimit}回までにしましょう。");

    /// <summary>The English of <see cref="OnceJa"/>.</summary>
    public static string OnceEn(BusinessCalendar cal) => cal.Policy.FollowUpLimit <= 1
        ? "Ask once only."
        : string.Create(CultureInfo.InvariantCulture, $"Ask no more than {cal.Policy.FollowUpLimit} times.");

    /// <summary>When to stop waiting for an answer to the inquiry (R9), from the user's rule.</summary>
    /// <param name="cal">The application's calendar and rules.</param>
    /// <param name="after">What was done: 「送ったあと」 for a mail, 「伝言を残したあと」 for a message.</param>
    public static string MoveOnJa(BusinessCalendar cal, string after = "送ったあと") => cal.Policy.MoveOnAfterBusinessDays is var days && days > 0
        ? string.Create(CultureInfo.InvariantCulture, $"{after}{days}営業日ほど返信がなければ、ほかの応募に気持ちを切り替えます。")
        : "返信を待つあいだも、ほかの応募を進めましょう。";

    /// <summary>The English of <see cref="MoveOnJa"/>.</summary>
    public static string MoveOnEn(BusinessCalendar cal) => cal.Policy.MoveOnAfterBusinessDays switch
    {
        <= 0 => "Keep your other applications moving while you wait.",
        1 => "If there is no answer within about 1 business day, move your energy to other applications.",
        var days => string.Create(CultureInfo.InvariantCulture, $"If there is no answer within about {days} business days, move your energy to other applications."),
    };

    private static string Hours(BusinessCalendar cal) =>
        string.Create(CultureInfo.InvariantCulture, $"{cal.Calendar.Hours.Open:HH:mm}〜{cal.Calendar.Hours.Close:HH:mm}");

    private static string Days(int from, int to, string dash) =>
        from == to ? from.ToString(CultureInfo.InvariantCulture) : string.Create(CultureInfo.InvariantCulture, $"{from}{dash}{to}");
}

using System.Globalization;

namespace FollowUp.Domain.Scripts.Templates;

/// <summary>
/// Dates and times as the scripts write them: 「11月26日(木)11時30分」, "Thursday, 26 November at around 11:30".
/// Always the date itself, never 本日 / 昨日 / 明日: a mail sent (or a script read) a day later would then be wrong.
/// </summary>
internal static class ScriptDates
{
    public static string JaDate(DateOnly d) => Advice.DateWords.Date(d, japanese: true, withYear: false);

    public static string JaDateTime(DateTime t) => JaDate(DateOnly.FromDateTime(t)) + JaTime(t);

    public static string JaTime(DateTime t) => t.Minute == 0
        ? string.Create(CultureInfo.InvariantCulture, $"{t.Hour}時")
        : string.Create(CultureInfo.InvariantCulture, $"{t.Hour}時{t.Minute}分");

    public static string EnDate(DateOnly d) => d.ToString("dddd, d MMMM", CultureInfo.InvariantCulture);

    public static string EnTime(DateTime t) => t.ToString("HH:mm", CultureInfo.InvariantCulture);

    public static string EnDateTime(DateTime t) => $"{EnDate(DateOnly.FromDateTime(t))} at around {EnTime(t)}";
}

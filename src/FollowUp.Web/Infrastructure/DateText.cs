using System.Globalization;
using FollowUp.Domain.Advice;

namespace FollowUp.Web.Infrastructure;

/// <summary>
/// Dates as text, both kinds: as people read them, in the one style per language the rules' explanations use
/// (<see cref="DateWords"/>): 「2026年11月24日(火) 10:00」 and "Tue Nov 24 2026, 10:00"; and as forms, files
/// and the CSV carry them (<see cref="Iso(DateOnly)"/>: 2026-11-24, 14:30).
/// </summary>
public sealed class DateText
{
    /// <summary>The culture of Japanese pages (pickers' month and day names).</summary>
    public static readonly CultureInfo Japanese = CultureInfo.GetCultureInfo("ja-JP");

    /// <summary>The culture of English pages: month before day, as in every English date FollowUp writes.</summary>
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    /// <summary>A date as forms, files and the CSV carry it: 2026-11-24 (what a date input sends).</summary>
    public static string Iso(DateOnly date) => date.ToString(IsoDateFormat, CultureInfo.InvariantCulture);

    /// <summary>A time as forms and files carry it: 14:30 (what a time input sends).</summary>
    public static string Iso(TimeOnly time) => time.ToString(IsoTimeFormat, CultureInfo.InvariantCulture);

    /// <summary>A wall-clock time as the CSV writes it: 2026-11-24 14:30.</summary>
    public static string Iso(DateTime local) => local.ToString(IsoDateFormat + " " + IsoTimeFormat, CultureInfo.InvariantCulture);

    /// <summary>Reads <see cref="Iso(DateOnly)"/>'s form (surrounding spaces allowed).</summary>
    public static bool TryParseIso(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text?.Trim(), IsoDateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>Reads <see cref="Iso(TimeOnly)"/>'s form, seconds allowed (some browsers send them).</summary>
    public static bool TryParseIso(string? text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text?.Trim(), [IsoTimeFormat, IsoTimeFormat + ":ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time);

    private const string IsoDateFormat = "yyyy-MM-dd";
    private const string IsoTimeFormat = "HH:mm";

    public static string DateTime(DateTime local, bool japanese) => DateWords.DateTime(local, japanese, withYear: true);

    public static string Date(DateOnly date, bool japanese) => DateWords.Date(date, japanese, withYear: true);

    /// <summary>In the current UI culture.</summary>
    public string Format(DateTime local) => DateTime(local, LocalizationSetup.IsJapanese);

    /// <summary>In the current UI culture.</summary>
    public string Format(DateOnly date) => Date(date, LocalizationSetup.IsJapanese);
}

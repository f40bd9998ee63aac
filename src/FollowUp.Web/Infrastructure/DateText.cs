using System.Globalization;
using FollowUp.Domain.Advice;

namespace FollowUp.Web.Infrastructure;

/// <summary>
/// Absolute dates as people read them, in the one style per language the rules' explanations use
/// (<see cref="DateWords"/>): 「2026年11月24日(火) 10:00」 and "Tue Nov 24 2026, 10:00".
/// </summary>
public sealed class DateText
{
    /// <summary>The culture of Japanese pages (pickers' month and day names).</summary>
    public static readonly CultureInfo Japanese = CultureInfo.GetCultureInfo("ja-JP");

    /// <summary>The culture of English pages: month before day, as in every English date FollowUp writes.</summary>
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    public static string DateTime(DateTime local, bool japanese) => DateWords.DateTime(local, japanese, withYear: true);

    public static string Date(DateOnly date, bool japanese) => DateWords.Date(date, japanese, withYear: true);

    /// <summary>In the current UI culture.</summary>
    public string Format(DateTime local) => DateTime(local, LocalizationSetup.IsJapanese);

    /// <summary>In the current UI culture.</summary>
    public string Format(DateOnly date) => Date(date, LocalizationSetup.IsJapanese);
}

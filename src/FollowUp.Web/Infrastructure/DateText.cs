using System.Globalization;

namespace FollowUp.Web.Infrastructure;

/// <summary>Dates as people read them: 2026年11月24日(火) 10:00 in Japanese, Tue 24 Nov 2026 10:00 in English.</summary>
public sealed class DateText
{
    private static readonly CultureInfo Ja = CultureInfo.GetCultureInfo("ja-JP");
    private static readonly CultureInfo En = CultureInfo.GetCultureInfo("en-GB");

    public static string DateTime(DateTime local, bool japanese) => japanese
        ? local.ToString("yyyy年M月d日(ddd) HH:mm", Ja)
        : local.ToString("ddd d MMM yyyy HH:mm", En);

    public static string Date(DateOnly date, bool japanese) => japanese
        ? date.ToString("yyyy年M月d日(ddd)", Ja)
        : date.ToString("ddd d MMM yyyy", En);

    /// <summary>In the current UI culture.</summary>
    public string Format(DateTime local) => DateTime(local, LocalizationSetup.IsJapanese);

    /// <summary>In the current UI culture.</summary>
    public string Format(DateOnly date) => Date(date, LocalizationSetup.IsJapanese);
}

using System.Globalization;
using FollowUp.Domain.Advice;

namespace FollowUp.Web.Infrastructure;

/// <summary>
/// The app's two languages, Japanese first: which names count, how a stored or requested name maps to one of
/// them, and how work for someone else (an email, a calendar feed) runs in that person's language.
/// </summary>
public static class AppCultures
{
    /// <summary>The default language.</summary>
    public const string Japanese = "ja";

    /// <summary>The other language.</summary>
    public const string English = "en";

    /// <summary>Both, the default first.</summary>
    public static IReadOnlyList<string> All { get; } = [Japanese, English];

    /// <summary>Whether <paramref name="name"/> is exactly one of <see cref="All"/> (what a form or file may store).</summary>
    public static bool IsSupported(string? name) => name is Japanese or English;

    /// <summary>The language for a culture name ("en-GB" → English): Japanese unless it is English (the Domain's rule,
    /// <see cref="LocalizedText.IsEnglish"/>, so explanations and pages never disagree; ADR 0023).</summary>
    public static string Of(string? name) => LocalizedText.IsEnglish(name) ? English : Japanese;

    /// <summary>
    /// Sets the UI culture to <paramref name="name"/>'s language until disposed, then puts the previous one back:
    /// for text written for another person than the one whose request is running.
    /// </summary>
    public static IDisposable Use(string? name) => new UiCultureScope(CultureInfo.GetCultureInfo(Of(name)));

    private sealed class UiCultureScope : IDisposable
    {
        private readonly CultureInfo _saved = CultureInfo.CurrentUICulture;

        public UiCultureScope(CultureInfo culture) => CultureInfo.CurrentUICulture = culture;

        public void Dispose() => CultureInfo.CurrentUICulture = _saved;
    }
}

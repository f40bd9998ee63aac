using System.Collections.Immutable;

namespace FollowUp.Domain.Advice;

/// <summary>The kinds of step the engine can advise.</summary>
public enum StepKind
{
    /// <summary>Before the interview: plan what to ask at its end (R12).</summary>
    Prepare,
    /// <summary>Return their call (折り返し) (R1, R2, R4).</summary>
    CallBack,
    /// <summary>The callback went unanswered: try again after 2–3 business days (R3).</summary>
    RetryCall,
    /// <summary>Calls did not connect: reply by email instead.</summary>
    EmailInstead,
    /// <summary>Send a thank-you email within 48 hours (R11).</summary>
    SendThankYou,
    /// <summary>Send the one follow-up inquiry (問い合わせ) (R5–R8).</summary>
    FollowUp,
    /// <summary>Stop waiting and put the energy elsewhere (R9, R10).</summary>
    MoveOn,
    /// <summary>The company gave a result; nothing left to do for this interview.</summary>
    Done,
}

/// <summary>The etiquette rule a step comes from (R1–R12 of the spec).</summary>
public enum RuleId
{
    /// <summary>Return a missed call.</summary>
    R1 = 1,
    /// <summary>Call inside the call window of a business day.</summary>
    R2,
    /// <summary>Retry an unanswered callback after 2–3 business days.</summary>
    R3,
    /// <summary>A late callback is still made, with an apology.</summary>
    R4,
    /// <summary>Do not inquire before the promised date.</summary>
    R5,
    /// <summary>The follow-up opens 3 business days after the promised date.</summary>
    R6,
    /// <summary>No date given: follow up 7 days after the interview.</summary>
    R7,
    /// <summary>Still under review: recheck after 14 days and 7 days after the answer.</summary>
    R8,
    /// <summary>One follow-up only; then move on.</summary>
    R9,
    /// <summary>Successful candidates only: no inquiry at all.</summary>
    R10,
    /// <summary>A thank-you email within 48 hours.</summary>
    R11,
    /// <summary>Before the interview: plan what to ask.</summary>
    R12,
}

/// <summary>A short text in both of the product's languages.</summary>
/// <param name="Japanese">The Japanese text.</param>
/// <param name="English">The English text.</param>
public sealed record LocalizedText(string Japanese, string English)
{
    /// <summary>No text in either language (a step computed without its explanation).</summary>
    public static LocalizedText Empty { get; } = new(string.Empty, string.Empty);

    /// <summary>The text for a UI culture name ("ja", "ja-JP", "en", …); Japanese unless the culture is English.</summary>
    /// <param name="cultureName">A culture name.</param>
    /// <returns>The text in that language.</returns>
    public string For(string cultureName) => IsEnglish(cultureName) ? English : Japanese;

    /// <summary>
    /// The product's one rule for choosing between its two languages: English for an English culture name ("en",
    /// "en-GB", …), Japanese for anything else, a missing name included (ADR 0023).
    /// </summary>
    /// <param name="cultureName">A culture name, or <see langword="null"/>.</param>
    /// <returns>Whether the name asks for English.</returns>
    public static bool IsEnglish(string? cultureName) =>
        cultureName?.StartsWith("en", StringComparison.OrdinalIgnoreCase) == true;
}

/// <summary>One thing the candidate should do (or wait for), and its window.</summary>
/// <param name="Kind">What to do.</param>
/// <param name="OpensAt">When the window opens (local wall-clock time).</param>
/// <param name="ClosesAt">When it closes, if it does.</param>
/// <param name="Overdue">Now is past <paramref name="ClosesAt"/>.</param>
/// <param name="Rule">The rule the step comes from.</param>
/// <param name="Explanation">Why, in words a user understands.</param>
public sealed record NextStep(
    StepKind Kind,
    DateTime OpensAt,
    DateTime? ClosesAt,
    bool Overdue,
    RuleId Rule,
    LocalizedText Explanation)
{
    /// <summary>Whether the step's window has opened at <paramref name="now"/>.</summary>
    /// <param name="now">The current local time.</param>
    /// <returns><see langword="true"/> when now ≥ <see cref="OpensAt"/>.</returns>
    public bool IsOpenAt(DateTime now) => now >= OpensAt;
}

/// <summary>The engine's answer: every applicable step, and the one to act on.</summary>
/// <param name="Primary">The step to show first.</param>
/// <param name="Steps">Every applicable step, the primary first.</param>
public sealed record Advice(NextStep Primary, ImmutableArray<NextStep> Steps);

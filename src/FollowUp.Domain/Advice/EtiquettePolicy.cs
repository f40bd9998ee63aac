namespace FollowUp.Domain.Advice;

/// <summary>
/// The adjustable numbers behind the etiquette rules; the defaults are the spec's.
/// A user may override them per application.
/// </summary>
public sealed record EtiquettePolicy
{
    /// <summary>The spec's defaults.</summary>
    public static EtiquettePolicy Default { get; } = new();

    /// <summary>Hours kept free after opening and before closing when calling (default 1).</summary>
    public int CallWindowMarginHours { get; init; } = 1;

    /// <summary>Avoid calling 12:00–13:00 (default on).</summary>
    public bool AvoidLunch { get; init; } = true;

    /// <summary>A failed callback is retried this many business days later at the earliest (default 2).</summary>
    public int CallbackRetryAfterBusinessDays { get; init; } = 2;

    /// <summary>…and by the end of this many business days (default 3).</summary>
    public int CallbackRetryDueBusinessDays { get; init; } = 3;

    /// <summary>After this many failed callbacks, reply by email instead (default 3).</summary>
    public int MaxCallAttempts { get; init; } = 3;

    /// <summary>Business days after the promised date before the follow-up opens (default 3).</summary>
    public int InquiryGraceBusinessDays { get; init; } = 3;

    /// <summary>With no date given, the follow-up opens this many days after the interview (default 7).</summary>
    public int UnspecifiedWaitDays { get; init; } = 7;

    /// <summary>…and is recommended by this many days after it (default 10).</summary>
    public int UnspecifiedDueDays { get; init; } = 10;

    /// <summary>"Still under review" with no date: recheck no sooner than this many days after the interview (default 14).</summary>
    public int UnderReviewRecheckDays { get; init; } = 14;

    /// <summary>…and no sooner than this many days after that answer (default 7).</summary>
    public int UnderReviewMinWaitDays { get; init; } = 7;

    /// <summary>How many follow-ups to send before moving on (default 1).</summary>
    public int FollowUpLimit { get; init; } = 1;

    /// <summary>Business days without an answer to the last follow-up before moving on (default 5).</summary>
    public int MoveOnAfterBusinessDays { get; init; } = 5;

    /// <summary>Suggest a thank-you email within 48 hours of the interview (default on).</summary>
    public bool SuggestThankYou { get; init; } = true;
}

namespace FollowUp.Domain.Advice;

/// <summary>How the company said it would reply after an interview (結果連絡の目安).</summary>
public enum ReplyPromiseKind
{
    /// <summary>No timing was given.</summary>
    Unspecified,
    /// <summary>By a given date.</summary>
    ByDate,
    /// <summary>Within N calendar days of the interview.</summary>
    WithinDays,
    /// <summary>Within N weeks of the interview.</summary>
    WithinWeeks,
    /// <summary>Within N business days of the interview (営業日).</summary>
    WithinBusinessDays,
}

/// <summary>The reply window the company promised at the interview.</summary>
/// <param name="Kind">The kind of promise.</param>
/// <param name="Date">For <see cref="ReplyPromiseKind.ByDate"/>: the date.</param>
/// <param name="Count">For the "within N" kinds: N (days, weeks or business days), at least 0.</param>
public sealed record ReplyPromise(ReplyPromiseKind Kind, DateOnly? Date = null, int? Count = null)
{
    /// <summary>No timing was given.</summary>
    public static ReplyPromise Unspecified { get; } = new(ReplyPromiseKind.Unspecified);

    /// <summary>A reply by <paramref name="date"/>.</summary>
    /// <param name="date">The promised date.</param>
    /// <returns>The promise.</returns>
    public static ReplyPromise ByDate(DateOnly date) => new(ReplyPromiseKind.ByDate, date);

    /// <summary>A reply within <paramref name="days"/> calendar days.</summary>
    /// <param name="days">Number of days.</param>
    /// <returns>The promise.</returns>
    public static ReplyPromise WithinDays(int days) => new(ReplyPromiseKind.WithinDays, Count: days);

    /// <summary>A reply within <paramref name="weeks"/> weeks.</summary>
    /// <param name="weeks">Number of weeks.</param>
    /// <returns>The promise.</returns>
    public static ReplyPromise WithinWeeks(int weeks) => new(ReplyPromiseKind.WithinWeeks, Count: weeks);

    /// <summary>A reply within <paramref name="days"/> business days.</summary>
    /// <param name="days">Number of business days.</param>
    /// <returns>The promise.</returns>
    public static ReplyPromise WithinBusinessDays(int days) => new(ReplyPromiseKind.WithinBusinessDays, Count: days);
}

/// <summary>An interview and what was said at it about the reply.</summary>
/// <param name="At">When the interview took place (local wall-clock time).</param>
/// <param name="Promise">The reply window the company promised.</param>
/// <param name="ContactsSuccessfulOnly">The company contacts successful candidates only (合格者のみ連絡).</param>
public sealed record InterviewFacts(DateTime At, ReplyPromise Promise, bool ContactsSuccessfulOnly = false);

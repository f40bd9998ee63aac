namespace FollowUp.Domain.Advice;

/// <summary>
/// Dates and times in the one style FollowUp uses for each language, the style of the explanations:
/// 「12月1日(火) 10:00」 and "Tue Dec 1, 10:00", with the year (「2027年1月5日(火)」, "Tue Jan 5 2027") when it is not
/// the current one.
/// </summary>
public static class DateWords
{
    /// <summary>A date: 「12月1日(火)」 / "Tue Dec 1".</summary>
    /// <param name="date">The date.</param>
    /// <param name="japanese">Japanese, else English.</param>
    /// <param name="withYear">Whether to write the year.</param>
    /// <returns>The date in words.</returns>
    public static string Date(DateOnly date, bool japanese, bool withYear) =>
        new DateText(date.ToDateTime(TimeOnly.MinValue), japanese, WithTime: false, withYear).ToString();

    /// <summary>A date and time: 「12月1日(火) 10:00」 / "Tue Dec 1, 10:00".</summary>
    /// <param name="at">The wall-clock time.</param>
    /// <param name="japanese">Japanese, else English.</param>
    /// <param name="withYear">Whether to write the year.</param>
    /// <returns>The date and time in words.</returns>
    public static string DateTime(DateTime at, bool japanese, bool withYear) =>
        new DateText(at, japanese, WithTime: true, withYear).ToString();

    /// <summary>A time of day: "10:00".</summary>
    /// <param name="at">The wall-clock time.</param>
    /// <returns>HH:mm.</returns>
    public static string Time(DateTime at) => TextFormat.Time(at);
}

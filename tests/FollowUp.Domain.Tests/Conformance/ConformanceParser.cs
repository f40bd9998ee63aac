using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using FollowUp.Domain.Advice;
using FollowUp.Domain.Calendar;
using FollowUp.Domain.Events;

namespace FollowUp.Domain.Tests.Conformance;

/// <summary>Turns the JSON of a conformance case into domain values (kept out of the rules library on purpose).</summary>
internal static class ConformanceParser
{
    public static DateTime DateTimeOf(JsonElement e) =>
        DateTime.ParseExact(e.GetString()!, "yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    public static DateOnly DateOf(JsonElement e) =>
        DateOnly.ParseExact(e.GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Format(DateTime t) => t.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    public static string Format(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>"callBack" for <see cref="StepKind.CallBack"/>: the spec's spelling.</summary>
    public static string StepName(StepKind kind)
    {
        var name = kind.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }

    private static T EnumOf<T>(JsonElement e)
        where T : struct, Enum =>
        Enum.TryParse<T>(e.GetString(), ignoreCase: true, out var value) && Enum.IsDefined(value)
            ? value
            : throw new FormatException($"'{e.GetString()}' is not a {typeof(T).Name}.");

    public static CompanyCalendar ParseCalendar(JsonElement root)
    {
        var calendar = CompanyCalendar.Default;
        if (!root.TryGetProperty("calendar", out var c))
        {
            return calendar;
        }

        foreach (var p in c.EnumerateObject())
        {
            calendar = p.Name switch
            {
                "timeZone" => calendar with { TimeZoneId = p.Value.GetString()! },
                "country" => calendar with { ObservesJapaneseHolidays = p.Value.GetString() switch
                {
                    "JP" => true,
                    "none" => false,
                    var other => throw new FormatException($"Unknown country '{other}'."),
                } },
                "closedWeekdays" => calendar with { ClosedWeekdays = [.. p.Value.EnumerateArray().Select(EnumOf<DayOfWeek>)] },
                "yearEndClosure" => calendar with { YearEndClosure = p.Value.GetBoolean() },
                "obonClosure" => calendar with { ObonClosure = p.Value.GetBoolean() },
                "closures" => calendar with
                {
                    Closures = [.. p.Value.EnumerateArray().Select(r => new DateRange(DateOf(r.GetProperty("from")), DateOf(r.GetProperty("to"))))],
                },
                "businessHours" => calendar with
                {
                    Hours = new BusinessHours(
                        TimeOnly.ParseExact(p.Value.GetProperty("open").GetString()!, "HH:mm", CultureInfo.InvariantCulture),
                        TimeOnly.ParseExact(p.Value.GetProperty("close").GetString()!, "HH:mm", CultureInfo.InvariantCulture)),
                },
                _ => throw new FormatException($"Unknown calendar field '{p.Name}'."),
            };
        }

        return calendar;
    }

    public static EtiquettePolicy ParsePolicy(JsonElement root)
    {
        var policy = EtiquettePolicy.Default;
        if (!root.TryGetProperty("policy", out var p))
        {
            return policy;
        }

        foreach (var f in p.EnumerateObject())
        {
            var v = f.Value;
            policy = f.Name switch
            {
                "callWindowMarginHours" => policy with { CallWindowMarginHours = v.GetInt32() },
                "avoidLunch" => policy with { AvoidLunch = v.GetBoolean() },
                "callbackRetryAfterBusinessDays" => policy with { CallbackRetryAfterBusinessDays = v.GetInt32() },
                "callbackRetryDueBusinessDays" => policy with { CallbackRetryDueBusinessDays = v.GetInt32() },
                "maxCallAttempts" => policy with { MaxCallAttempts = v.GetInt32() },
                "inquiryGraceBusinessDays" => policy with { InquiryGraceBusinessDays = v.GetInt32() },
                "unspecifiedWaitDays" => policy with { UnspecifiedWaitDays = v.GetInt32() },
                "unspecifiedDueDays" => policy with { UnspecifiedDueDays = v.GetInt32() },
                "underReviewRecheckDays" => policy with { UnderReviewRecheckDays = v.GetInt32() },
                "underReviewMinWaitDays" => policy with { UnderReviewMinWaitDays = v.GetInt32() },
                "followUpLimit" => policy with { FollowUpLimit = v.GetInt32() },
                "moveOnAfterBusinessDays" => policy with { MoveOnAfterBusinessDays = v.GetInt32() },
                "suggestThankYou" => policy with { SuggestThankYou = v.GetBoolean() },
                _ => throw new FormatException($"Unknown policy '{f.Name}'."),
            };
        }

        return policy;
    }

    public static InterviewFacts ParseInterview(JsonElement root)
    {
        var i = root.GetProperty("interview");
        var p = i.GetProperty("promise");
        var promise = p.GetProperty("type").GetString() switch
        {
            "byDate" => ReplyPromise.ByDate(DateOf(p.GetProperty("date"))),
            "withinDays" => ReplyPromise.WithinDays(p.GetProperty("days").GetInt32()),
            "withinWeeks" => ReplyPromise.WithinWeeks(p.GetProperty("weeks").GetInt32()),
            "withinBusinessDays" => ReplyPromise.WithinBusinessDays(p.GetProperty("days").GetInt32()),
            "unspecified" => ReplyPromise.Unspecified,
            var other => throw new FormatException($"Unknown promise type '{other}'."),
        };
        var only = i.TryGetProperty("contactOnlyIfSuccessful", out var c) && c.GetBoolean();
        return new InterviewFacts(DateTimeOf(i.GetProperty("at")), promise, only);
    }

    public static ImmutableArray<ContactEvent> ParseEvents(JsonElement root)
    {
        if (!root.TryGetProperty("events", out var events))
        {
            return [];
        }

        return [.. events.EnumerateArray().Select(Event)];
    }

    private static ContactEvent Event(JsonElement e)
    {
        var at = DateTimeOf(e.GetProperty("at"));
        return e.GetProperty("type").GetString() switch
        {
            "missedCall" => new MissedCall(at, e.TryGetProperty("voicemail", out var v) ? EnumOf<VoicemailKind>(v) : VoicemailKind.None),
            "callMade" => new CallMade(at, EnumOf<CallOutcome>(e.GetProperty("outcome")),
                e.TryGetProperty("purpose", out var p) && p.ValueKind != JsonValueKind.Null ? EnumOf<CallPurpose>(p) : null),
            "emailSent" => new EmailSent(at, EnumOf<EmailPurpose>(e.GetProperty("purpose"))),
            "contactReceived" => new ContactReceived(at, EnumOf<ContactChannel>(e.GetProperty("channel"))),
            "result" => new ResultReceived(at, EnumOf<ResultOutcome>(e.GetProperty("outcome")),
                e.TryGetProperty("newDate", out var d) && d.ValueKind != JsonValueKind.Null ? DateOf(d) : null),
            "thankYouSkipped" => new ThankYouSkipped(at),
            var other => throw new FormatException($"Unknown event type '{other}'."),
        };
    }
}

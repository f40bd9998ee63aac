using System.Collections.Immutable;
using FollowUp.Domain.Advice;
using FollowUp.Domain.Calendar;
using FollowUp.Domain.Events;
using FollowUp.Web.Data;

namespace FollowUp.Web.Features.Applications;

/// <summary>Turns stored rows into the rules library's values.</summary>
public static class DomainMapping
{
    public static CompanyCalendar ToCalendar(this JobApplication a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return new CompanyCalendar
        {
            TimeZoneId = a.TimeZoneId,
            ObservesJapaneseHolidays = a.ObservesNationalHolidays,
            ClosedWeekdays = CompanyCalendarInput.Weekdays(a.ClosedWeekdays),
            YearEndClosure = a.YearEndClosure,
            ObonClosure = a.ObonClosure,
            Closures = [.. a.Closures.OrderBy(c => c.From).Select(c => new DateRange(c.From, c.To))],
            Hours = new BusinessHours(a.OpensAt, a.ClosesAt),
        };
    }

    /// <summary>
    /// The application's business calendar under <paramref name="policy"/>; null when the stored calendar has no
    /// business day or the margin leaves no call window (validation prevents both; old data might not): then
    /// there is no advice rather than a crash.
    /// </summary>
    public static BusinessCalendar? BusinessCalendarOrNull(this JobApplication a, EtiquettePolicy policy)
    {
        try
        {
            return new BusinessCalendar(a.ToCalendar(), policy);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    public static InterviewFacts ToFacts(this Interview i)
    {
        ArgumentNullException.ThrowIfNull(i);
        var promise = i.PromiseKind switch
        {
            ReplyPromiseKind.ByDate when i.PromiseDate is { } d => ReplyPromise.ByDate(d),
            ReplyPromiseKind.WithinDays when i.PromiseCount is { } n => ReplyPromise.WithinDays(n),
            ReplyPromiseKind.WithinWeeks when i.PromiseCount is { } n => ReplyPromise.WithinWeeks(n),
            ReplyPromiseKind.WithinBusinessDays when i.PromiseCount is { } n => ReplyPromise.WithinBusinessDays(n),
            _ => ReplyPromise.Unspecified,
        };
        return new InterviewFacts(i.At, promise, i.ContactsSuccessfulOnly);
    }

    public static ContactEvent ToDomain(this ContactEventRecord e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return e.Kind switch
        {
            ContactEventKind.MissedCall => new MissedCall(e.At, e.Voicemail ?? VoicemailKind.None),
            ContactEventKind.CallMade => new CallMade(e.At, e.CallOutcome ?? CallOutcome.NoAnswer, e.CallPurpose),
            ContactEventKind.EmailSent => new EmailSent(e.At, e.EmailPurpose ?? EmailPurpose.Other),
            ContactEventKind.ContactReceived => new ContactReceived(e.At, e.Channel ?? ContactChannel.Phone),
            ContactEventKind.Result => new ResultReceived(e.At, e.ResultOutcome ?? ResultOutcome.UnderReview, e.NewDate),
            ContactEventKind.ThankYouSkipped => new ThankYouSkipped(e.At),
            _ => throw new InvalidOperationException($"Unknown event kind {e.Kind}."),
        };
    }

    /// <summary>
    /// The events that belong to <paramref name="interview"/>: an application's events start afresh after a
    /// result that closed an earlier round (next round, offer, rejection) before this interview.
    /// </summary>
    public static ImmutableArray<ContactEvent> EventsFor(Interview interview, IEnumerable<ContactEventRecord> events)
    {
        ArgumentNullException.ThrowIfNull(interview);
        var ordered = events.OrderBy(e => e.At).ThenBy(e => e.Id).ToList();
        var start = ordered
            .Where(e => e.Kind == ContactEventKind.Result && e.At <= interview.At
                        && e.ResultOutcome is ResultOutcome.NextRound or ResultOutcome.Offer or ResultOutcome.Rejected)
            .Select(e => (DateTime?)e.At)
            .LastOrDefault();
        return [.. ordered.Where(e => start is null || e.At > start).Select(e => e.ToDomain())];
    }
}

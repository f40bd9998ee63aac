using FollowUp.Domain.Events;
using FollowUp.Web.Data;
using FollowUp.Web.Infrastructure;
using static FollowUp.Web.Data.FollowUpDbContext;

namespace FollowUp.Web.Features.Applications;

/// <summary>The log-an-event form: one of the spec's event types with its detail.</summary>
public sealed class EventInput : IValidatedInput
{
    public ContactEventKind Kind { get; set; } = ContactEventKind.MissedCall;
    public string? Date { get; set; }
    public string? Time { get; set; }
    public VoicemailKind Voicemail { get; set; } = VoicemailKind.None;
    public CallOutcome CallOutcome { get; set; } = CallOutcome.Reached;

    /// <summary>Null: decided by the rules (a callback while one is owed, else a follow-up).</summary>
    public CallPurpose? CallPurpose { get; set; }
    public EmailPurpose EmailPurpose { get; set; } = EmailPurpose.ThankYou;
    public ContactChannel Channel { get; set; } = ContactChannel.Phone;
    public ResultOutcome ResultOutcome { get; set; } = ResultOutcome.UnderReview;
    public string? NewDate { get; set; }
    public string? Note { get; set; }

    /// <summary>
    /// How far past the current time an event may be dated (a phone's clock a little ahead, a form filled in
    /// slowly); anything later has not happened yet, and the rules would ignore it until then.
    /// </summary>
    public static readonly TimeSpan FutureTolerance = TimeSpan.FromMinutes(5);

    /// <summary>The checks that need no clock (the form runs them as the user types); saving adds <see cref="Parse"/>'s "not in the future".</summary>
    public IReadOnlyList<FieldError> Validate() => Parse(DateTime.MaxValue, out _, out _);

    /// <summary>Validates the input; an event dated more than <see cref="FutureTolerance"/> after <paramref name="localNow"/> is refused.</summary>
    /// <param name="localNow">Now on the application's clock (its time zone).</param>
    /// <param name="at">The event's time, when valid.</param>
    /// <param name="newDate">A result's new reply date, when given.</param>
    internal List<FieldError> Parse(DateTime localNow, out DateTime at, out DateOnly? newDate)
    {
        var errors = new List<FieldError>();
        var date = Check.Date(errors, nameof(Date), Date, required: true);
        var time = Check.Time(errors, nameof(Time), Time, required: true);
        at = date is { } d && time is { } t ? d.ToDateTime(t) : default;
        if (date is not null && time is not null && localNow < DateTime.MaxValue - FutureTolerance && at > localNow + FutureTolerance)
        {
            errors.Add(new FieldError(nameof(Date), "Validation.FutureEvent"));
        }

        newDate = null;
        var detailOk = Kind switch
        {
            ContactEventKind.MissedCall => Enum.IsDefined(Voicemail),
            ContactEventKind.CallMade => Enum.IsDefined(CallOutcome) && (CallPurpose is null || Enum.IsDefined(CallPurpose.Value)),
            ContactEventKind.EmailSent => Enum.IsDefined(EmailPurpose),
            ContactEventKind.ContactReceived => Enum.IsDefined(Channel),
            ContactEventKind.Result => Enum.IsDefined(ResultOutcome),
            ContactEventKind.ThankYouSkipped => true,
            _ => false,
        };
        if (!detailOk)
        {
            errors.Add(new FieldError(nameof(Kind), "Validation.Choice"));
        }
        if (Kind == ContactEventKind.Result && ResultOutcome == ResultOutcome.UnderReview)
        {
            newDate = Check.Date(errors, nameof(NewDate), NewDate, required: false);
        }
        Check.Length(errors, nameof(Note), Note, Limits.Note);
        return errors;
    }

    internal ContactEventRecord ToRecord(DateTime at, DateOnly? newDate) => new()
    {
        Kind = Kind,
        At = at,
        Voicemail = Kind == ContactEventKind.MissedCall ? Voicemail : null,
        CallOutcome = Kind == ContactEventKind.CallMade ? CallOutcome : null,
        CallPurpose = Kind == ContactEventKind.CallMade ? CallPurpose : null,
        EmailPurpose = Kind == ContactEventKind.EmailSent ? EmailPurpose : null,
        Channel = Kind == ContactEventKind.ContactReceived ? Channel : null,
        ResultOutcome = Kind == ContactEventKind.Result ? ResultOutcome : null,
        NewDate = newDate,
        Note = Check.Clean(Note),
    };
}

using System.Globalization;
using System.Net.Mail;
using FollowUp.Domain.Advice;
using FollowUp.Domain.Applications;
using FollowUp.Domain.Events;
using FollowUp.Web.Data;
using FollowUp.Web.Features.NextSteps;
using FollowUp.Web.Infrastructure;
using static FollowUp.Web.Data.FollowUpDbContext;

namespace FollowUp.Web.Features.Applications;

/// <summary>Checks shared by the forms; each returns a resource key on failure.</summary>
internal static class Check
{
    /// <summary>Dates the app accepts: wide enough for any real interview, narrow enough to catch typos.</summary>
    public static readonly DateOnly MinDate = new(2000, 1, 1);
    public static readonly DateOnly MaxDate = new(2100, 12, 31);

    public static void Length(List<FieldError> errors, string field, string? value, int max)
    {
        if (value is not null && value.Length > max)
        {
            errors.Add(new FieldError(field, "Validation.TooLong", max, value.Length));
        }
    }

    public static void Required(List<FieldError> errors, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new FieldError(field, "Validation.Required"));
        }
    }

    /// <summary>Parses yyyy-MM-dd (what a date input sends) within <see cref="MinDate"/>..<see cref="MaxDate"/>.</summary>
    public static DateOnly? Date(List<FieldError> errors, string field, string? value, bool required)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                errors.Add(new FieldError(field, "Validation.Required"));
            }
            return null;
        }
        if (!DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            || date < MinDate || date > MaxDate)
        {
            errors.Add(new FieldError(field, "Validation.Date", MinDate.Year, MaxDate.Year));
            return null;
        }
        return date;
    }

    /// <summary>Parses HH:mm (what a time input sends).</summary>
    public static TimeOnly? Time(List<FieldError> errors, string field, string? value, bool required)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                errors.Add(new FieldError(field, "Validation.Required"));
            }
            return null;
        }
        if (!TimeOnly.TryParseExact(value.Trim(), ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            errors.Add(new FieldError(field, "Validation.Time"));
            return null;
        }
        return time;
    }

    /// <summary>A phone number as people write it: digits with optional +, hyphens, spaces and brackets.</summary>
    public static void Phone(List<FieldError> errors, string field, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value)
            && (value.Length > Limits.Phone || value.Count(char.IsAsciiDigit) < 3
                || value.Any(c => !(char.IsAsciiDigit(c) || c is '+' or '-' or ' ' or '(' or ')'))))
        {
            errors.Add(new FieldError(field, "Validation.Phone"));
        }
    }

    public static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    public static string DateText(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string TimeText(TimeOnly t) => t.ToString("HH:mm", CultureInfo.InvariantCulture);
}

/// <summary>The add/edit application form.</summary>
public sealed class ApplicationInput : CompanyCalendarInput, IValidatedInput
{
    public string? Company { get; set; }
    public string? Position { get; set; }
    public ApplicationRoute Route { get; set; } = ApplicationRoute.Direct;
    public string? AgencyName { get; set; }
    public string? AgencyCoordinator { get; set; }
    public string? ContactPerson { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? Notes { get; set; }
    /// <summary>Extra closures, one range per line: "2026-12-01" or "2026-12-01..2026-12-03".</summary>
    public string? ExtraClosures { get; set; }

    /// <summary>False: follow the user's default rules. True: <see cref="Policy"/> applies to this application only.</summary>
    public bool CustomPolicy { get; set; }

    /// <summary>This application's own rules (checked and saved only when <see cref="CustomPolicy"/> is on).</summary>
    public PolicyInput Policy { get; set; } = PolicyInput.From(PolicySettings.Recommended);

    public IReadOnlyList<FieldError> Validate() => Parse(out _, out _);

    /// <summary>Validates and, when valid, yields the closure ranges and the application's own rules (null: the defaults).</summary>
    internal List<FieldError> Parse(out List<(DateOnly From, DateOnly To)> closures, out PolicySettings? policy)
    {
        var errors = new List<FieldError>();
        closures = [];
        policy = null;
        Check.Required(errors, nameof(Company), Company);
        Check.Length(errors, nameof(Company), Company, Limits.ShortText);
        Check.Length(errors, nameof(Position), Position, Limits.ShortText);
        Check.Length(errors, nameof(AgencyName), AgencyName, Limits.ShortText);
        Check.Length(errors, nameof(AgencyCoordinator), AgencyCoordinator, Limits.ShortText);
        Check.Length(errors, nameof(ContactPerson), ContactPerson, Limits.ShortText);
        Check.Length(errors, nameof(Notes), Notes, Limits.Note);
        if (!Enum.IsDefined(Route))
        {
            errors.Add(new FieldError(nameof(Route), "Validation.Choice"));
        }
        if (Route == ApplicationRoute.StaffingAgency)
        {
            Check.Required(errors, nameof(AgencyName), AgencyName);
        }
        Check.Phone(errors, nameof(Phone), Phone);
        if (!string.IsNullOrWhiteSpace(Email)
            && (Email.Length > Limits.Email || !MailAddress.TryCreate(Email.Trim(), out var parsed) || parsed.Address != Email.Trim()))
        {
            errors.Add(new FieldError(nameof(Email), "Validation.Email"));
        }
        var calendar = ParseCalendar(errors);
        if (CustomPolicy)
        {
            errors.AddRange(Policy.Parse(calendar, $"{nameof(Policy)}.", out policy));
        }
        Check.Length(errors, nameof(ExtraClosures), ExtraClosures, Limits.Note);
        foreach (var line in (ExtraClosures ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = line.Split("..", StringSplitOptions.TrimEntries);
            var lineErrors = new List<FieldError>();
            var from = parts.Length is 1 or 2 ? Check.Date(lineErrors, nameof(ExtraClosures), parts[0], required: true) : null;
            var to = parts.Length == 2 ? Check.Date(lineErrors, nameof(ExtraClosures), parts[1], required: true) : from;
            if (from is null || to is null || to < from || lineErrors.Count > 0)
            {
                errors.Add(new FieldError(nameof(ExtraClosures), "Validation.Closure", line));
                break;
            }
            closures.Add((from.Value, to.Value));
        }
        return errors;
    }

    internal void ApplyTo(JobApplication a, List<(DateOnly From, DateOnly To)> closures, PolicySettings? policy)
    {
        a.Company = Company!.Trim();
        a.Position = Check.Clean(Position);
        a.Route = Route;
        a.AgencyName = Route == ApplicationRoute.StaffingAgency ? Check.Clean(AgencyName) : null;
        a.AgencyCoordinator = Route == ApplicationRoute.StaffingAgency ? Check.Clean(AgencyCoordinator) : null;
        a.ContactPerson = Check.Clean(ContactPerson);
        a.Phone = Check.Clean(Phone);
        a.Email = Check.Clean(Email);
        a.Notes = Check.Clean(Notes);
        ApplyCalendarTo(a);
        a.Policy = CustomPolicy ? policy : null;
        a.Closures.Clear();
        a.Closures.AddRange(closures.Select(c => new ClosureRange { From = c.From, To = c.To }));
    }

    /// <summary>The form for an existing application; its own rules, or else a copy of <paramref name="userDefault"/> to start from.</summary>
    public static ApplicationInput From(JobApplication a, PolicySettings? userDefault)
    {
        ArgumentNullException.ThrowIfNull(a);
        var input = new ApplicationInput
        {
            Company = a.Company,
            Position = a.Position,
            Route = a.Route,
            AgencyName = a.AgencyName,
            AgencyCoordinator = a.AgencyCoordinator,
            ContactPerson = a.ContactPerson,
            Phone = a.Phone,
            Email = a.Email,
            Notes = a.Notes,
            ExtraClosures = string.Join('\n', a.Closures.OrderBy(c => c.From).Select(c =>
                c.From == c.To ? Check.DateText(c.From) : $"{Check.DateText(c.From)}..{Check.DateText(c.To)}")),
            CustomPolicy = a.Policy is not null,
            Policy = PolicyInput.From(a.Policy ?? userDefault ?? PolicySettings.Recommended),
        };
        input.FillCalendarFrom(a);
        return input;
    }
}

/// <summary>The add/edit interview form, including what was said about the reply.</summary>
public sealed class InterviewInput : IValidatedInput
{
    public string? Date { get; set; }
    public string? Time { get; set; } = "10:00";
    public InterviewStage Stage { get; set; } = InterviewStage.First;
    public ReplyPromiseKind PromiseKind { get; set; } = ReplyPromiseKind.Unspecified;
    public string? PromiseDate { get; set; }
    public int? PromiseCount { get; set; }
    public bool ContactsSuccessfulOnly { get; set; }
    public string? Notes { get; set; }

    /// <summary>Longest "within N" the app accepts; longer promises are typos.</summary>
    public const int MaxPromiseCount = 365;

    public IReadOnlyList<FieldError> Validate() => Parse(out _, out _);

    internal List<FieldError> Parse(out DateTime at, out DateOnly? promiseDate)
    {
        var errors = new List<FieldError>();
        var date = Check.Date(errors, nameof(Date), Date, required: true);
        var time = Check.Time(errors, nameof(Time), Time, required: true);
        at = date is { } d && time is { } t ? d.ToDateTime(t) : default;
        promiseDate = null;
        if (!Enum.IsDefined(Stage))
        {
            errors.Add(new FieldError(nameof(Stage), "Validation.Choice"));
        }
        switch (PromiseKind)
        {
            case ReplyPromiseKind.Unspecified:
                break;
            case ReplyPromiseKind.ByDate:
                promiseDate = Check.Date(errors, nameof(PromiseDate), PromiseDate, required: true);
                if (promiseDate is { } p && date is { } iv && p < iv)
                {
                    errors.Add(new FieldError(nameof(PromiseDate), "Validation.PromiseBeforeInterview"));
                }
                break;
            case ReplyPromiseKind.WithinDays or ReplyPromiseKind.WithinWeeks or ReplyPromiseKind.WithinBusinessDays:
                if (PromiseCount is null)
                {
                    errors.Add(new FieldError(nameof(PromiseCount), "Validation.Required"));
                }
                else if (PromiseCount < 1 || PromiseCount > MaxPromiseCount)
                {
                    errors.Add(new FieldError(nameof(PromiseCount), "Validation.Range", 1, MaxPromiseCount));
                }
                break;
            default:
                errors.Add(new FieldError(nameof(PromiseKind), "Validation.Choice"));
                break;
        }
        Check.Length(errors, nameof(Notes), Notes, Limits.Note);
        return errors;
    }

    internal void ApplyTo(Interview i, DateTime at, DateOnly? promiseDate)
    {
        i.At = at;
        i.Stage = Stage;
        i.PromiseKind = PromiseKind;
        i.PromiseDate = PromiseKind == ReplyPromiseKind.ByDate ? promiseDate : null;
        i.PromiseCount = PromiseKind is ReplyPromiseKind.WithinDays or ReplyPromiseKind.WithinWeeks or ReplyPromiseKind.WithinBusinessDays
            ? PromiseCount
            : null;
        i.ContactsSuccessfulOnly = ContactsSuccessfulOnly;
        i.Notes = Check.Clean(Notes);
    }

    public static InterviewInput From(Interview i)
    {
        ArgumentNullException.ThrowIfNull(i);
        return new()
        {
            Date = Check.DateText(DateOnly.FromDateTime(i.At)),
            Time = Check.TimeText(TimeOnly.FromDateTime(i.At)),
            Stage = i.Stage,
            PromiseKind = i.PromiseKind,
            PromiseDate = i.PromiseDate is { } d ? Check.DateText(d) : null,
            PromiseCount = i.PromiseCount,
            ContactsSuccessfulOnly = i.ContactsSuccessfulOnly,
            Notes = i.Notes,
        };
    }
}

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

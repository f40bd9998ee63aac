using FollowUp.Domain.Advice;
using FollowUp.Domain.Applications;
using FollowUp.Web.Data;
using FollowUp.Web.Infrastructure;
using static FollowUp.Web.Data.FollowUpDbContext;

namespace FollowUp.Web.Features.Applications;

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
            Date = DateText.Iso(DateOnly.FromDateTime(i.At)),
            Time = DateText.Iso(TimeOnly.FromDateTime(i.At)),
            Stage = i.Stage,
            PromiseKind = i.PromiseKind,
            PromiseDate = i.PromiseDate is { } d ? DateText.Iso(d) : null,
            PromiseCount = i.PromiseCount,
            ContactsSuccessfulOnly = i.ContactsSuccessfulOnly,
            Notes = i.Notes,
        };
    }
}

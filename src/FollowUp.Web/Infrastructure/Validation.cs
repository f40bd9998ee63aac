using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Localization;
using static FollowUp.Web.Data.FollowUpDbContext;

namespace FollowUp.Web.Infrastructure;

/// <summary>One problem with one field of a form, as a resource key plus arguments (translated at the edge).</summary>
/// <param name="Field">The model property the problem belongs to.</param>
/// <param name="MessageKey">Key in <c>SharedResource</c>.</param>
/// <param name="Args">Format arguments for the message.</param>
public sealed record FieldError(string Field, string MessageKey, params object[] Args);

/// <summary>A form model that can check itself. The same check runs in the form and in the service.</summary>
public interface IValidatedInput
{
    /// <summary>Every problem with the input; empty when it may be saved.</summary>
    IReadOnlyList<FieldError> Validate();
}

/// <summary>The outcome of a write: saved (with the row's id), rejected with field errors, or not found.</summary>
public sealed record SaveResult(bool Succeeded, int Id, IReadOnlyList<FieldError> Errors, bool NotFound = false)
{
    public static SaveResult Ok(int id) => new(true, id, []);

    public static SaveResult Invalid(IReadOnlyList<FieldError> errors) => new(false, 0, errors);

    public static SaveResult Missing { get; } = new(false, 0, [], NotFound: true);
}

/// <summary>
/// Puts an <see cref="IValidatedInput"/>'s errors, translated, beside the fields of the enclosing
/// <see cref="EditForm"/>; also shows errors the service returned (<see cref="ServerErrors"/>).
/// </summary>
public sealed class InputValidator : ComponentBase, IDisposable
{
    private ValidationMessageStore? _store;
    private EditContext? _subscribed;
    private IReadOnlyList<FieldError>? _shownServerErrors;

    [CascadingParameter] private EditContext? EditContext { get; set; }

    [Inject] private IStringLocalizer<SharedResource> L { get; set; } = default!;

    /// <summary>Errors from the last save attempt, shown until the next validation.</summary>
    [Parameter] public IReadOnlyList<FieldError>? ServerErrors { get; set; }

    protected override void OnParametersSet()
    {
        if (EditContext is null)
        {
            throw new InvalidOperationException($"{nameof(InputValidator)} must be inside an EditForm.");
        }
        if (!ReferenceEquals(_subscribed, EditContext))
        {
            Unsubscribe();
            _subscribed = EditContext;
            _store = new ValidationMessageStore(EditContext);
            EditContext.OnValidationRequested += OnValidationRequested;
            EditContext.OnFieldChanged += OnFieldChanged;
        }
        // Show a new set of server errors once; later re-renders of the form must not bring them back.
        if (ServerErrors is { Count: > 0 } && !ReferenceEquals(ServerErrors, _shownServerErrors))
        {
            _shownServerErrors = ServerErrors;
            Show(ServerErrors, field: null);
        }
    }

    private void OnValidationRequested(object? sender, ValidationRequestedEventArgs e) => Run(field: null);

    private void OnFieldChanged(object? sender, FieldChangedEventArgs e) => Run(e.FieldIdentifier);

    private void Run(FieldIdentifier? field)
    {
        if (EditContext?.Model is IValidatedInput input)
        {
            Show(input.Validate(), field);
        }
    }

    private void Show(IReadOnlyList<FieldError> errors, FieldIdentifier? field)
    {
        if (EditContext is null || _store is null)
        {
            return;
        }
        if (field is { } changed)
        {
            _store.Clear(changed);
        }
        else
        {
            _store.Clear();
        }
        foreach (var error in errors)
        {
            var target = Resolve(EditContext.Model, error.Field);
            if (field is null || target.Equals(field.Value))
            {
                _store.Add(target, L[error.MessageKey, error.Args].Value);
            }
        }
        EditContext.NotifyValidationStateChanged();
    }

    /// <summary>
    /// The field an error names: "Company" on the form's model, or "Policy.MaxCallAttempts" on the object in its
    /// <c>Policy</c> property (what <c>ValidationMessage For="() => model.Policy.MaxCallAttempts"</c> shows).
    /// </summary>
    internal static FieldIdentifier Resolve(object model, string path)
    {
        var parts = path.Split('.');
        var owner = model;
        foreach (var part in parts[..^1])
        {
            if (owner.GetType().GetProperty(part)?.GetValue(owner) is not { } inner)
            {
                return new FieldIdentifier(model, path);
            }
            owner = inner;
        }
        return new FieldIdentifier(owner, parts[^1]);
    }

    private void Unsubscribe()
    {
        if (_subscribed is not null)
        {
            _subscribed.OnValidationRequested -= OnValidationRequested;
            _subscribed.OnFieldChanged -= OnFieldChanged;
        }
    }

    public void Dispose() => Unsubscribe();
}

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
        if (!DateText.TryParseIso(value, out DateOnly date) || date < MinDate || date > MaxDate)
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
        if (!DateText.TryParseIso(value, out TimeOnly time))
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
}

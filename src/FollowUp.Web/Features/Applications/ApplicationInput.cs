using System.Net.Mail;
using FollowUp.Domain.Applications;
using FollowUp.Web.Data;
using FollowUp.Web.Features.NextSteps;
using FollowUp.Web.Infrastructure;
using static FollowUp.Web.Data.FollowUpDbContext;

namespace FollowUp.Web.Features.Applications;

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
                c.From == c.To ? DateText.Iso(c.From) : $"{DateText.Iso(c.From)}..{DateText.Iso(c.To)}")),
            CustomPolicy = a.Policy is not null,
            Policy = PolicyInput.From(a.Policy ?? userDefault ?? PolicySettings.Recommended),
        };
        input.FillCalendarFrom(a);
        return input;
    }
}

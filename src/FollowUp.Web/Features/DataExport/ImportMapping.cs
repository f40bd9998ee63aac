using FollowUp.Domain.Events;
using FollowUp.Web.Data;
using FollowUp.Web.Features.Applications;
using FollowUp.Web.Features.NextSteps;
using FollowUp.Web.Infrastructure;

namespace FollowUp.Web.Features.DataExport;

/// <summary>
/// An exported document's parts read back into the forms' input classes, so an imported row passes exactly
/// the checks a typed-in one does; problems are collected, not thrown.
/// </summary>
internal static class ImportMapping
{
    /// <summary>Reads an exported company calendar into a form; weekdays that are not weekdays are a problem.</summary>
    internal static void Imported(IExportedCalendar source, CompanyCalendarInput target, List<FieldError> errors)
    {
        target.OpensAt = source.OpensAt;
        target.ClosesAt = source.ClosesAt;
        target.ClosedWeekdays = [.. source.ClosedWeekdays ?? []];
        target.ObservesNationalHolidays = source.ObservesNationalHolidays;
        target.YearEndClosure = source.YearEndClosure;
        target.ObonClosure = source.ObonClosure;
        if ((source.ClosedWeekdays ?? []).Any(d => !Enum.IsDefined(d)))
        {
            errors.Add(new FieldError(nameof(CompanyCalendarInput.ClosedWeekdays), "Validation.Choice"));
        }
    }

    internal static JobApplication? ToApplication(ExportedApplication source, int n, string owner, DateTime now, ImportProblems problems)
    {
        var before = problems.Count;
        var company = source.Company;
        var input = new ApplicationInput
        {
            Company = source.Company,
            Position = source.Position,
            Route = source.Route,
            AgencyName = source.AgencyName,
            AgencyCoordinator = source.AgencyCoordinator,
            ContactPerson = source.ContactPerson,
            Phone = source.Phone,
            Email = source.Email,
            Notes = source.Notes,
            ExtraClosures = string.Join('\n', (source.Closures ?? []).Select(c => c is null ? "?" : $"{c.From}..{c.To}")),
            CustomPolicy = source.Policy is not null,
            Policy = PolicyInput.From(source.Policy ?? PolicySettings.Recommended),
        };
        var weekdayErrors = new List<FieldError>();
        Imported(source, input, weekdayErrors);
        var errors = input.Parse(out var closures, out var policy);
        errors.AddRange(weekdayErrors);
        var zone = source.TimeZoneId ?? TimeZones.DefaultId;
        if (!TimeZones.IsKnown(zone))
        {
            errors.Add(new FieldError(nameof(JobApplication.TimeZoneId), "Import.TimeZone", zone));
        }
        problems.AddRange(errors.Select(e => new ImportProblem(n, company, null, null, e)));
        var localNow = TimeZones.ToLocal(new DateTimeOffset(now, TimeSpan.Zero), zone);

        var interviews = source.Interviews ?? [];
        var events = source.Events ?? [];
        if (interviews.Count > DataImporter.MaxInterviewsPerApplication)
        {
            problems.Add(new ImportProblem(n, company, null, null, new FieldError("Interviews", "Import.TooManyInterviews", interviews.Count, DataImporter.MaxInterviewsPerApplication)));
        }
        if (events.Count > ApplicationService.MaxEventsPerApplication)
        {
            problems.Add(new ImportProblem(n, company, null, null, new FieldError("Events", "Import.TooManyEvents", events.Count, ApplicationService.MaxEventsPerApplication)));
        }
        var interviewRows = new List<Interview>();
        for (var i = 0; i < interviews.Count; i++)
        {
            var iv = interviews[i];
            var ivInput = iv is null ? new InterviewInput { Date = null } : new InterviewInput
            {
                Date = iv.Date,
                Time = iv.Time,
                Stage = iv.Stage,
                PromiseKind = iv.PromiseKind,
                PromiseDate = iv.PromiseDate,
                PromiseCount = iv.PromiseCount,
                ContactsSuccessfulOnly = iv.ContactsSuccessfulOnly,
                Notes = iv.Notes,
            };
            var ivErrors = ivInput.Parse(out var at, out var promiseDate);
            problems.AddRange(ivErrors.Select(e => new ImportProblem(n, company, "interview", i + 1, e)));
            if (ivErrors.Count == 0)
            {
                var row = new Interview { OwnerId = owner, CreatedAtUtc = Utc(iv!.CreatedAtUtc, now) };
                ivInput.ApplyTo(row, at, promiseDate);
                interviewRows.Add(row);
            }
        }
        var eventRows = new List<ContactEventRecord>();
        for (var i = 0; i < events.Count; i++)
        {
            var ev = events[i];
            var evInput = ev is null ? new EventInput { Date = null } : new EventInput
            {
                Kind = ev.Kind,
                Date = ev.Date,
                Time = ev.Time,
                Voicemail = ev.Voicemail ?? VoicemailKind.None,
                CallOutcome = ev.CallOutcome ?? CallOutcome.Reached,
                CallPurpose = ev.CallPurpose,
                EmailPurpose = ev.EmailPurpose ?? EmailPurpose.ThankYou,
                Channel = ev.Channel ?? ContactChannel.Phone,
                ResultOutcome = ev.ResultOutcome ?? ResultOutcome.UnderReview,
                NewDate = ev.NewDate,
                Note = ev.Note,
            };
            var evErrors = evInput.Parse(localNow, out var at, out var newDate);
            problems.AddRange(evErrors.Select(e => new ImportProblem(n, company, "event", i + 1, e)));
            if (evErrors.Count == 0)
            {
                var row = evInput.ToRecord(at, newDate);
                row.OwnerId = owner;
                row.CreatedAtUtc = Utc(ev!.CreatedAtUtc, now);
                eventRows.Add(row);
            }
        }
        if (problems.Count > before)
        {
            return null;
        }
        var app = new JobApplication
        {
            OwnerId = owner,
            TimeZoneId = zone,
            CreatedAtUtc = Utc(source.CreatedAtUtc, now),
            UpdatedAtUtc = Utc(source.UpdatedAtUtc, now),
            IsSample = source.IsSample,
        };
        input.ApplyTo(app, closures, policy);
        app.Interviews.AddRange(interviewRows);
        app.Events.AddRange(eventRows);
        return app;
    }

    private static DateTime Utc(DateTime? value, DateTime now) => value is { } v
        ? (v.Kind == DateTimeKind.Local ? v.ToUniversalTime() : DateTime.SpecifyKind(v, DateTimeKind.Utc))
        : now;

}

using FollowUp.Domain.Events;
using FollowUp.Domain.Scripts;
using FollowUp.Web.Data;
using FollowUp.Web.Features.Applications;
using FollowUp.Web.Features.NextSteps;
using FollowUp.Web.Features.Scripts;
using FollowUp.Web.Infrastructure;
using static FollowUp.Web.Data.FollowUpDbContext;

namespace FollowUp.Web.Features.DataExport;

/// <summary>
/// An exported document's parts read back into the forms' input classes, so an imported row passes exactly
/// the checks a typed-in one does; problems are collected, not thrown.
/// </summary>
internal static class ImportMapping
{
    /// <summary>The languages a script is kept in (<see cref="ScriptDraftRecord.Language"/>).</summary>
    internal static readonly string[] ScriptLanguages = ["ja", "en"];

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

    internal static ImportedApplication? ToApplication(ExportedApplication source, int n, string owner, DateTime now, ImportProblems problems)
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
        var answers = ToAnswers(source.ScriptAnswers, n, company, owner, now, problems);
        var drafts = ToDrafts(source.ScriptDrafts ?? [], n, company, owner, now, problems);
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
        return new ImportedApplication(app, answers, drafts);
    }

    /// <summary>The script page's answers, checked as the page checks them (<see cref="ScriptAnswersInput"/>) and kept as it keeps them.</summary>
    private static ScriptAnswersRecord? ToAnswers(ExportedScriptAnswers? source, int n, string? company, string owner, DateTime now, ImportProblems problems)
    {
        if (source is null)
        {
            return null;
        }
        var input = new ScriptAnswersInput
        {
            LateReason = source.LateReason,
            ReachableTimes = source.ReachableTimes,
            LearnedInInterview = source.LearnedInInterview,
            MessageMayNotHaveReached = source.MessageMayNotHaveReached,
            WritesInEnglish = source.WritesInEnglish,
        };
        var errors = input.Validate();
        problems.AddRange(errors.Select(e => new ImportProblem(n, company, "scriptAnswers", null, e)));
        return errors.Count > 0 ? null : new ScriptAnswersRecord
        {
            OwnerId = owner,
            LateReason = Check.Clean(input.LateReason),
            ReachableTimes = Check.Clean(input.ReachableTimes),
            LearnedInInterview = Check.Clean(input.LearnedInInterview),
            MessageMayNotHaveReached = input.MessageMayNotHaveReached,
            WritesInEnglish = input.WritesInEnglish,
            UpdatedAtUtc = Utc(source.UpdatedAtUtc, now),
        };
    }

    /// <summary>The edited scripts, checked as the page checks an edit: a known kind, <c>ja</c> or <c>en</c>, the lengths, one per kind and language.</summary>
    private static List<ScriptDraftRecord> ToDrafts(List<ExportedScriptDraft> source, int n, string? company, string owner, DateTime now, ImportProblems problems)
    {
        var rows = new List<ScriptDraftRecord>();
        if (source.Count > ImportScan.MaxScriptDraftsPerApplication)
        {
            problems.Add(new ImportProblem(n, company, null, null,
                new FieldError("ScriptDrafts", "Import.TooManyScriptDrafts", source.Count, ImportScan.MaxScriptDraftsPerApplication)));
            return rows;
        }
        var seen = new HashSet<(ScriptKind, string)>();
        for (var i = 0; i < source.Count; i++)
        {
            var draft = source[i];
            var errors = new List<FieldError>();
            if (draft is null)
            {
                errors.Add(new FieldError("ScriptDraft", "Import.Empty"));
            }
            else
            {
                if (!Enum.IsDefined(draft.Kind))
                {
                    errors.Add(new FieldError("ScriptKind", "Validation.Choice"));
                }
                var language = draft.Language?.Trim();
                if (language is null || !ScriptLanguages.Contains(language, StringComparer.Ordinal))
                {
                    errors.Add(new FieldError("ScriptLanguage", "Import.ScriptLanguage", draft.Language ?? ""));
                }
                Check.Length(errors, nameof(ScriptDraftRecord.Subject), draft.Subject, Limits.ShortText);
                if (draft.Body is null)
                {
                    errors.Add(new FieldError(nameof(ScriptDraftRecord.Body), "Validation.Required"));
                }
                Check.Length(errors, nameof(ScriptDraftRecord.Body), draft.Body, Limits.Note);
                if (errors.Count == 0 && !seen.Add((draft.Kind, language!)))
                {
                    errors.Add(new FieldError("ScriptDraft", "Import.DuplicateScriptDraft", draft.Kind, language!));
                }
                if (errors.Count == 0)
                {
                    rows.Add(new ScriptDraftRecord
                    {
                        OwnerId = owner,
                        Kind = draft.Kind,
                        Language = language!,
                        Subject = draft.Subject,
                        Body = draft.Body!,
                        UpdatedAtUtc = Utc(draft.UpdatedAtUtc, now),
                    });
                }
            }
            problems.AddRange(errors.Select(e => new ImportProblem(n, company, "scriptDraft", i + 1, e)));
        }
        return rows;
    }

    private static DateTime Utc(DateTime? value, DateTime now) => value is { } v
        ? (v.Kind == DateTimeKind.Local ? v.ToUniversalTime() : DateTime.SpecifyKind(v, DateTimeKind.Utc))
        : now;
}

/// <summary>An imported application with what the script page keeps for it (written with it by <see cref="ImportWriter"/>).</summary>
/// <param name="Application">The application with its closures, interviews and events.</param>
/// <param name="ScriptAnswers">The script page's answers, or null.</param>
/// <param name="ScriptDrafts">The edited scripts.</param>
internal sealed record ImportedApplication(JobApplication Application, ScriptAnswersRecord? ScriptAnswers, IReadOnlyList<ScriptDraftRecord> ScriptDrafts);

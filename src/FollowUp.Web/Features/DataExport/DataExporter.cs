using FollowUp.Web.Data;
using FollowUp.Web.Features.Applications;
using FollowUp.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FollowUp.Web.Features.DataExport;

/// <summary>
/// Export of the signed-in user's data as one JSON document (complete, re-importable by <see cref="DataImporter"/>).
/// Every read is scoped to <see cref="ICurrentUser"/>.
/// </summary>
public sealed class DataExporter(
    IDbContextFactory<FollowUpDbContext> dbFactory,
    ICurrentUser currentUser,
    TimeProvider clock,
    ILogger<DataExporter> logger)
{
    public async Task<ExportDocument> ExportAsync(CancellationToken ct = default)
    {
        var owner = await currentUser.IdAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var user = await db.Users.AsNoTracking().FirstAsync(u => u.Id == owner, ct);
        var defaults = await db.DefaultsOf(owner).AsNoTracking().FirstOrDefaultAsync(ct);
        var apps = await db.ApplicationsOf(owner).AsNoTracking().OrderBy(a => a.Id).ToListAsync(ct);
        var closures = (await db.ClosuresOf(owner).AsNoTracking()
                .OrderBy(c => c.From).ThenBy(c => c.Id).ToListAsync(ct))
            .ToLookup(c => c.ApplicationId);
        var interviews = (await db.InterviewsOf(owner).AsNoTracking().OrderBy(i => i.At).ThenBy(i => i.Id).ToListAsync(ct))
            .ToLookup(i => i.ApplicationId);
        var events = (await db.EventsOf(owner).AsNoTracking().OrderBy(e => e.At).ThenBy(e => e.Id).ToListAsync(ct))
            .ToLookup(e => e.ApplicationId);
        var answers = (await db.ScriptAnswersOf(owner).AsNoTracking().ToListAsync(ct)).ToDictionary(x => x.ApplicationId);
        var drafts = (await db.ScriptDraftsOf(owner).AsNoTracking().ToListAsync(ct))
            .OrderBy(d => d.Kind).ThenBy(d => d.Language, StringComparer.Ordinal).ThenBy(d => d.Id)
            .ToLookup(d => d.ApplicationId);
        logger.LogInformation("Data exported: {ApplicationCount} applications", apps.Count);
        return new ExportDocument
        {
            ExportedAtUtc = clock.GetUtcNow().UtcDateTime,
            Profile = new ExportedProfile
            {
                Email = user.Email,
                FullName = user.FullName,
                Furigana = user.Furigana,
                Affiliation = user.Affiliation,
                Phone = user.PhoneNumber,
                Culture = user.Culture,
                TimeZoneId = user.TimeZoneId,
            },
            Defaults = defaults is null ? null : Exported(new ExportedDefaults { Policy = defaults.Policy }, defaults),
            Applications = [.. apps.Select(a => Exported(new ExportedApplication
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
                TimeZoneId = a.TimeZoneId,
                Closures = [.. closures[a.Id].Select(c => new ExportedClosure { From = DateText.Iso(c.From), To = DateText.Iso(c.To) })],
                Policy = a.Policy,
                IsSample = a.IsSample,
                CreatedAtUtc = a.CreatedAtUtc,
                UpdatedAtUtc = a.UpdatedAtUtc,
                Interviews = [.. interviews[a.Id].Select(i => new ExportedInterview
                {
                    Date = DateText.Iso(DateOnly.FromDateTime(i.At)),
                    Time = DateText.Iso(TimeOnly.FromDateTime(i.At)),
                    Stage = i.Stage,
                    PromiseKind = i.PromiseKind,
                    PromiseDate = i.PromiseDate is { } d ? DateText.Iso(d) : null,
                    PromiseCount = i.PromiseCount,
                    ContactsSuccessfulOnly = i.ContactsSuccessfulOnly,
                    Notes = i.Notes,
                    CreatedAtUtc = i.CreatedAtUtc,
                })],
                Events = [.. events[a.Id].Select(e => new ExportedEvent
                {
                    Kind = e.Kind,
                    Date = DateText.Iso(DateOnly.FromDateTime(e.At)),
                    Time = DateText.Iso(TimeOnly.FromDateTime(e.At)),
                    Voicemail = e.Voicemail,
                    CallOutcome = e.CallOutcome,
                    CallPurpose = e.CallPurpose,
                    EmailPurpose = e.EmailPurpose,
                    Channel = e.Channel,
                    ResultOutcome = e.ResultOutcome,
                    NewDate = e.NewDate is { } n ? DateText.Iso(n) : null,
                    Note = e.Note,
                    CreatedAtUtc = e.CreatedAtUtc,
                })],
                ScriptAnswers = answers.TryGetValue(a.Id, out var s) ? new ExportedScriptAnswers
                {
                    LateReason = s.LateReason,
                    ReachableTimes = s.ReachableTimes,
                    LearnedInInterview = s.LearnedInInterview,
                    MessageMayNotHaveReached = s.MessageMayNotHaveReached,
                    WritesInEnglish = s.WritesInEnglish,
                    UpdatedAtUtc = s.UpdatedAtUtc,
                } : null,
                ScriptDrafts = [.. drafts[a.Id].Select(d => new ExportedScriptDraft
                {
                    Kind = d.Kind,
                    Language = d.Language,
                    Subject = d.Subject,
                    Body = d.Body,
                    UpdatedAtUtc = d.UpdatedAtUtc,
                })],
            }, a))],
        };
    }

    /// <summary>Writes a stored company calendar into an exported one.</summary>
    private static T Exported<T>(T target, CalendarColumns source)
        where T : IExportedCalendar
    {
        target.OpensAt = DateText.Iso(source.OpensAt);
        target.ClosesAt = DateText.Iso(source.ClosesAt);
        target.ClosedWeekdays = [.. CompanyCalendarInput.Weekdays(source.ClosedWeekdays)];
        target.ObservesNationalHolidays = source.ObservesNationalHolidays;
        target.YearEndClosure = source.YearEndClosure;
        target.ObonClosure = source.ObonClosure;
        return target;
    }
}

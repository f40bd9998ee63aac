using System.Globalization;
using System.Text;
using System.Text.Json;
using FollowUp.Domain.Applications;
using FollowUp.Domain.Events;
using FollowUp.Web.Data;
using FollowUp.Web.Features.Applications;
using FollowUp.Web.Features.NextSteps;
using FollowUp.Web.Features.Profile;
using FollowUp.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace FollowUp.Web.Features.DataExport;

/// <summary>Where in the imported file a problem is: the application (1-based) and, inside it, an interview or event.</summary>
/// <param name="Application">1-based position of the application in the file; null for the file or profile.</param>
/// <param name="Company">The application's company as written in the file.</param>
/// <param name="Section">"interview", "event", "profile", "defaults" or null for the application itself.</param>
/// <param name="Item">1-based position inside the section.</param>
/// <param name="Error">What is wrong, as a resource key with arguments and the field.</param>
public sealed record ImportProblem(int? Application, string? Company, string? Section, int? Item, FieldError Error);

/// <summary>
/// The outcome of an import: all of it saved (applications already in the account skipped and named), or nothing
/// saved and the problems found (the first <see cref="DataExportService.MaxProblemsReported"/> of
/// <see cref="ProblemCount"/>).
/// </summary>
public sealed record ImportReport(bool Succeeded, int Applications, int Interviews, int Events, bool ProfileUpdated, IReadOnlyList<ImportProblem> Problems)
{
    /// <summary>How many problems were found (more than <see cref="Problems"/> lists when it is capped).</summary>
    public int ProblemCount { get; init; }

    /// <summary>The companies of the applications that were already in the account and were not imported again.</summary>
    public IReadOnlyList<string> Skipped { get; init; } = [];

    public static ImportReport Rejected(IReadOnlyList<ImportProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        return new(false, 0, 0, 0, false, problems) { ProblemCount = problems.Count };
    }

    public static ImportReport Rejected(ImportProblems problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        return new(false, 0, 0, 0, false, problems.Listed) { ProblemCount = problems.Count };
    }

    public static ImportReport FileProblem(string key, params object[] args) =>
        Rejected([new ImportProblem(null, null, null, null, new FieldError("File", key, args))]);
}

/// <summary>
/// Export (JSON, complete; CSV, one row per application with its next step) and import of the signed-in
/// user's data. Every read and write is scoped to <see cref="ICurrentUser"/>; import validates every row with
/// the forms' own input classes and saves all of it in one transaction, or nothing.
/// </summary>
public sealed class DataExportService(
    IDbContextFactory<FollowUpDbContext> dbFactory,
    ICurrentUser currentUser,
    ApplicationService applications,
    TimeProvider clock,
    ILogger<DataExportService> logger,
    Reminders.IApplicationChanged? changed = null)
{
    /// <summary>Largest file the import accepts.</summary>
    public const long MaxImportBytes = 5 * 1024 * 1024;

    /// <summary>Most problems listed in one report (the rest are only counted).</summary>
    public const int MaxProblemsReported = 100;

    /// <summary>Most interviews one imported application may carry.</summary>
    public const int MaxInterviewsPerApplication = ApplicationService.MaxEventsPerApplication;

    public async Task<ExportDocument> ExportAsync(CancellationToken ct = default)
    {
        var owner = await currentUser.IdAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var user = await db.Users.AsNoTracking().FirstAsync(u => u.Id == owner, ct);
        var defaults = await db.DefaultsOf(owner).AsNoTracking().FirstOrDefaultAsync(ct);
        var apps = await db.ApplicationsOf(owner).AsNoTracking().OrderBy(a => a.Id).ToListAsync(ct);
        var closures = (await db.Closures.AsNoTracking()
                .Where(c => db.Applications.Any(a => a.Id == c.ApplicationId && a.OwnerId == owner))
                .OrderBy(c => c.From).ThenBy(c => c.Id).ToListAsync(ct))
            .ToLookup(c => c.ApplicationId);
        var interviews = (await db.InterviewsOf(owner).AsNoTracking().OrderBy(i => i.At).ThenBy(i => i.Id).ToListAsync(ct))
            .ToLookup(i => i.ApplicationId);
        var events = (await db.EventsOf(owner).AsNoTracking().OrderBy(e => e.At).ThenBy(e => e.Id).ToListAsync(ct))
            .ToLookup(e => e.ApplicationId);
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
                Closures = [.. closures[a.Id].Select(c => new ExportedClosure { From = DateText(c.From), To = DateText(c.To) })],
                Policy = a.Policy,
                IsSample = a.IsSample,
                CreatedAtUtc = a.CreatedAtUtc,
                UpdatedAtUtc = a.UpdatedAtUtc,
                Interviews = [.. interviews[a.Id].Select(i => new ExportedInterview
                {
                    Date = DateText(DateOnly.FromDateTime(i.At)),
                    Time = TimeText(TimeOnly.FromDateTime(i.At)),
                    Stage = i.Stage,
                    PromiseKind = i.PromiseKind,
                    PromiseDate = i.PromiseDate is { } d ? DateText(d) : null,
                    PromiseCount = i.PromiseCount,
                    ContactsSuccessfulOnly = i.ContactsSuccessfulOnly,
                    Notes = i.Notes,
                    CreatedAtUtc = i.CreatedAtUtc,
                })],
                Events = [.. events[a.Id].Select(e => new ExportedEvent
                {
                    Kind = e.Kind,
                    Date = DateText(DateOnly.FromDateTime(e.At)),
                    Time = TimeText(TimeOnly.FromDateTime(e.At)),
                    Voicemail = e.Voicemail,
                    CallOutcome = e.CallOutcome,
                    CallPurpose = e.CallPurpose,
                    EmailPurpose = e.EmailPurpose,
                    Channel = e.Channel,
                    ResultOutcome = e.ResultOutcome,
                    NewDate = e.NewDate is { } n ? DateText(n) : null,
                    Note = e.Note,
                    CreatedAtUtc = e.CreatedAtUtc,
                })],
            }, a))],
        };
    }

    /// <summary>Writes a stored company calendar into an exported one.</summary>
    private static T Exported<T>(T target, CalendarColumns source)
        where T : IExportedCalendar
    {
        target.OpensAt = TimeText(source.OpensAt);
        target.ClosesAt = TimeText(source.ClosesAt);
        target.ClosedWeekdays = [.. CompanyCalendarInput.Weekdays(source.ClosedWeekdays)];
        target.ObservesNationalHolidays = source.ObservesNationalHolidays;
        target.YearEndClosure = source.YearEndClosure;
        target.ObonClosure = source.ObonClosure;
        return target;
    }

    /// <summary>Reads an exported company calendar into a form; weekdays that are not weekdays are a problem.</summary>
    private static void Imported(IExportedCalendar source, CompanyCalendarInput target, List<FieldError> errors)
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

    /// <summary>One row per application with its next step, in the current UI language (UTF-8 with BOM, for Excel).</summary>
    public async Task<byte[]> ExportCsvAsync(IStringLocalizer l, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(l);
        var rows = await applications.ListAsync(ct);
        var csv = new StringBuilder();
        AppendRow(csv, [
            l["Csv.Company"], l["Csv.Position"], l["Csv.Route"], l["Csv.Agency"], l["Csv.LatestInterview"],
            l["Csv.NextStep"], l["Csv.From"], l["Csv.Until"], l["Csv.Overdue"], l["Csv.Events"], l["Csv.UpdatedUtc"]]);
        foreach (var row in rows)
        {
            var step = row.Advice.Primary;
            AppendRow(csv, [
                row.Company,
                row.Position,
                l.Of(row.Route),
                row.AgencyName,
                Absolute(row.LatestInterviewAt),
                step is null ? l["Csv.NoStep"].Value : l[$"Step.{step.Kind}"].Value,
                Absolute(step?.OpensAt),
                Absolute(step?.ClosesAt),
                step is { Overdue: true } ? l["Csv.Yes"].Value : null,
                row.EventCount.ToString(CultureInfo.InvariantCulture),
                row.UpdatedAtUtc.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)]);
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    /// <summary>
    /// Reads a file (at most <see cref="MaxImportBytes"/>) as a stream and imports it. A first pass counts every list
    /// without building anything (<see cref="ImportScan"/>), so a file over the limits is refused before it is
    /// deserialized; then the document is read and imported (<see cref="ImportAsync(ExportDocument, CancellationToken)"/>).
    /// A UTF-8 byte-order mark is accepted.
    /// </summary>
    public async Task<ImportReport> ImportAsync(Stream file, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        var owner = await currentUser.IdAsync();
        MemoryStream? copy = null;
        try
        {
            if (!file.CanSeek)
            {
                // Both passes need the start again; a form upload is seekable, other callers are copied (bounded).
                copy = new MemoryStream();
                await CopyBoundedAsync(file, copy, MaxImportBytes + 1, ct);
                copy.Position = 0;
                file = copy;
            }
            var origin = file.Position;
            var scan = await ImportScan.ReadAsync(file, MaxImportBytes, ct);
            if (scan.TooLarge)
            {
                return ImportReport.FileProblem("Import.TooLarge", MaxImportBytes / (1024 * 1024));
            }
            if (scan.SyntaxError is { } error)
            {
                return ImportReport.FileProblem("Import.NotJson", error.Path, error.Line);
            }
            if (scan.Applications > ApplicationService.MaxApplicationsPerUser)
            {
                // The file alone is over the account's limit: no need to read a single application of it.
                await using var db = await dbFactory.CreateDbContextAsync(ct);
                var existing = await db.ApplicationsOf(owner).CountAsync(ct);
                scan.Problems.Add(new ImportProblem(null, null, null, null,
                    new FieldError("File", "Import.TooManyApplications", scan.Applications, existing, ApplicationService.MaxApplicationsPerUser)));
            }
            if (scan.Rows > ImportScan.MaxRowsPerImport)
            {
                scan.Problems.Add(new ImportProblem(null, null, null, null,
                    new FieldError("File", "Import.TooManyRows", scan.Rows, ImportScan.MaxRowsPerImport)));
            }
            if (scan.Problems.Count > 0)
            {
                logger.LogInformation("Import refused from its counts: {ProblemCount} problems", scan.Problems.Count);
                return ImportReport.Rejected(scan.Problems);
            }

            file.Position = origin;
            ExportDocument? document;
            try
            {
                document = await JsonSerializer.DeserializeAsync<ExportDocument>(file, ExportDocument.JsonOptions, ct);
            }
            catch (JsonException e)
            {
                return ImportReport.FileProblem("Import.NotJson", e.Path ?? "$", (e.LineNumber ?? 0) + 1);
            }
            return document is null ? ImportReport.FileProblem("Import.NotExport") : await ImportAsync(document, ct);
        }
        finally
        {
            if (copy is not null)
            {
                await copy.DisposeAsync();
            }
        }
    }

    private static async Task CopyBoundedAsync(Stream source, Stream target, long max, CancellationToken ct)
    {
        var chunk = new byte[81920];
        long total = 0;
        int read;
        while (total <= max && (read = await source.ReadAsync(chunk, ct)) > 0)
        {
            total += read;
            await target.WriteAsync(chunk.AsMemory(0, read), ct);
        }
    }

    /// <summary>
    /// Adds the document's applications (with closures, interviews and events) to the signed-in user's data
    /// and fills the profile fields the document carries. Applications the account already holds (same company,
    /// position, route, agency and interview times) are skipped and named in the report. The counts are checked
    /// first, then everything else is validated with the forms' input classes; one problem anywhere and nothing is
    /// written.
    /// </summary>
    public async Task<ImportReport> ImportAsync(ExportDocument document, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        var owner = await currentUser.IdAsync();
        if (document.Format != ExportDocument.FormatName)
        {
            return ImportReport.FileProblem("Import.NotExport");
        }
        if (document.Version != ExportDocument.CurrentVersion)
        {
            return ImportReport.FileProblem("Import.Version", document.Version, ExportDocument.CurrentVersion);
        }
        var problems = new ImportProblems();
        var now = clock.GetUtcNow().UtcDateTime;
        var apps = document.Applications ?? [];

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var existingKeys = await ExistingKeysAsync(db, owner, ct);
        var skipped = new List<string>();
        var incoming = new List<(int Position, ExportedApplication Source)>();
        for (var n = 0; n < apps.Count; n++)
        {
            if (apps[n] is { } a && existingKeys.Contains(DuplicateKey(a)))
            {
                skipped.Add(a.Company!.Trim());
            }
            else
            {
                incoming.Add((n + 1, apps[n]));
            }
        }
        if (existingKeys.Count + incoming.Count > ApplicationService.MaxApplicationsPerUser)
        {
            problems.Add(new ImportProblem(null, null, null, null,
                new FieldError("File", "Import.TooManyApplications", apps.Count, existingKeys.Count, ApplicationService.MaxApplicationsPerUser)));
            logger.LogInformation("Import rejected: {ApplicationCount} applications over the limit", apps.Count);
            return ImportReport.Rejected(problems);
        }

        var rows = new List<JobApplication>();
        var interviewCount = 0;
        var eventCount = 0;
        foreach (var (position, source) in incoming)
        {
            if (source is null)
            {
                problems.Add(new ImportProblem(position, null, null, null, new FieldError("Application", "Import.Empty")));
                continue;
            }
            var row = ToApplication(source, position, owner, now, problems);
            if (row is not null)
            {
                rows.Add(row);
                interviewCount += row.Interviews.Count;
                eventCount += row.Events.Count;
            }
        }
        var profile = document.Profile is { } p
            ? new ProfileInput { FullName = p.FullName, Furigana = p.Furigana, Affiliation = p.Affiliation, Phone = p.Phone }
            : null;
        foreach (var error in profile?.Validate() ?? [])
        {
            problems.Add(new ImportProblem(null, null, "profile", null, error));
        }
        var profileZone = document.Profile?.TimeZoneId;
        if (profileZone is not null && !KnownZone(profileZone))
        {
            problems.Add(new ImportProblem(null, null, "profile", null, new FieldError("TimeZoneId", "Import.TimeZone", profileZone)));
        }
        DefaultsInput? defaultsInput = null;
        PolicySettings? defaultPolicy = null;
        if (document.Defaults is { } def)
        {
            defaultsInput = new DefaultsInput { Policy = PolicyInput.From(def.Policy ?? PolicySettings.Recommended) };
            var errors = new List<FieldError>();
            Imported(def, defaultsInput, errors);
            errors.InsertRange(0, defaultsInput.Parse(out defaultPolicy));
            problems.AddRange(errors.Select(e => new ImportProblem(null, null, "defaults", null, e)));
        }
        var culture = document.Profile?.Culture;
        if (culture is not null && !LocalizationSetup.Cultures.Contains(culture))
        {
            problems.Add(new ImportProblem(null, null, "profile", null, new FieldError("Culture", "Validation.Choice")));
        }
        if (problems.Count > 0)
        {
            logger.LogInformation("Import rejected: {ProblemCount} problems", problems.Count);
            return ImportReport.Rejected(problems);
        }

        var profileUpdated = false;
        if (document.Profile is { } prof)
        {
            var user = await db.Users.FirstAsync(u => u.Id == owner, ct);
            profileUpdated |= Fill(prof.FullName, v => user.FullName = v);
            profileUpdated |= Fill(prof.Furigana, v => user.Furigana = v);
            profileUpdated |= Fill(prof.Affiliation, v => user.Affiliation = v);
            profileUpdated |= Fill(prof.Phone, v => user.PhoneNumber = v);
            profileUpdated |= Fill(prof.Culture, v => user.Culture = v);
            profileUpdated |= Fill(prof.TimeZoneId, v => user.TimeZoneId = v);
        }
        if (defaultsInput is not null)
        {
            await DefaultsService.StageAsync(db, owner, defaultsInput, defaultPolicy!, now, ct);
            profileUpdated = true;
        }
        await db.SaveChangesAsync(ct);
        await ImportWriter.WriteAsync(db, rows, ct);
        await tx.CommitAsync(ct);
        // Imported interviews get their reminders like ones typed in; with new default rules, so do the ones that follow them.
        var replan = rows.Select(r => r.Id).ToHashSet();
        if (defaultsInput is not null)
        {
            replan.UnionWith(await DefaultsService.FollowingDefaultsAsync(db, owner, ct));
        }
        await (changed?.ChangedAsync(owner, replan, ct) ?? Task.CompletedTask);
        logger.LogInformation("Import saved: {ApplicationCount} applications, {InterviewCount} interviews, {EventCount} events, {SkippedCount} already there",
            rows.Count, interviewCount, eventCount, skipped.Count);
        return new ImportReport(true, rows.Count, interviewCount, eventCount, profileUpdated, []) { Skipped = skipped };
    }

    /// <summary>The duplicate keys of the applications the account holds.</summary>
    private static async Task<HashSet<string>> ExistingKeysAsync(FollowUpDbContext db, string owner, CancellationToken ct)
    {
        var apps = await db.ApplicationsOf(owner).AsNoTracking()
            .Select(a => new { a.Id, a.Company, a.Position, a.Route, a.AgencyName }).ToListAsync(ct);
        var interviews = (await db.InterviewsOf(owner).AsNoTracking().Select(i => new { i.ApplicationId, i.At }).ToListAsync(ct))
            .ToLookup(i => i.ApplicationId, i => i.At);
        return [.. apps.Select(a => Key(a.Company, a.Position, a.Route, a.AgencyName, interviews[a.Id]))];
    }

    /// <summary>
    /// What makes an imported application the same as one already there: company, position, route, agency and
    /// the times of its interviews (the same file imported twice, or an export brought back into its own account).
    /// </summary>
    private static string DuplicateKey(ExportedApplication a)
    {
        var times = (a.Interviews ?? []).Select(i =>
            i is not null
            && DateOnly.TryParseExact(i.Date?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            && TimeOnly.TryParseExact(string.IsNullOrWhiteSpace(i.Time) ? "00:00" : i.Time.Trim(), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t)
                ? d.ToDateTime(t)
                : DateTime.MinValue);
        return string.IsNullOrWhiteSpace(a.Company) ? "\0" : Key(a.Company, a.Position, a.Route, a.AgencyName, times);
    }

    private static string Key(string company, string? position, ApplicationRoute route, string? agency, IEnumerable<DateTime> interviews) =>
        string.Join('\u001f', company.Trim(), position?.Trim() ?? "", (int)route, agency?.Trim() ?? "",
            string.Join(',', interviews.Order().Select(t => t.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture))));

    private static bool Fill(string? value, Action<string> set)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }
        set(value.Trim());
        return true;
    }

    private static JobApplication? ToApplication(ExportedApplication source, int n, string owner, DateTime now, ImportProblems problems)
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
        var zone = source.TimeZoneId ?? "Asia/Tokyo";
        if (!KnownZone(zone))
        {
            errors.Add(new FieldError(nameof(JobApplication.TimeZoneId), "Import.TimeZone", zone));
        }
        problems.AddRange(errors.Select(e => new ImportProblem(n, company, null, null, e)));
        var localNow = DomainMapping.ToLocal(new DateTimeOffset(now, TimeSpan.Zero), zone);

        var interviews = source.Interviews ?? [];
        var events = source.Events ?? [];
        if (interviews.Count > MaxInterviewsPerApplication)
        {
            problems.Add(new ImportProblem(n, company, null, null, new FieldError("Interviews", "Import.TooManyInterviews", interviews.Count, MaxInterviewsPerApplication)));
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

    private static bool KnownZone(string id) => id.Length <= 64 && TimeZoneInfo.TryFindSystemTimeZoneById(id, out _);

    private static string DateText(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string TimeText(TimeOnly t) => t.ToString("HH:mm", CultureInfo.InvariantCulture);

    // A file is read later: dates in it are absolute (never "today"), in one sortable style.
    private static string? Absolute(DateTime? at) => at?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static void AppendRow(StringBuilder csv, string?[] cells)
    {
        csv.AppendJoin(',', cells.Select(Cell)).Append("\r\n");
    }

    /// <summary>Quotes every cell; a leading = + - @ tab or CR gets a ' so spreadsheets do not run it as a formula.</summary>
    internal static string Cell(string? value)
    {
        var text = value ?? "";
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            text = "'" + text;
        }
        return "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}

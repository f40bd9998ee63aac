using System.Globalization;
using System.Text.Json;
using FollowUp.Domain.Applications;
using FollowUp.Web.Data;
using FollowUp.Web.Features.Applications;
using FollowUp.Web.Features.NextSteps;
using FollowUp.Web.Features.Profile;
using FollowUp.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static FollowUp.Web.Features.DataExport.ImportMapping;

namespace FollowUp.Web.Features.DataExport;

/// <summary>
/// Import of an exported document into the signed-in user's data. Every read and write is scoped to
/// <see cref="ICurrentUser"/>; every row is validated with the forms' own input classes
/// (<see cref="ImportMapping"/>) and all of it is saved in one transaction, or nothing.
/// </summary>
public sealed class DataImporter(
    IDbContextFactory<FollowUpDbContext> dbFactory,
    ICurrentUser currentUser,
    TimeProvider clock,
    ILogger<DataImporter> logger,
    Reminders.IApplicationChanged changed)
{
    /// <summary>Largest file the import accepts.</summary>
    public const long MaxImportBytes = 5 * 1024 * 1024;

    /// <summary>Most problems listed in one report (the rest are only counted).</summary>
    public const int MaxProblemsReported = 100;

    /// <summary>Most interviews one imported application may carry.</summary>
    public const int MaxInterviewsPerApplication = ApplicationService.MaxEventsPerApplication;

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
                return ImportReport.TooLarge();
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
    /// Adds the document's applications (with closures, interviews, events, script answers and edited scripts) to the signed-in user's data
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

        var rows = new List<ImportedApplication>();
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
                interviewCount += row.Application.Interviews.Count;
                eventCount += row.Application.Events.Count;
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
        if (profileZone is not null && !TimeZones.IsKnown(profileZone))
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
        if (culture is not null && !AppCultures.IsSupported(culture))
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
        var replan = rows.Select(r => r.Application.Id).ToHashSet();
        if (defaultsInput is not null)
        {
            replan.UnionWith(await DefaultsService.FollowingDefaultsAsync(db, owner, ct));
        }
        await changed.ChangedAsync(owner, replan, ct);
        logger.LogInformation("Import saved: {ApplicationCount} applications, {InterviewCount} interviews, {EventCount} events, {SkippedCount} already there",
            rows.Count, interviewCount, eventCount, skipped.Count);
        return new ImportReport(true, rows.Count, interviewCount, eventCount, profileUpdated, [])
        {
            ScriptAnswers = rows.Count(r => r.ScriptAnswers is not null),
            ScriptEdits = rows.Sum(r => r.ScriptDrafts.Count),
            Skipped = skipped,
        };
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
}

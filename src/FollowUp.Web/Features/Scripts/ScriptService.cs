using FollowUp.Domain.Scripts;
using FollowUp.Web.Data;
using FollowUp.Web.Features.Applications;
using FollowUp.Web.Features.NextSteps;
using FollowUp.Web.Features.Profile;
using FollowUp.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static FollowUp.Web.Data.FollowUpDbContext;

namespace FollowUp.Web.Features.Scripts;

/// <summary>The script page's questions (issue 13, point 5) and the script language (point 6), as a form.</summary>
public sealed class ScriptAnswersInput : IValidatedInput
{
    public string? LateReason { get; set; }
    public string? ReachableTimes { get; set; }
    public string? LearnedInInterview { get; set; }
    public bool MessageMayNotHaveReached { get; set; }

    /// <summary>The scripts to this company are written in English (default: Japanese, ADR 0022).</summary>
    public bool WritesInEnglish { get; set; }

    /// <summary>The answers as the scripts take them.</summary>
    public ScriptAnswers ToAnswers() => new(LateReason, ReachableTimes, LearnedInInterview, MessageMayNotHaveReached);

    /// <summary>The language the scripts are written in.</summary>
    public ScriptLanguage Language => WritesInEnglish ? ScriptLanguage.English : ScriptLanguage.Japanese;

    public IReadOnlyList<FieldError> Validate()
    {
        var errors = new List<FieldError>();
        Check.Length(errors, nameof(LateReason), LateReason, Limits.ShortText);
        Check.Length(errors, nameof(ReachableTimes), ReachableTimes, Limits.ShortText);
        Check.Length(errors, nameof(LearnedInInterview), LearnedInInterview, Limits.ShortText);
        return errors;
    }
}

/// <summary>A script as the user edited it in the app.</summary>
/// <param name="Subject">The subject (emails), or null.</param>
/// <param name="Body">The text.</param>
public sealed record ScriptEdit(string? Subject, string Body);

/// <summary>Everything the script page shows for one application and one kind of script.</summary>
public sealed record ScriptPageData(
    ApplicationDetail Detail,
    ApplicationAdvice Advice,
    CandidateProfile Profile,
    ScriptAnswersInput Answers,
    IReadOnlyDictionary<ScriptLanguage, ScriptEdit> Edits);

/// <summary>
/// The script page's data: the application, the user's profile (through <see cref="ProfileService"/>), their answers
/// and their edits, each scoped to the signed-in user; a forged application id finds nothing and writes nothing.
/// </summary>
public sealed class ScriptService(
    IDbContextFactory<FollowUpDbContext> dbFactory,
    ApplicationService applications,
    ProfileService profiles,
    ICurrentUser currentUser,
    TimeProvider clock)
{
    /// <summary>The page's data, or null when the application is not the user's.</summary>
    public async Task<ScriptPageData?> GetAsync(int applicationId, ScriptKind kind, CancellationToken ct = default)
    {
        var detail = await applications.GetAsync(applicationId, ct);
        if (detail is null)
        {
            return null;
        }

        var owner = await currentUser.IdAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.ScriptAnswersOf(owner).AsNoTracking().FirstOrDefaultAsync(a => a.ApplicationId == applicationId, ct);
        var edits = await db.ScriptDraftsOf(owner).AsNoTracking()
            .Where(d => d.ApplicationId == applicationId && d.Kind == kind)
            .ToListAsync(ct);
        var answers = new ScriptAnswersInput
        {
            LateReason = row?.LateReason,
            ReachableTimes = row?.ReachableTimes,
            LearnedInInterview = row?.LearnedInInterview,
            MessageMayNotHaveReached = row?.MessageMayNotHaveReached ?? false,
            WritesInEnglish = row?.WritesInEnglish ?? false,
        };
        return new ScriptPageData(
            detail, applications.AdviceFor(detail), await profiles.CandidateAsync(ct), answers,
            edits.ToDictionary(e => LanguageOf(e.Language), e => new ScriptEdit(e.Subject, e.Body)));
    }

    /// <summary>Remembers the answers and the script language for the application; nothing is written when they are refused.</summary>
    public async Task<SaveResult> SaveAnswersAsync(int applicationId, ScriptAnswersInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = input.Validate();
        if (errors.Count > 0)
        {
            return SaveResult.Invalid(errors);
        }

        return await WriteForApplicationAsync(applicationId, async (db, owner) =>
        {
            var row = await db.ScriptAnswersOf(owner).FirstOrDefaultAsync(a => a.ApplicationId == applicationId, ct);
            if (row is null)
            {
                row = new ScriptAnswersRecord { ApplicationId = applicationId, OwnerId = owner };
                db.ScriptAnswers.Add(row);
            }

            row.LateReason = Check.Clean(input.LateReason);
            row.ReachableTimes = Check.Clean(input.ReachableTimes);
            row.LearnedInInterview = Check.Clean(input.LearnedInInterview);
            row.MessageMayNotHaveReached = input.MessageMayNotHaveReached;
            row.WritesInEnglish = input.WritesInEnglish;
            row.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
            return () => applicationId;
        }, ct);
    }

    /// <summary>Keeps the user's edit of one script (application, kind, language); too long a text is refused and nothing is written.</summary>
    public async Task<SaveResult> SaveEditAsync(int applicationId, ScriptKind kind, ScriptLanguage language, ScriptEdit edit, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(edit);
        var errors = new List<FieldError>();
        Check.Length(errors, nameof(ScriptEdit.Subject), edit.Subject, Limits.ShortText);
        Check.Length(errors, nameof(ScriptEdit.Body), edit.Body, Limits.Note);
        if (!Enum.IsDefined(kind) || !Enum.IsDefined(language))
        {
            errors.Add(new FieldError(nameof(kind), "Validation.Choice"));
        }

        if (errors.Count > 0)
        {
            return SaveResult.Invalid(errors);
        }

        return await WriteForApplicationAsync(applicationId, async (db, owner) =>
        {
            var code = CodeOf(language);
            var row = await db.ScriptDraftsOf(owner).FirstOrDefaultAsync(d => d.ApplicationId == applicationId && d.Kind == kind && d.Language == code, ct);
            if (row is null)
            {
                row = new ScriptDraftRecord { ApplicationId = applicationId, OwnerId = owner, Kind = kind, Language = code };
                db.ScriptDrafts.Add(row);
            }

            row.Subject = edit.Subject;
            row.Body = edit.Body;
            row.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
            return () => row.Id;
        }, ct);
    }

    /// <summary>
    /// Runs <paramref name="write"/> in one context when the application is the user's, then saves; the id it returns
    /// is read after the save (a new row's id is known only then).
    /// </summary>
    private async Task<SaveResult> WriteForApplicationAsync(
        int applicationId, Func<FollowUpDbContext, string, Task<Func<int>>> write, CancellationToken ct)
    {
        var owner = await currentUser.IdAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.ApplicationsOf(owner).AnyAsync(a => a.Id == applicationId, ct))
        {
            return SaveResult.Missing;
        }

        var id = await write(db, owner);
        await db.SaveChangesAsync(ct);
        return SaveResult.Ok(id());
    }

    /// <summary>Forgets the user's edit: the page shows the script as the app writes it again.</summary>
    public async Task<bool> DiscardEditAsync(int applicationId, ScriptKind kind, ScriptLanguage language, CancellationToken ct = default)
    {
        var owner = await currentUser.IdAsync();
        var code = CodeOf(language);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.ScriptDraftsOf(owner)
            .Where(d => d.ApplicationId == applicationId && d.Kind == kind && d.Language == code)
            .ExecuteDeleteAsync(ct) > 0;
    }

    private static string CodeOf(ScriptLanguage language) => language == ScriptLanguage.English ? "en" : "ja";

    private static ScriptLanguage LanguageOf(string code) => code == "en" ? ScriptLanguage.English : ScriptLanguage.Japanese;
}

using FollowUp.Web.Infrastructure;

namespace FollowUp.Web.Features.DataExport;

/// <summary>Where in the imported file a problem is: the application (1-based) and, inside it, an interview, event or edited script.</summary>
/// <param name="Application">1-based position of the application in the file; null for the file or profile.</param>
/// <param name="Company">The application's company as written in the file.</param>
/// <param name="Section">"interview", "event", "scriptAnswers", "scriptDraft", "profile", "defaults" or null for the application itself.</param>
/// <param name="Item">1-based position inside the section.</param>
/// <param name="Error">What is wrong, as a resource key with arguments and the field.</param>
public sealed record ImportProblem(int? Application, string? Company, string? Section, int? Item, FieldError Error);

/// <summary>
/// The outcome of an import: all of it saved (applications already in the account skipped and named), or nothing
/// saved and the problems found (the first <see cref="DataImporter.MaxProblemsReported"/> of
/// <see cref="ProblemCount"/>).
/// </summary>
public sealed record ImportReport(bool Succeeded, int Applications, int Interviews, int Events, bool ProfileUpdated, IReadOnlyList<ImportProblem> Problems)
{
    /// <summary>How many problems were found (more than <see cref="Problems"/> lists when it is capped).</summary>
    public int ProblemCount { get; init; }

    /// <summary>How many imported applications brought the script page's answers.</summary>
    public int ScriptAnswers { get; init; }

    /// <summary>How many edited scripts were imported.</summary>
    public int ScriptEdits { get; init; }

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

    /// <summary>The file is over <see cref="DataImporter.MaxImportBytes"/> (however it was found out).</summary>
    public static ImportReport TooLarge() => FileProblem("Import.TooLarge", DataImporter.MaxImportBytes / (1024 * 1024));

    public static ImportReport FileProblem(string key, params object[] args) =>
        Rejected([new ImportProblem(null, null, null, null, new FieldError("File", key, args))]);
}

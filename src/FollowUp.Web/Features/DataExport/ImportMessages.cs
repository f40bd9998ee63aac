using Microsoft.Extensions.Localization;

namespace FollowUp.Web.Features.DataExport;

/// <summary>
/// The import report as sentences: each problem once, with where it is ("Application 2 (Acme), interview 1: Date:
/// …"; no empty brackets when the company is missing; nothing before a problem with the file as a whole), and
/// counts with their plurals.
/// </summary>
public static class ImportMessages
{
    /// <summary>Fields whose problem text already says what it is about: no label before it.</summary>
    private static readonly HashSet<string> Unlabelled = new(StringComparer.Ordinal)
    {
        "File", "Application", "Interviews", "Events", "Closures", "Weekdays", "ScriptDraft", "ScriptDrafts",
    };

    /// <summary>Most skipped companies named; the rest are counted.</summary>
    public const int MaxSkippedNamed = 20;

    /// <summary>"Nothing was imported. 2 problems were found."</summary>
    public static string Summary(ImportReport report, IStringLocalizer l)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(l);
        return (report.ProblemCount == 1 ? l["Import.RejectedOne"] : l["Import.Rejected", report.ProblemCount]).Value;
    }

    /// <summary>The problems the report does not list, if any.</summary>
    public static string? More(ImportReport report, IStringLocalizer l)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(l);
        var more = report.ProblemCount - report.Problems.Count;
        return more > 0 ? l["Import.MoreProblems", more].Value : null;
    }

    /// <summary>One problem as a sentence with its place in the file.</summary>
    public static string Line(ImportProblem problem, IStringLocalizer l)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(l);
        var company = string.IsNullOrWhiteSpace(problem.Company) ? null : problem.Company.Trim();
        var place = (problem.Application, problem.Section) switch
        {
            (null, "profile") => l["Import.WhereProfile"].Value,
            (null, "defaults") => l["Import.WhereDefaults"].Value,
            (null, _) => null,
            ({ } n, "interview") when problem.Item is { } i => company is null ? l["Import.WhereInterviewNoName", n, i].Value : l["Import.WhereInterview", n, company, i].Value,
            ({ } n, "event") when problem.Item is { } i => company is null ? l["Import.WhereEventNoName", n, i].Value : l["Import.WhereEvent", n, company, i].Value,
            ({ } n, "scriptAnswers") => company is null ? l["Import.WhereScriptAnswersNoName", n].Value : l["Import.WhereScriptAnswers", n, company].Value,
            ({ } n, "scriptDraft") when problem.Item is { } i => company is null ? l["Import.WhereScriptDraftNoName", n, i].Value : l["Import.WhereScriptDraft", n, company, i].Value,
            ({ } n, _) => company is null ? l["Import.WhereApplicationNoName", n].Value : l["Import.WhereApplication", n, company].Value,
        };
        var label = Unlabelled.Contains(problem.Error.Field) ? null : l[$"Field.{problem.Error.Field}"];
        var field = label is null ? null : label.ResourceNotFound ? problem.Error.Field : label.Value;
        var message = l[problem.Error.MessageKey, problem.Error.Args].Value;
        return string.Join(' ', new[] { place, field is null ? null : field + ":", message }.Where(p => p is not null));
    }

    /// <summary>What was imported, and which applications were already there.</summary>
    public static string Done(ImportReport report, IStringLocalizer l)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(l);
        var done = l["Import.Done", report.Applications, report.Interviews, report.Events].Value;
        if (report.ScriptAnswers > 0 || report.ScriptEdits > 0)
        {
            done += l["Import.DoneScripts", report.ScriptAnswers, report.ScriptEdits].Value;
        }
        if (report.Skipped.Count == 0)
        {
            return done;
        }
        var names = string.Join(l["Import.NameSeparator"].Value, report.Skipped.Take(MaxSkippedNamed));
        if (report.Skipped.Count > MaxSkippedNamed)
        {
            names += l["Import.NamesMore", report.Skipped.Count - MaxSkippedNamed].Value;
        }
        return done + l["Import.Skipped", report.Skipped.Count, names].Value;
    }
}

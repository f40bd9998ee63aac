namespace FollowUp.Web.Features.DataExport;

/// <summary>The first <see cref="DataImporter.MaxProblemsReported"/> problems of an import, and how many there were.</summary>
public sealed class ImportProblems
{
    private readonly List<ImportProblem> _listed = [];

    /// <summary>The problems kept for the report.</summary>
    public IReadOnlyList<ImportProblem> Listed => _listed;

    /// <summary>Every problem found.</summary>
    public int Count { get; private set; }

    public void Add(ImportProblem problem)
    {
        Count++;
        if (_listed.Count < DataImporter.MaxProblemsReported)
        {
            _listed.Add(problem);
        }
    }

    public void AddRange(IEnumerable<ImportProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        foreach (var problem in problems)
        {
            Add(problem);
        }
    }
}

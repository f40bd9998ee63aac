namespace FollowUp.Domain.Tests.Conformance;

/// <summary>
/// Finds the conformance cases: FOLLOWUP_CONFORMANCE_DIR (':'-separated) when set, otherwise the repository's own
/// copy (<see cref="RepositoryCopy"/>), so a fresh clone runs them with nothing beside it.
/// </summary>
internal static class ConformanceCases
{
    /// <summary>The repository's copy of the shared cases, relative to the repository root.</summary>
    public const string RepositoryCopy = "tests/FollowUp.Domain.Tests/Conformance/cases";

    /// <summary>Where the shared cases live beside a checkout (CI puts them there).</summary>
    public static string SharedFolder() => Path.GetFullPath(Path.Combine(RepositoryRoot(), "..", "shared", "conformance"));

    public const string EnvironmentVariable = "FOLLOWUP_CONFORMANCE_DIR";
    public const string NoCasesSentinel = "(no conformance cases found)";

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FollowUp.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"FollowUp.sln not found above {AppContext.BaseDirectory}.");
    }

    public static IReadOnlyList<string> Directories()
    {
        var root = RepositoryRoot();
        var env = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (string.IsNullOrWhiteSpace(env))
        {
            return [Path.GetFullPath(Path.Combine(root, RepositoryCopy))];
        }

        // Relative folders are taken from the repository root (where the command is documented to run),
        // falling back to the current directory.
        return [.. env.Split(':', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => Path.IsPathRooted(d) ? d
                : Directory.Exists(Path.Combine(root, d)) ? Path.GetFullPath(Path.Combine(root, d))
                : Path.GetFullPath(d))];
    }

    public static IReadOnlyList<string> Files() =>
        [.. Directories()
            .Where(Directory.Exists)
            .SelectMany(d => Directory.EnumerateFiles(d, "*.json"))
            .OrderBy(f => f, StringComparer.Ordinal)];
}

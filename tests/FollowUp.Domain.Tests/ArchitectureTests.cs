using FollowUp.Domain.Advice;
using Xunit;

namespace FollowUp.Domain.Tests;

public sealed class ArchitectureTests
{
    [Fact]
    public void Domain_references_only_the_base_library()
    {
        var references = typeof(EtiquetteEngine).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.NotEmpty(references);
        var foreign = references.Where(n => !(n.StartsWith("System", StringComparison.Ordinal) || n is "netstandard" or "mscorlib")).ToList();
        Assert.True(foreign.Count == 0, $"FollowUp.Domain references {string.Join(", ", foreign)}");
    }
}

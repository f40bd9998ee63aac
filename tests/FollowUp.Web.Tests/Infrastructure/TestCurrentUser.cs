using FollowUp.Web.Infrastructure;

namespace FollowUp.Web.Tests.Infrastructure;

/// <summary>An <see cref="ICurrentUser"/> fixed to one user id, for calling services directly.</summary>
public sealed class TestCurrentUser(string id) : ICurrentUser
{
    public Task<string> IdAsync() => Task.FromResult(id);
}

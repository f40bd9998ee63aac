using FollowUp.Web.Features.Applications;
using FollowUp.Web.Infrastructure;

namespace FollowUp.Web.Features.Today;

/// <summary>
/// Today's groups for the signed-in user, straight from the cached list rows (<see cref="ApplicationSnapshots"/>,
/// scoped to the owner): one primary step per application, computed for now (or up to a minute ago, see
/// <see cref="TodayGroups.For"/>), without the list's other fields.
/// </summary>
public sealed class TodayService(ApplicationSnapshots snapshots, ICurrentUser currentUser, TimeProvider clock)
{
    /// <summary>The groups as of now.</summary>
    public async Task<TodayGroups> LoadAsync(CancellationToken ct = default)
    {
        var owner = await currentUser.IdAsync();
        var snapshot = await snapshots.GetAsync(owner, ct);
        return TodayGroups.For(snapshot, clock.GetUtcNow());
    }
}

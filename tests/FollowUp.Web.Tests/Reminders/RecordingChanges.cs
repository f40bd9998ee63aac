using FollowUp.Web.Features.Reminders;

namespace FollowUp.Web.Tests.Reminders;

/// <summary>An <see cref="IApplicationChanged"/> that only records what it was told (for tests that do not plan reminders).</summary>
public sealed class RecordingChanges : IApplicationChanged
{
    private readonly List<(string Owner, int ApplicationId)> _heard = [];

    /// <summary>Every (owner, application) notified so far, in order.</summary>
    public IReadOnlyList<(string Owner, int ApplicationId)> Heard
    {
        get
        {
            lock (_heard)
            {
                return [.. _heard];
            }
        }
    }

    public Task ChangedAsync(string ownerId, int applicationId, CancellationToken ct = default)
    {
        lock (_heard)
        {
            _heard.Add((ownerId, applicationId));
        }
        return Task.CompletedTask;
    }
}

using System.Collections.Concurrent;
using FollowUp.Domain.Advice;

namespace FollowUp.Web.Features.Reminders;

/// <summary>What an open page hears when one of its user's reminders is delivered.</summary>
public sealed record ReminderDelivered(int ReminderId, int ApplicationId, string Company, StepKind StepKind, ReminderKind Kind);

/// <summary>
/// In-process fan-out of deliveries to the open pages (circuits) of one user. Components subscribe with their
/// user id, marshal back with <c>InvokeAsync</c>, and dispose the subscription when they go away.
/// </summary>
public sealed class ReminderNotifier
{
    private readonly ConcurrentDictionary<string, ImmutableHandlers> _handlers = new(StringComparer.Ordinal);

    /// <summary>Subscribers currently listening (for tests and the operations page).</summary>
    public int SubscriberCount => _handlers.Values.Sum(h => h.Items.Length);

    public IDisposable Subscribe(string userId, Func<ReminderDelivered, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(userId);
        ArgumentNullException.ThrowIfNull(handler);
        _handlers.AddOrUpdate(userId, _ => new([handler]), (_, h) => new([.. h.Items, handler]));
        return new Subscription(this, userId, handler);
    }

    /// <summary>Tells every open page of <paramref name="userId"/>; a failing page does not stop the others.</summary>
    public async Task PublishAsync(string userId, ReminderDelivered delivered)
    {
        if (!_handlers.TryGetValue(userId, out var handlers))
        {
            return;
        }
        foreach (var handler in handlers.Items)
        {
            try
            {
                await handler(delivered);
            }
#pragma warning disable CA1031 // A disconnected circuit must not break delivery to the others.
            catch (Exception)
#pragma warning restore CA1031
            {
            }
        }
    }

    private void Unsubscribe(string userId, Func<ReminderDelivered, Task> handler)
    {
        while (_handlers.TryGetValue(userId, out var current))
        {
            var remaining = current.Items.Where(h => !ReferenceEquals(h, handler)).ToArray();
            var done = remaining.Length == 0
                ? _handlers.TryRemove(new KeyValuePair<string, ImmutableHandlers>(userId, current))
                : _handlers.TryUpdate(userId, new(remaining), current);
            if (done)
            {
                return;
            }
        }
    }

    private sealed record ImmutableHandlers(Func<ReminderDelivered, Task>[] Items);

    private sealed class Subscription(ReminderNotifier owner, string userId, Func<ReminderDelivered, Task> handler) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                owner.Unsubscribe(userId, handler);
            }
        }
    }
}

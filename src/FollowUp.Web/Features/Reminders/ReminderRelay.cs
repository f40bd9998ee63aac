using System.Text.Json;
using FollowUp.Web.Infrastructure;
using Npgsql;

namespace FollowUp.Web.Features.Reminders;

/// <summary>
/// Carries a delivery to the open pages on the other app nodes. <see cref="ReminderNotifier"/> reaches only the
/// circuits of the node that delivered; with several nodes (ADR 0021) a person's phone may be on one node and their
/// laptop on another, and both should show the toast and the bell at once.
/// </summary>
public interface IReminderRelay
{
    /// <summary>Tells the other nodes that <paramref name="ownerId"/>'s reminder was delivered here.</summary>
    Task AnnounceAsync(string ownerId, ReminderDelivered delivered, CancellationToken ct = default);
}

/// <summary>One node (SQLite): every open page is already this node's, so there is no one else to tell.</summary>
public sealed class SingleNodeRelay : IReminderRelay
{
    public Task AnnounceAsync(string ownerId, ReminderDelivered delivered, CancellationToken ct = default) => Task.CompletedTask;
}

/// <summary>
/// Several nodes on PostgreSQL: a delivery is announced with <c>NOTIFY</c> on one channel, and every node listens on
/// a connection of its own and hands what other nodes delivered to its <see cref="ReminderNotifier"/>. A node skips
/// its own announcements (it told its pages already). Live news only: an announcement made while a node is
/// reconnecting is not repeated, and that node's pages show the reminder on their next load, from the database.
/// </summary>
public sealed class PostgresReminderRelay(DataLocation location, ReminderNotifier notifier, ILogger<PostgresReminderRelay> logger)
    : BackgroundService, IReminderRelay
{
    /// <summary>The PostgreSQL notification channel.</summary>
    public const string Channel = "followup_reminders";

    private readonly Guid _node = Guid.NewGuid();
    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once this node listens (announcements made before are not heard here).</summary>
    public Task Listening => _listening.Task;

    public async Task AnnounceAsync(string ownerId, ReminderDelivered delivered, CancellationToken ct = default)
    {
        var payload = JsonSerializer.Serialize(new Announcement(_node, ownerId, delivered));
        try
        {
            await using var connection = new NpgsqlConnection(location.ConnectionString);
            await connection.OpenAsync(ct);
            await using var notify = new NpgsqlCommand("SELECT pg_notify(@channel, @payload)", connection);
            notify.Parameters.AddWithValue("channel", Channel);
            notify.Parameters.AddWithValue("payload", payload);
            await notify.ExecuteNonQueryAsync(ct);
        }
        catch (NpgsqlException ex)
        {
            // The delivery is recorded; only the other nodes' live toast is lost, and their next page load shows it.
            logger.LogWarning(ex, "Reminder {ReminderId}: the other nodes were not told", delivered.ReminderId);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Keepalive: a listener on a dead server's half-open socket would otherwise wait for ever.
        var connectionString = new NpgsqlConnectionStringBuilder(location.ConnectionString) { KeepAlive = 30, Pooling = false }.ConnectionString;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, e) => Relay(e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }
                _listening.TrySetResult();
                while (true)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or IOException or TimeoutException)
            {
                logger.LogWarning(ex, "Reminder relay lost its connection; listening again shortly");
                // Wall time, not the app's clock: a pause before reconnecting to a server, even under a test clock.
                await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    private void Relay(string payload)
    {
        Announcement? announcement;
        try
        {
            announcement = JsonSerializer.Deserialize<Announcement>(payload);
        }
        catch (JsonException ex)
        {
            logger.LogWarning(ex, "Reminder relay ignored a message it cannot read");
            return;
        }
        if (announcement is null || announcement.Node == _node)
        {
            return;
        }
        // Not awaited: this runs on the listening connection's read loop; the notifier never throws.
        _ = notifier.PublishAsync(announcement.Owner, announcement.Delivered);
    }

    private sealed record Announcement(Guid Node, string Owner, ReminderDelivered Delivered);
}

using System.Collections.Concurrent;
using FollowUp.Web.Features.Reminders;
using FollowUp.Web.Tests.Infrastructure;
using FollowUp.Web.Tests.Reminders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FollowUp.Web.Tests.Cluster;

/// <summary>
/// Two nodes on one PostgreSQL database: a reminder delivered by one reaches its user's open pages on the other
/// (a phone on node B, a laptop on node A), once on each node, and never another user's pages.
/// </summary>
public sealed class ClusterRelayTests : IDisposable
{
    private readonly TempDirectory _folderA = new("followup-relay-a");
    private readonly TempDirectory _folderB = new("followup-relay-b");
    private readonly PostgresDatabase _database = TestDatabase.CreatePostgres();

    [Fact]
    public async Task A_delivery_on_one_node_reaches_the_users_pages_on_the_other_node_once()
    {
        var clock = ReminderSeed.ClockAtTokyo(11, 24, 9);
        var settings = new Dictionary<string, string>
        {
            ["FollowUp:Database:Provider"] = "Postgres",
            ["ConnectionStrings:FollowUp"] = _database.ConnectionString,
        };
        await using var nodeA = new ReminderAppFactory(_folderA.Path, clock, scheduler: false, settings);
        await using var nodeB = new ReminderAppFactory(_folderB.Path, clock, scheduler: false, settings);
        var owner = await nodeA.CreateUserAsync("relay@example.jp");
        var stranger = await nodeA.CreateUserAsync("stranger@example.jp");
        await ReminderSeed.ApplicationAsync(nodeA.ApplicationsFor(owner), "株式会社リレー");
        await ((PostgresReminderRelay)nodeB.Services.GetRequiredService<IReminderRelay>()).Listening.WaitAsync(TimeSpan.FromSeconds(30));

        var onA = Listen(nodeA, owner);
        var onB = Listen(nodeB, owner);
        var strangerOnB = Listen(nodeB, stranger);
        await using (var db = nodeA.CreateDbContext())
        {
            // Every reminder of the application falls due now.
            var now = clock.GetUtcNow().UtcDateTime;
            await db.RemindersOf(owner).ExecuteUpdateAsync(s => s.SetProperty(r => r.DueAtUtc, now.AddMinutes(-1)));
        }

        var delivered = await nodeA.Engine.DeliverDueAsync();

        Assert.True(delivered > 0, "nothing fell due");
        await Eventually.TrueAsync(() => Task.FromResult(onB.Count == delivered), "node B's pages to hear node A's deliveries");
        await Task.Delay(TimeSpan.FromSeconds(1)); // an echo or a second copy would arrive by now
        Assert.Equal(delivered, onA.Count);
        Assert.Equal(delivered, onB.Count);
        Assert.Equal(onA.Select(d => d.ReminderId).Order(), onB.Select(d => d.ReminderId).Order());
        Assert.All(onB, d => Assert.Equal("株式会社リレー", d.Company));
        Assert.Empty(strangerOnB);
    }

    private static ConcurrentQueue<ReminderDelivered> Listen(ReminderAppFactory node, string userId)
    {
        var heard = new ConcurrentQueue<ReminderDelivered>();
        node.Services.GetRequiredService<ReminderNotifier>().Subscribe(userId, d =>
        {
            heard.Enqueue(d);
            return Task.CompletedTask;
        });
        return heard;
    }

    public void Dispose()
    {
        _database.Dispose();
        _folderA.Dispose();
        _folderB.Dispose();
    }
}

using System.Diagnostics;
using System.Text.RegularExpressions;
using FollowUp.Domain.Advice;
using FollowUp.Web.Data;
using FollowUp.Web.Features.Reminders;
using Microsoft.EntityFrameworkCore;

namespace FollowUp.Web.Tests.Cluster;

/// <summary>
/// Reminder delivery with several nodes on one PostgreSQL database and one Hangfire store: every node arms its own
/// wake-up, and the conditional update that marks a reminder delivered (in the transaction that records the delivery)
/// lets exactly one of them deliver it. A node killed with SIGKILL mid-delivery loses nothing and doubles nothing.
/// </summary>
public sealed partial class ClusterReminderTests(Xunit.Abstractions.ITestOutputHelper output)
{
    /// <summary>Far enough ahead that the nodes are up and armed when the reminders fall due.</summary>
    private static readonly TimeSpan Lead = TimeSpan.FromSeconds(45);

    [Fact]
    public async Task A_thousand_reminders_due_in_the_same_minute_are_delivered_once_in_all_by_two_nodes()
    {
        await using var cluster = new ClusterNodes();
        cluster.Settings["Logging__LogLevel__FollowUp.Web.Features.Reminders"] = "Information";
        var due = await SeedAsync(cluster, 1000);

        // Both nodes start together (one migrates or waits for the other's migration lock) and both arm a wake-up.
        await Task.WhenAll(cluster.StartNodeAsync(), cluster.StartNodeAsync());
        Assert.True(TimeProvider.System.GetUtcNow().UtcDateTime < due, "the nodes took longer to start than the lead: nothing raced");

        await WaitDeliveredAsync(cluster, 1000, TimeSpan.FromSeconds(90));
        await Task.Delay(TimeSpan.FromSeconds(3)); // a late second delivery would show now
        await AssertDeliveredOnceAsync(cluster, 1000);
        // What each node says it delivered adds up to exactly the thousand.
        Assert.Equal(1000, cluster.Nodes.Sum(n => DeliveredBy(n.Output)));
        output.WriteLine($"delivered per node: {string.Join(" + ", cluster.Nodes.Select(n => DeliveredBy(n.Output)))}");
    }

    [Fact]
    public async Task A_node_killed_mid_delivery_loses_nothing_and_doubles_nothing()
    {
        const int count = 3000;
        await using var cluster = new ClusterNodes();
        await SeedAsync(cluster, count);
        var a = await cluster.StartNodeAsync();

        // Wait until node A is delivering, then SIGKILL it (a transaction in flight is rolled back by PostgreSQL).
        var watch = Stopwatch.StartNew();
        var atKill = 0;
        while (watch.Elapsed < Lead + TimeSpan.FromSeconds(60))
        {
            atKill = await DeliveredCountAsync(cluster);
            if (atKill > 0)
            {
                await a.KillAsync();
                break;
            }
            await Task.Delay(20);
        }
        Assert.True(atKill > 0, "node A never started delivering");
        var afterKill = await DeliveredCountAsync(cluster);
        Assert.True(afterKill < count, $"node A delivered all {count} before it was killed: nothing was interrupted");
        output.WriteLine($"node A had delivered {afterKill} of {count} when it was killed");

        // Node B starts on the same database and store: its start-up sweep delivers the rest.
        await cluster.StartNodeAsync();
        await WaitDeliveredAsync(cluster, count, TimeSpan.FromSeconds(90));
        await Task.Delay(TimeSpan.FromSeconds(2));
        await AssertDeliveredOnceAsync(cluster, count);
    }

    /// <summary>
    /// One user (quiet hours off) with one application, planned, and <paramref name="count"/> reminders all due at the
    /// same moment, <see cref="Lead"/> from now. Returns that moment.
    /// </summary>
    private static async Task<DateTime> SeedAsync(ClusterNodes cluster, int count)
    {
        await cluster.MigrateAsync();
        await using var db = cluster.OpenDatabase();
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        var email = $"cluster-{Guid.NewGuid():N}@example.jp";
        var user = new AppUser
        {
            UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(),
            SecurityStamp = Guid.NewGuid().ToString("N"), CreatedAtUtc = now,
        };
        db.Users.Add(user);
        db.Add(new ReminderPreferences { UserId = user.Id, QuietStart = new TimeOnly(0, 0), QuietEnd = new TimeOnly(0, 0) });
        var application = new JobApplication { OwnerId = user.Id, Company = "クラスタ商事", CreatedAtUtc = now, UpdatedAtUtc = now };
        db.Applications.Add(application);
        await db.SaveChangesAsync();
        // Planned already: no sweep re-plans this application (and so none supersedes the reminders below).
        await db.Set<ReminderPlan>().ExecuteUpdateAsync(s => s.SetProperty(p => p.PlannedVersion, p => p.ChangeVersion));

        var due = now + Lead;
        db.ChangeTracker.Clear();
        db.Set<Reminder>().AddRange(Enumerable.Range(1, count).Select(i => new Reminder
        {
            OwnerId = user.Id, ApplicationId = application.Id, InterviewId = i, StepKind = StepKind.CallBack, Kind = ReminderKind.WindowOpens,
            OpensAt = due, DueAtUtc = due, State = ReminderState.Scheduled, CreatedAtUtc = now,
        }));
        await db.SaveChangesAsync();
        return due;
    }

    private static async Task<int> DeliveredCountAsync(ClusterNodes cluster)
    {
        await using var db = cluster.OpenDatabase();
        return await db.Set<ReminderDelivery>().CountAsync();
    }

    private static async Task WaitDeliveredAsync(ClusterNodes cluster, int count, TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        var delivered = 0;
        while (watch.Elapsed < timeout)
        {
            delivered = await DeliveredCountAsync(cluster);
            if (delivered >= count)
            {
                return;
            }
            await Task.Delay(250);
        }
        Assert.Fail($"{delivered} of {count} reminders delivered after {timeout}");
    }

    private static async Task AssertDeliveredOnceAsync(ClusterNodes cluster, int count)
    {
        await using var db = cluster.OpenDatabase();
        var deliveries = await db.Set<ReminderDelivery>().Select(d => d.ReminderId).ToListAsync();
        Assert.Equal(count, deliveries.Count);
        Assert.Equal(count, deliveries.Distinct().Count());
        Assert.Equal(count, await db.Set<Reminder>().CountAsync(r => r.State == ReminderState.Delivered));
    }

    /// <summary>The sum of a node's "N reminders delivered" log lines.</summary>
    private static int DeliveredBy(string output) =>
        DeliveredLine().Matches(output).Sum(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));

    [GeneratedRegex(@"\b(\d+) reminders delivered")]
    private static partial Regex DeliveredLine();
}

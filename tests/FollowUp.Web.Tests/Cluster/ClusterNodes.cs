using FollowUp.Web.Data;
using FollowUp.Web.Data.Postgres;
using FollowUp.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FollowUp.Web.Tests.Cluster;

/// <summary>
/// App nodes (real processes, <see cref="AppServer"/>) sharing one PostgreSQL database: its tables, Hangfire's
/// store and the data-protection key ring, as <c>deploy/local-cluster.sh</c> runs them. Each node has its own data
/// folder (nothing in it is shared).
/// </summary>
public sealed class ClusterNodes : IAsyncDisposable
{
    private readonly List<TempDirectory> _folders = [];
    private readonly Lock _gate = new();

    public ClusterNodes()
    {
        Database = TestDatabase.CreatePostgres();
    }

    public PostgresDatabase Database { get; }

    public List<AppServer> Nodes { get; } = [];

    /// <summary>Settings every node gets (besides the database).</summary>
    public Dictionary<string, string> Settings { get; } = [];

    /// <summary>Starts a node on the shared database.</summary>
    public async Task<AppServer> StartNodeAsync()
    {
        var folder = new TempDirectory("followup-node");
        lock (_gate)
        {
            _folders.Add(folder);
        }
        var environment = new Dictionary<string, string>(Settings)
        {
            ["FollowUp__Database__Provider"] = "Postgres",
            ["ConnectionStrings__FollowUp"] = Database.ConnectionString,
        };
        var node = await AppServer.StartAsync(folder.Path, environment: environment);
        lock (_gate)
        {
            Nodes.Add(node);
        }
        return node;
    }

    /// <summary>The shared database, as the nodes see it.</summary>
    public FollowUpDbContext OpenDatabase() => new PostgresFollowUpDbContext(
        new DbContextOptionsBuilder<PostgresFollowUpDbContext>().UseNpgsql(Database.ConnectionString).Options);

    /// <summary>Creates the schema before any node starts (for data seeded ahead of the nodes).</summary>
    public async Task MigrateAsync()
    {
        await using var db = OpenDatabase();
        await db.Database.MigrateAsync();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in Nodes)
        {
            await node.DisposeAsync();
        }
        Database.Dispose();
        foreach (var folder in _folders)
        {
            folder.Dispose();
        }
    }
}

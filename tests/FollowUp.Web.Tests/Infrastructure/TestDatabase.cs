using Npgsql;

namespace FollowUp.Web.Tests.Infrastructure;

/// <summary>
/// Which database the tests' app runs on. <c>./test.sh</c> starts a private PostgreSQL server and names it in
/// <c>FOLLOWUP_TEST_POSTGRES</c> (a connection string to its <c>postgres</c> database); its second pass sets
/// <c>FOLLOWUP_TEST_PROVIDER=Postgres</c>, and every test class marked <c>[Trait("Database", "Both")]</c> then runs
/// on a PostgreSQL database of its own instead of a SQLite file. Tests that need PostgreSQL whatever the pass (the
/// cluster tests) fail, never skip, without a server.
/// </summary>
public static class TestDatabase
{
    /// <summary>The variable that names the PostgreSQL server.</summary>
    public const string ServerVariable = "FOLLOWUP_TEST_POSTGRES";

    /// <summary>Whether this run puts the app factories on PostgreSQL.</summary>
    public static bool UsePostgres =>
        string.Equals(Environment.GetEnvironmentVariable("FOLLOWUP_TEST_PROVIDER"), "Postgres", StringComparison.OrdinalIgnoreCase);

    /// <summary>The server's connection string; fails the test (never skips it) when there is none.</summary>
    public static string Server
    {
        get
        {
            var cs = Environment.GetEnvironmentVariable(ServerVariable);
            Assert.False(string.IsNullOrWhiteSpace(cs),
                $"{ServerVariable} is not set: this test needs a PostgreSQL server. Run ./test.sh, which starts one.");
            return cs!;
        }
    }

    /// <summary>Creates an empty database on the server; disposing it drops it.</summary>
    public static PostgresDatabase CreatePostgres() => new(Server);
}

/// <summary>A fresh PostgreSQL database (dropped on dispose, with any connection still open to it).</summary>
public sealed class PostgresDatabase : IDisposable
{
    private readonly string _server;

    public PostgresDatabase(string server)
    {
        _server = server;
        Name = $"followup_test_{Guid.NewGuid():N}";
        Run($"CREATE DATABASE \"{Name}\" TEMPLATE template0 ENCODING 'UTF8'");
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = Name }.ConnectionString;
    }

    public string Name { get; }

    /// <summary>A connection string to this database.</summary>
    public string ConnectionString { get; }

    private void Run(string sql)
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_server) { Pooling = false }.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        using (var probe = new NpgsqlConnection(ConnectionString))
        {
            NpgsqlConnection.ClearPool(probe);
        }
        try
        {
            Run($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)");
        }
        catch (NpgsqlException)
        {
            // The server may already be stopping at the end of the run; test.sh deletes the whole cluster.
        }
    }
}

using FollowUp.Web.Data;
using FollowUp.Web.Data.Postgres;
using FollowUp.Web.Features.Backups;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;

namespace FollowUp.Web.Infrastructure;

/// <summary>Which database the app runs on (<c>FollowUp:Database:Provider</c>).</summary>
public enum DatabaseProvider
{
    /// <summary>A SQLite file in the data folder: the embedded default, one process.</summary>
    Sqlite,

    /// <summary>A PostgreSQL database named by <c>ConnectionStrings:FollowUp</c>: several nodes share it (ADR 0021).</summary>
    Postgres,
}

/// <summary>Where the app keeps its data: the database and, on SQLite, the data-protection keys' folder.</summary>
/// <param name="Directory">Absolute path of the data folder.</param>
/// <param name="ConnectionString">The provider's connection string.</param>
/// <param name="Provider">SQLite (default) or PostgreSQL.</param>
public sealed record DataLocation(string Directory, string ConnectionString, DatabaseProvider Provider = DatabaseProvider.Sqlite)
{
    /// <summary>Resolves <c>FollowUp:Database:Provider</c> (default SQLite), <c>FollowUp:DataDirectory</c> (default
    /// <c>data</c>, relative to the content root) and <c>ConnectionStrings:FollowUp</c> (on SQLite by default a file
    /// <c>followup.db</c> in that folder; required on PostgreSQL).</summary>
    public static DataLocation From(IConfiguration config, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(config);
        var dir = Path.GetFullPath(config["FollowUp:DataDirectory"] ?? "data", contentRoot);
        var cs = config.GetConnectionString("FollowUp");
        var providerName = config["FollowUp:Database:Provider"];
        if (!string.IsNullOrWhiteSpace(providerName) && !providerName.Equals("Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            if (!providerName.Equals("Postgres", StringComparison.OrdinalIgnoreCase)
                && !providerName.Equals("PostgreSQL", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"FollowUp:Database:Provider is '{providerName}': use Sqlite (the default) or Postgres.");
            }
            if (string.IsNullOrWhiteSpace(cs))
            {
                throw new InvalidOperationException("FollowUp:Database:Provider is Postgres: set ConnectionStrings:FollowUp (e.g. Host=…;Database=followup;Username=…).");
            }
            return new DataLocation(dir, new NpgsqlConnectionStringBuilder(cs).ConnectionString, DatabaseProvider.Postgres);
        }
        var builder = new SqliteConnectionStringBuilder(
            string.IsNullOrWhiteSpace(cs) ? $"Data Source={Path.Combine(dir, "followup.db")}" : cs);
        if (builder.DataSource != ":memory:" && !builder.DataSource.StartsWith("file:", StringComparison.Ordinal))
        {
            builder.DataSource = Path.GetFullPath(builder.DataSource, contentRoot);
        }
        builder.ForeignKeys = true;
        builder.Pooling = true;
        return new DataLocation(dir, builder.ToString());
    }

    /// <summary>Whether the database is PostgreSQL (shared by several nodes).</summary>
    public bool IsPostgres => Provider == DatabaseProvider.Postgres;

    /// <summary>The database file path (SQLite), or where the PostgreSQL database is (host/database).</summary>
    public string DatabasePath => IsPostgres
        ? DescribePostgres(ConnectionString)
        : new SqliteConnectionStringBuilder(ConnectionString).DataSource;

    /// <summary>Whether the database is a plain SQLite file (not in memory, not a <c>file:</c> URI, not PostgreSQL).</summary>
    public bool IsFile => !IsPostgres && DatabasePath != ":memory:" && !DatabasePath.StartsWith("file:", StringComparison.Ordinal);

    private static string DescribePostgres(string connectionString)
    {
        var b = new NpgsqlConnectionStringBuilder(connectionString);
        return $"postgres://{b.Host}:{b.Port}/{b.Database}";
    }
}

/// <summary>Registers the database, migrations and data-protection key storage.</summary>
public static class DataSetup
{
    public static WebApplicationBuilder AddFollowUpData(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var location = DataLocation.From(builder.Configuration, builder.Environment.ContentRootPath);
        PrivateFiles.Folder(location.Directory);
        builder.Services.AddSingleton(location);
        if (location.IsPostgres)
        {
            AddPostgres(builder, location);
        }
        else
        {
            AddSqlite(builder, location);
        }
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSingleton<PageHealthCheck.Pipeline>();
        builder.Services.AddHealthChecks()
            .AddDbContextCheck<FollowUpDbContext>("database")
            .AddCheck<PageHealthCheck>("pages");
        return builder;
    }

    private static void AddSqlite(WebApplicationBuilder builder, DataLocation location)
    {
        var dbDir = Path.GetDirectoryName(location.DatabasePath);
        if (!string.IsNullOrEmpty(dbDir) && !Directory.Exists(dbDir))
        {
            PrivateFiles.Folder(dbDir); // a folder of the operator's own choosing is left as it is
        }
        if (location.IsFile)
        {
            PrivateFiles.Database(location.DatabasePath);
        }

        // Pooled: every page view creates a few short-lived contexts (one per operation), and a pooled one
        // skips most of the set-up. Identity's stores take a scoped context from the same pool.
        // Migrations are made with the EF tools (ADR 0015): a model change without its migration stops the start.
        builder.Services.AddPooledDbContextFactory<FollowUpDbContext>(o => o.UseSqlite(location.ConnectionString));
        builder.Services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<FollowUpDbContext>>().CreateDbContext());

        // The keys sign everyone's cookies: the folder is private (its files then cannot be reached by others) and
        // keys written world-readable by an earlier release are tightened too.
        var keys = Path.Combine(location.Directory, "keys");
        PrivateFiles.Folder(keys);
        foreach (var key in Directory.EnumerateFiles(keys))
        {
            PrivateFiles.Restrict(key);
        }
        builder.Services.AddDataProtection()
            .SetApplicationName("FollowUp")
            .PersistKeysToFileSystem(new DirectoryInfo(keys));
    }

    /// <summary>
    /// PostgreSQL (ADR 0021): its own context type and migrations, the key ring in the database (every node reads the
    /// same keys, so a cookie issued by one is accepted by all), and no SQLite backups (pg_dump is the operator's).
    /// </summary>
    private static void AddPostgres(WebApplicationBuilder builder, DataLocation location)
    {
        builder.Services.AddPooledDbContextFactory<PostgresFollowUpDbContext>(o => o.UseNpgsql(location.ConnectionString));
        builder.Services.AddSingleton<IDbContextFactory<FollowUpDbContext>>(sp =>
            new Upcast(sp.GetRequiredService<IDbContextFactory<PostgresFollowUpDbContext>>()));
        builder.Services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<PostgresFollowUpDbContext>>().CreateDbContext());
        builder.Services.AddScoped<FollowUpDbContext>(sp => sp.GetRequiredService<PostgresFollowUpDbContext>());
        builder.Services.AddDataProtection()
            .SetApplicationName("FollowUp")
            .PersistKeysToDbContext<PostgresFollowUpDbContext>();
        builder.Services.PostConfigure<BackupOptions>(o => o.IntervalHours = 0);
    }

    /// <summary>The PostgreSQL context where the app asks for a <see cref="FollowUpDbContext"/>.</summary>
    private sealed class Upcast(IDbContextFactory<PostgresFollowUpDbContext> inner) : IDbContextFactory<FollowUpDbContext>
    {
        public FollowUpDbContext CreateDbContext() => inner.CreateDbContext();

        public async Task<FollowUpDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
            await inner.CreateDbContextAsync(cancellationToken);
    }

    /// <summary>Applies pending migrations and switches the database to WAL mode.</summary>
    public static void MigrateFollowUpDatabase(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        using var db = app.Services.GetRequiredService<IDbContextFactory<FollowUpDbContext>>().CreateDbContext();
        Migrate(db);
        var location = app.Services.GetRequiredService<DataLocation>();
        app.Logger.LogInformation("Database ready at {DatabasePath}", location.DatabasePath);
    }

    /// <summary>Migrates <paramref name="db"/> and, on SQLite, enables WAL (persistent per database file). Several
    /// PostgreSQL nodes starting at once take turns (<see cref="MigratePostgres"/>).</summary>
    public static void Migrate(FollowUpDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db.Database.IsSqlite())
        {
            db.Database.Migrate();
            db.Database.ExecuteSqlRaw("PRAGMA journal_mode=WAL;");
        }
        else
        {
            MigratePostgres(db);
        }
    }

    /// <summary>The session-level advisory lock the nodes migrate under ("FollowUp" in ASCII).</summary>
    private const long MigrationLockKey = 0x466F6C6C6F775570;

    /// <summary>
    /// Migrates under a PostgreSQL advisory lock held for the whole run on a connection of its own. EF Core's own
    /// migration lock did not stop two nodes starting together on an empty database from both applying the trigger
    /// migration (one then failed to start; <c>PostgresFirstStartTests</c>). Inside the lock the history table is made
    /// first: on an empty database EF Core otherwise reads it before making it and logs the failed read as an error
    /// (dotnet/efcore#37328), which an operator's first start should not show. A node that dies holding the lock
    /// drops its connection, and PostgreSQL releases the lock with it.
    /// </summary>
    private static void MigratePostgres(FollowUpDbContext db)
    {
        var cs = new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString()) { Pooling = false }.ConnectionString;
        using var connection = new NpgsqlConnection(cs);
        connection.Open();
        using (var take = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection))
        {
            take.Parameters.AddWithValue("key", MigrationLockKey);
            take.ExecuteNonQuery();
        }
        try
        {
            db.GetService<IHistoryRepository>().CreateIfNotExists();
            db.Database.Migrate();
        }
        finally
        {
            using var release = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", connection);
            release.Parameters.AddWithValue("key", MigrationLockKey);
            release.ExecuteNonQuery();
        }
    }
}

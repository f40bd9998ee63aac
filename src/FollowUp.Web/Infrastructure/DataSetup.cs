using FollowUp.Web.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace FollowUp.Web.Infrastructure;

/// <summary>Where the app keeps its files: the SQLite database and the data-protection keys.</summary>
/// <param name="Directory">Absolute path of the data folder.</param>
/// <param name="ConnectionString">SQLite connection string.</param>
public sealed record DataLocation(string Directory, string ConnectionString)
{
    /// <summary>Resolves <c>FollowUp:DataDirectory</c> (default <c>data</c>, relative to the content root) and
    /// <c>ConnectionStrings:FollowUp</c> (default a file <c>followup.db</c> in that folder).</summary>
    public static DataLocation From(IConfiguration config, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(config);
        var dir = Path.GetFullPath(config["FollowUp:DataDirectory"] ?? "data", contentRoot);
        var cs = config.GetConnectionString("FollowUp");
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

    /// <summary>The database file path.</summary>
    public string DatabasePath => new SqliteConnectionStringBuilder(ConnectionString).DataSource;

    /// <summary>Whether the database is a plain file (not in memory, not a <c>file:</c> URI).</summary>
    public bool IsFile => DatabasePath != ":memory:" && !DatabasePath.StartsWith("file:", StringComparison.Ordinal);
}

/// <summary>Registers the database, migrations and data-protection key storage.</summary>
public static class DataSetup
{
    public static WebApplicationBuilder AddFollowUpData(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var location = DataLocation.From(builder.Configuration, builder.Environment.ContentRootPath);
        PrivateFiles.Folder(location.Directory);
        var dbDir = Path.GetDirectoryName(location.DatabasePath);
        if (!string.IsNullOrEmpty(dbDir) && !Directory.Exists(dbDir))
        {
            PrivateFiles.Folder(dbDir); // a folder of the operator's own choosing is left as it is
        }
        if (location.IsFile)
        {
            PrivateFiles.Database(location.DatabasePath);
        }
        builder.Services.AddSingleton(location);

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

        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSingleton<PageHealthCheck.Pipeline>();
        builder.Services.AddHealthChecks()
            .AddDbContextCheck<FollowUpDbContext>("database")
            .AddCheck<PageHealthCheck>("pages");
        return builder;
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

    /// <summary>Migrates <paramref name="db"/> and enables WAL (persistent per database file).</summary>
    public static void Migrate(FollowUpDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        db.Database.Migrate();
        db.Database.ExecuteSqlRaw("PRAGMA journal_mode=WAL;");
    }
}

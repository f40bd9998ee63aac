using FollowUp.Web.Data;
using FollowUp.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace FollowUp.Web.Tests.Data;

/// <summary>
/// The migrations up to the baseline were written by hand, so these tests build one database through the migrations
/// and one from the model and compare them; and the model snapshot (made by the EF tools) must match the model, so a
/// model change cannot land without its migration.
/// </summary>
public sealed class MigrationSchemaTests : IDisposable
{
    private readonly TempDirectory _dir = new("followup-schema");

    [Fact]
    public async Task Migrated_schema_equals_the_schema_of_the_model()
    {
        var migrated = _dir.ConnectionString("migrated.db");
        var created = _dir.ConnectionString("created.db");
        await using (var db = Context(migrated))
        {
            await db.Database.MigrateAsync();
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        }
        await using (var db = Context(created))
        {
            Assert.True(await db.Database.EnsureCreatedAsync());
        }

        var fromMigrations = await SchemaSnapshot.ReadAsync(migrated);
        var fromModel = await SchemaSnapshot.ReadAsync(created);

        // Sanity: the snapshot really sees the app's tables (an empty read would compare equal).
        Assert.Contains(fromModel, l => l.StartsWith("table Applications ", StringComparison.Ordinal));
        Assert.Contains(fromModel, l => l.StartsWith("table AspNetUsers ", StringComparison.Ordinal));
        Assert.Contains(fromModel, l => l.StartsWith("foreignkey ContactEvents ", StringComparison.Ordinal));
        Assert.Contains(fromModel, l => l.StartsWith("index Interviews.", StringComparison.Ordinal));

        var diff = SchemaSnapshot.Diff(fromModel, fromMigrations);
        Assert.True(diff.Count == 0,
            "The migrations build a different schema than the model (- model only, + migrations only):\n" + string.Join('\n', diff));
    }

    [Fact]
    public void The_model_has_no_change_without_a_migration()
    {
        using var db = Context(_dir.ConnectionString("pending.db"));
        Assert.Contains(db.Database.GetMigrations(), m => m.EndsWith("_Baseline", StringComparison.Ordinal));
        Assert.False(db.Database.HasPendingModelChanges(),
            "The model differs from the last migration's snapshot: run `dotnet ef migrations add <Name>` in src/FollowUp.Web.");
    }

    [Fact]
    public async Task Comparison_notices_a_missing_index_a_changed_default_and_a_changed_delete_rule()
    {
        // Guards the guard: a schema that differs in small ways must not compare equal.
        var baseline = _dir.ConnectionString("baseline.db");
        await using (var db = Context(baseline))
        {
            await db.Database.EnsureCreatedAsync();
        }
        var expected = await SchemaSnapshot.ReadAsync(baseline);

        var altered = _dir.ConnectionString("altered.db");
        await using (var db = Context(altered))
        {
            await db.Database.EnsureCreatedAsync();
            await db.Database.ExecuteSqlRawAsync("DROP INDEX \"IX_Interviews_ApplicationId\";");
            await db.Database.ExecuteSqlRawAsync("""
                CREATE TABLE "Extra" ("Id" INTEGER NOT NULL PRIMARY KEY, "Kind" INTEGER NOT NULL DEFAULT 1,
                  "ApplicationId" INTEGER NOT NULL REFERENCES "Applications" ("Id") ON DELETE RESTRICT);
                """);
        }
        var actual = await SchemaSnapshot.ReadAsync(altered);

        var diff = SchemaSnapshot.Diff(expected, actual);
        Assert.Contains(diff, l => l.StartsWith("- index Interviews.IX_Interviews_ApplicationId", StringComparison.Ordinal));
        Assert.Contains(diff, l => l.Contains("column Extra.Kind type=INTEGER notnull=True default=1", StringComparison.Ordinal));
        Assert.Contains(diff, l => l.Contains("on_delete=RESTRICT", StringComparison.Ordinal));
    }

    private static FollowUpDbContext Context(string connectionString) => new(
        new DbContextOptionsBuilder<FollowUpDbContext>().UseSqlite(connectionString).Options);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }
}

using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace FollowUp.Web.Data.Migrations;

/// <summary>
/// A per-user data version raised by triggers on every write to what the rules read, so cached lists know
/// when they are stale whoever wrote (ADR 0011). Adds a table and triggers; changes no existing row.
/// </summary>
[DbContext(typeof(FollowUpDbContext))]
[Migration("20261122025000_DataVersions")]
public sealed class DataVersions : Migration
{
    /// <summary>Tables that carry <c>OwnerId</c> themselves.</summary>
    private static readonly string[] OwnedTables = ["Applications", "Interviews", "ContactEvents"];

    private static readonly string[] Operations = ["INSERT", "UPDATE", "DELETE"];

    private const string Bump = "ON CONFLICT(\"OwnerId\") DO UPDATE SET \"Version\" = \"Version\" + 1";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.CreateTable(
            name: "DataVersions",
            columns: t => new
            {
                OwnerId = t.Column<string>(type: "TEXT", nullable: false),
                Version = t.Column<long>(type: "INTEGER", nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_DataVersions", x => x.OwnerId));

        foreach (var table in OwnedTables)
        {
            foreach (var op in Operations)
            {
                migrationBuilder.Sql(Trigger(table, op, "OwnerId"));
            }
        }

        // Closures hang off an application; when the application itself is being deleted the lookup finds
        // nothing and the application's own trigger has already counted the change.
        foreach (var op in Operations)
        {
            var row = op == "DELETE" ? "OLD" : "NEW";
            migrationBuilder.Sql($"""
                CREATE TRIGGER "ApplicationClosures_DataVersion_{op}" AFTER {op} ON "ApplicationClosures" BEGIN
                    INSERT INTO "DataVersions" ("OwnerId", "Version")
                    SELECT "OwnerId", 1 FROM "Applications" WHERE "Id" = {row}."ApplicationId" {Bump};
                END;
                """);
        }

        // Profile settings feed the advice too.
        migrationBuilder.Sql(Trigger("AspNetUsers", "UPDATE", "Id"));
        migrationBuilder.Sql("""
            CREATE TRIGGER "AspNetUsers_DataVersion_DELETE" AFTER DELETE ON "AspNetUsers" BEGIN
                DELETE FROM "DataVersions" WHERE "OwnerId" = OLD."Id";
            END;
            """);
    }

    /// <summary>A trigger raising the version of the owner named by <paramref name="ownerColumn"/> after <paramref name="op"/> on <paramref name="table"/>.</summary>
    internal static string Trigger(string table, string op, string ownerColumn)
    {
        var row = op == "DELETE" ? "OLD" : "NEW";
        return $"""
            CREATE TRIGGER "{table}_DataVersion_{op}" AFTER {op} ON "{table}" BEGIN
                INSERT INTO "DataVersions" ("OwnerId", "Version") VALUES ({row}."{ownerColumn}", 1) {Bump};
            END;
            """;
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        foreach (var table in OwnedTables.Append("ApplicationClosures"))
        {
            foreach (var op in Operations)
            {
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS \"{table}_DataVersion_{op}\";");
            }
        }
        migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"AspNetUsers_DataVersion_UPDATE\";");
        migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"AspNetUsers_DataVersion_DELETE\";");
        migrationBuilder.DropTable("DataVersions");
    }
}

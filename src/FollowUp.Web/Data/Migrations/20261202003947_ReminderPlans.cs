using Microsoft.EntityFrameworkCore.Migrations;

namespace FollowUp.Web.Data.Migrations;

/// <summary>
/// Whether each application's reminders are planned from its current data (<c>ReminderPlan</c>): the table, the
/// triggers that raise an application's change version on every write that can change its steps, and one row per
/// existing application marked unplanned, so the first sweep after the upgrade plans every application once (and
/// heals reminders an earlier release lost). Triggers are written by hand, as the tools cannot describe them (ADR 0015).
/// </summary>
public partial class ReminderPlans : Migration
{
    /// <summary>Tables hanging off an application whose rows change its steps.</summary>
    private static readonly string[] ChildTables = ["Interviews", "ContactEvents", "ApplicationClosures"];

    private const string Raise = "UPDATE \"ReminderPlans\" SET \"ChangeVersion\" = \"ChangeVersion\" + 1 WHERE \"ApplicationId\"";

    /// <inheritdoc />
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.CreateTable(
            name: "ReminderPlans",
            columns: table => new
            {
                ApplicationId = table.Column<int>(type: "INTEGER", nullable: false),
                OwnerId = table.Column<string>(type: "TEXT", nullable: false),
                ChangeVersion = table.Column<long>(type: "INTEGER", nullable: false),
                PlannedVersion = table.Column<long>(type: "INTEGER", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ReminderPlans", x => x.ApplicationId);
                table.ForeignKey(
                    name: "FK_ReminderPlans_Applications_ApplicationId",
                    column: x => x.ApplicationId,
                    principalTable: "Applications",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex(
            name: "IX_ReminderPlans_Stale",
            table: "ReminderPlans",
            column: "OwnerId",
            filter: "\"PlannedVersion\" < \"ChangeVersion\"");

        migrationBuilder.Sql("""
            CREATE TRIGGER "Applications_ReminderPlan_INSERT" AFTER INSERT ON "Applications" BEGIN
                INSERT INTO "ReminderPlans" ("ApplicationId", "OwnerId", "ChangeVersion", "PlannedVersion") VALUES (NEW."Id", NEW."OwnerId", 1, 0);
            END;
            """);
        migrationBuilder.Sql($"""
            CREATE TRIGGER "Applications_ReminderPlan_UPDATE" AFTER UPDATE ON "Applications" BEGIN
                {Raise} = NEW."Id";
            END;
            """);
        foreach (var table in ChildTables)
        {
            migrationBuilder.Sql($"""
                CREATE TRIGGER "{table}_ReminderPlan_INSERT" AFTER INSERT ON "{table}" BEGIN
                    {Raise} = NEW."ApplicationId";
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER "{table}_ReminderPlan_UPDATE" AFTER UPDATE ON "{table}" BEGIN
                    {Raise} IN (NEW."ApplicationId", OLD."ApplicationId");
                END;
                """);
            // Inside the cascade of an application's deletion the row is already gone: the update finds nothing.
            migrationBuilder.Sql($"""
                CREATE TRIGGER "{table}_ReminderPlan_DELETE" AFTER DELETE ON "{table}" BEGIN
                    {Raise} = OLD."ApplicationId";
                END;
                """);
        }
        // The default rules apply to every application without its own.
        foreach (var op in new[] { "INSERT", "UPDATE", "DELETE" })
        {
            var row = op == "DELETE" ? "OLD" : "NEW";
            migrationBuilder.Sql($"""
                CREATE TRIGGER "UserDefaults_ReminderPlan_{op}" AFTER {op} ON "UserDefaults" BEGIN
                    {Raise} IN (SELECT "Id" FROM "Applications" WHERE "OwnerId" = {row}."UserId" AND "Policy" IS NULL);
                END;
                """);
        }

        migrationBuilder.Sql("""
            INSERT INTO "ReminderPlans" ("ApplicationId", "OwnerId", "ChangeVersion", "PlannedVersion")
            SELECT "Id", "OwnerId", 1, 0 FROM "Applications";
            """);
    }

    /// <inheritdoc />
    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        foreach (var table in ChildTables)
        {
            foreach (var op in new[] { "INSERT", "UPDATE", "DELETE" })
            {
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS \"{table}_ReminderPlan_{op}\";");
            }
        }
        foreach (var op in new[] { "INSERT", "UPDATE", "DELETE" })
        {
            migrationBuilder.Sql($"DROP TRIGGER IF EXISTS \"UserDefaults_ReminderPlan_{op}\";");
        }
        migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"Applications_ReminderPlan_INSERT\";");
        migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"Applications_ReminderPlan_UPDATE\";");
        migrationBuilder.DropTable(name: "ReminderPlans");
    }
}

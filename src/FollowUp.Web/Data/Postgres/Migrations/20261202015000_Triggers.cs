using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace FollowUp.Web.Data.Postgres.Migrations;

/// <summary>
/// PostgreSQL's port of the SQLite triggers (ADR 0021): the per-user data version of ADR 0011 and the per-application
/// change version of ADR 0019, raised by row triggers on every write whoever writes. Written by hand, as the tools cannot
/// describe triggers (ADR 0015). One PL/pgSQL function per table, fired after insert, update and delete.
/// </summary>
[DbContext(typeof(PostgresFollowUpDbContext))]
[Migration("20261202015000_Triggers")]
public sealed class Triggers : Migration
{
    /// <summary>Tables that carry <c>OwnerId</c> themselves.</summary>
    private static readonly string[] OwnedTables = ["Applications", "Interviews", "ContactEvents"];

    /// <summary>Tables hanging off an application whose rows change its reminder steps.</summary>
    private static readonly string[] ChildTables = ["Interviews", "ContactEvents", "ApplicationClosures"];

    /// <summary>Every trigger (and function) this migration makes, as (table, purpose).</summary>
    private static readonly (string Table, string Purpose)[] All =
    [
        .. OwnedTables.Select(t => (t, "DataVersion")),
        ("ApplicationClosures", "DataVersion"), ("UserDefaults", "DataVersion"), ("AspNetUsers", "DataVersion"),
        ("Applications", "ReminderPlan"), ("UserDefaults", "ReminderPlan"),
        .. ChildTables.Select(t => (t, "ReminderPlan")),
    ];

    /// <summary>
    /// Raises <paramref name="owner"/>'s data version. The user must still exist: inside the cascade of an account's
    /// deletion the user row is already gone, and its version row (deleted by the user's own trigger) must stay gone.
    /// </summary>
    private static string Bump(string owner) => $"""
        INSERT INTO "DataVersions" ("OwnerId", "Version")
            SELECT u."Id", 1 FROM "AspNetUsers" u WHERE u."Id" = {owner}
            ON CONFLICT ("OwnerId") DO UPDATE SET "Version" = "DataVersions"."Version" + 1;
        """;

    private const string Raise = "UPDATE \"ReminderPlans\" SET \"ChangeVersion\" = \"ChangeVersion\" + 1 WHERE \"ApplicationId\"";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);

        foreach (var table in OwnedTables)
        {
            Function(migrationBuilder, table, "DataVersion", "INSERT OR UPDATE OR DELETE", $"""
                IF TG_OP = 'DELETE' THEN
                    {Bump("OLD.\"OwnerId\"")}
                ELSE
                    {Bump("NEW.\"OwnerId\"")}
                END IF;
                """);
        }
        // Closures hang off an application; when the application itself is being deleted the lookup finds nothing
        // and the application's own trigger has already counted the change.
        Function(migrationBuilder, "ApplicationClosures", "DataVersion", "INSERT OR UPDATE OR DELETE", $"""
            IF TG_OP = 'DELETE' THEN
                {Bump("(SELECT a.\"OwnerId\" FROM \"Applications\" a WHERE a.\"Id\" = OLD.\"ApplicationId\")")}
            ELSE
                {Bump("(SELECT a.\"OwnerId\" FROM \"Applications\" a WHERE a.\"Id\" = NEW.\"ApplicationId\")")}
            END IF;
            """);
        Function(migrationBuilder, "UserDefaults", "DataVersion", "INSERT OR UPDATE OR DELETE", $"""
            IF TG_OP = 'DELETE' THEN
                {Bump("OLD.\"UserId\"")}
            ELSE
                {Bump("NEW.\"UserId\"")}
            END IF;
            """);
        // Profile settings feed the advice too; deleting the user removes its version.
        Function(migrationBuilder, "AspNetUsers", "DataVersion", "UPDATE OR DELETE", $"""
            IF TG_OP = 'DELETE' THEN
                DELETE FROM "DataVersions" WHERE "OwnerId" = OLD."Id";
            ELSE
                {Bump("NEW.\"Id\"")}
            END IF;
            """);

        // ADR 0019: a new application starts unplanned; every write to it, its children or its owner's default rules
        // (when it follows them) raises its change version.
        Function(migrationBuilder, "Applications", "ReminderPlan", "INSERT OR UPDATE", $"""
            IF TG_OP = 'INSERT' THEN
                INSERT INTO "ReminderPlans" ("ApplicationId", "OwnerId", "ChangeVersion", "PlannedVersion") VALUES (NEW."Id", NEW."OwnerId", 1, 0);
            ELSE
                {Raise} = NEW."Id";
            END IF;
            """);
        foreach (var table in ChildTables)
        {
            Function(migrationBuilder, table, "ReminderPlan", "INSERT OR UPDATE OR DELETE", $"""
                IF TG_OP = 'INSERT' THEN
                    {Raise} = NEW."ApplicationId";
                ELSIF TG_OP = 'UPDATE' THEN
                    {Raise} IN (NEW."ApplicationId", OLD."ApplicationId");
                ELSE
                    {Raise} = OLD."ApplicationId";
                END IF;
                """);
        }
        Function(migrationBuilder, "UserDefaults", "ReminderPlan", "INSERT OR UPDATE OR DELETE", $"""
            IF TG_OP = 'DELETE' THEN
                {Raise} IN (SELECT "Id" FROM "Applications" WHERE "OwnerId" = OLD."UserId" AND "Policy" IS NULL);
            ELSE
                {Raise} IN (SELECT "Id" FROM "Applications" WHERE "OwnerId" = NEW."UserId" AND "Policy" IS NULL);
            END IF;
            """);
    }

    /// <summary>A function <c>"{table}_{purpose}"()</c> and the row trigger of the same name that calls it after <paramref name="events"/>.</summary>
    private static void Function(MigrationBuilder migrationBuilder, string table, string purpose, string events, string body)
    {
        var name = $"{table}_{purpose}";
        migrationBuilder.Sql($"""
            CREATE FUNCTION "{name}"() RETURNS trigger LANGUAGE plpgsql AS $body$
            BEGIN
            {body}
                RETURN NULL;
            END;
            $body$;
            """);
        migrationBuilder.Sql($"""
            CREATE TRIGGER "{name}" AFTER {events} ON "{table}" FOR EACH ROW EXECUTE FUNCTION "{name}"();
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        foreach (var (table, purpose) in All)
        {
            migrationBuilder.Sql($"DROP TRIGGER IF EXISTS \"{table}_{purpose}\" ON \"{table}\";");
            migrationBuilder.Sql($"DROP FUNCTION IF EXISTS \"{table}_{purpose}\"();");
        }
    }
}

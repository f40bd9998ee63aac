using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace FollowUp.Web.Data.Migrations;

/// <summary>
/// Per-user defaults (the calendar new applications start from, the rules applications follow) and a
/// per-application rules override. Only adds: a new table, and a nullable column whose null means
/// "follow the defaults", which is what every existing application did.
/// </summary>
[DbContext(typeof(FollowUpDbContext))]
[Migration("20261122040000_Policies")]
public sealed class Policies : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.AddColumn<string>("Policy", "Applications", type: "TEXT", nullable: true);

        migrationBuilder.CreateTable(
            name: "UserDefaults",
            columns: t => new
            {
                UserId = t.Column<string>(type: "TEXT", nullable: false),
                OpensAt = t.Column<TimeOnly>(type: "TEXT", nullable: false),
                ClosesAt = t.Column<TimeOnly>(type: "TEXT", nullable: false),
                ClosedWeekdays = t.Column<int>(type: "INTEGER", nullable: false),
                ObservesNationalHolidays = t.Column<bool>(type: "INTEGER", nullable: false),
                YearEndClosure = t.Column<bool>(type: "INTEGER", nullable: false),
                ObonClosure = t.Column<bool>(type: "INTEGER", nullable: false),
                Policy = t.Column<string>(type: "TEXT", nullable: false),
                UpdatedAtUtc = t.Column<DateTime>(type: "TEXT", nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_UserDefaults", x => x.UserId);
                t.ForeignKey("FK_UserDefaults_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
            });

        // The defaults feed every list's advice: writing them raises the owner's data version (ADR 0011).
        foreach (var op in new[] { "INSERT", "UPDATE", "DELETE" })
        {
            migrationBuilder.Sql(DataVersions.Trigger("UserDefaults", op, "UserId"));
        }
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropTable("UserDefaults");
        migrationBuilder.DropColumn("Policy", "Applications");
    }
}

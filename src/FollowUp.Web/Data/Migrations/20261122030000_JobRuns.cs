using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace FollowUp.Web.Data.Migrations;

/// <summary>The reminder engine's job runs, kept for the operations page across restarts. Only adds a table.</summary>
[DbContext(typeof(FollowUpDbContext))]
[Migration("20261122030000_JobRuns")]
public sealed class JobRuns : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);

        migrationBuilder.CreateTable(
            name: "JobRuns",
            columns: t => new
            {
                Id = t.Column<int>(type: "INTEGER", nullable: false).Annotation("Sqlite:Autoincrement", true),
                Job = t.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                StartedAtUtc = t.Column<DateTime>(type: "TEXT", nullable: false),
                DurationMs = t.Column<double>(type: "REAL", nullable: false),
                Succeeded = t.Column<bool>(type: "INTEGER", nullable: false),
                Detail = t.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_JobRuns", x => x.Id));

        migrationBuilder.CreateIndex("IX_JobRuns_Job_Id", "JobRuns", ["Job", "Id"]);
        migrationBuilder.CreateIndex("IX_JobRuns_Succeeded_Id", "JobRuns", ["Succeeded", "Id"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropTable("JobRuns");
    }
}

using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace FollowUp.Web.Data.Migrations;

/// <summary>Marks sample applications so they can be removed in one click. Adds a column; existing rows are real (0).</summary>
[DbContext(typeof(FollowUpDbContext))]
[Migration("20261122015000_SampleFlag")]
public sealed class SampleFlag : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.AddColumn<bool>("IsSample", "Applications", type: "INTEGER", nullable: false, defaultValue: false);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropColumn("IsSample", "Applications");
    }
}

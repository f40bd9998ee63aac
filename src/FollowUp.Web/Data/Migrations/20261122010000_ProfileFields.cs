using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace FollowUp.Web.Data.Migrations;

/// <summary>Adds the profile fields the scripts' signatures need (furigana, affiliation). Only adds columns.</summary>
[DbContext(typeof(FollowUpDbContext))]
[Migration("20261122010000_ProfileFields")]
public sealed class ProfileFields : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.AddColumn<string>("Furigana", "AspNetUsers", type: "TEXT", maxLength: 200, nullable: true);
        migrationBuilder.AddColumn<string>("Affiliation", "AspNetUsers", type: "TEXT", maxLength: 200, nullable: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropColumn("Affiliation", "AspNetUsers");
        migrationBuilder.DropColumn("Furigana", "AspNetUsers");
    }
}

using Microsoft.EntityFrameworkCore.Migrations;

namespace FollowUp.Web.Data.Migrations;

/// <summary>
/// The first migration made by the EF tools (<c>dotnet ef migrations add</c>). The schema it describes is the one
/// the hand-written migrations before it already build, so it changes nothing: a database of an earlier release
/// stays as it is, and from here on the model snapshot beside it lets the tools write each new migration
/// (ADR 0015).
/// </summary>
public partial class Baseline : Migration
{
    /// <inheritdoc />
    protected override void Up(MigrationBuilder migrationBuilder)
    {
    }

    /// <inheritdoc />
    protected override void Down(MigrationBuilder migrationBuilder)
    {
    }
}

using Microsoft.EntityFrameworkCore.Migrations;

namespace FollowUp.Web.Data.Migrations;

/// <summary>
/// What the script page remembers per application (issue 13, points 5 and 6): the user's answers and the script
/// language (<c>ScriptAnswers</c>, one row per application), and the scripts they edited (<c>ScriptDrafts</c>, one per
/// application, kind and language). Two new tables; nothing existing changes.
/// </summary>
public partial class ScriptAnswersAndEdits : Migration
{
    private static readonly string[] s_draftKey = ["ApplicationId", "Kind", "Language"];

    /// <inheritdoc />
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "ScriptAnswers",
            columns: table => new
            {
                ApplicationId = table.Column<int>(type: "INTEGER", nullable: false),
                OwnerId = table.Column<string>(type: "TEXT", nullable: false),
                LateReason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                ReachableTimes = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                LearnedInInterview = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                MessageMayNotHaveReached = table.Column<bool>(type: "INTEGER", nullable: false),
                WritesInEnglish = table.Column<bool>(type: "INTEGER", nullable: false),
                UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ScriptAnswers", x => x.ApplicationId);
                table.ForeignKey(
                    name: "FK_ScriptAnswers_Applications_ApplicationId",
                    column: x => x.ApplicationId,
                    principalTable: "Applications",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "ScriptDrafts",
            columns: table => new
            {
                Id = table.Column<int>(type: "INTEGER", nullable: false)
                    .Annotation("Sqlite:Autoincrement", true),
                ApplicationId = table.Column<int>(type: "INTEGER", nullable: false),
                OwnerId = table.Column<string>(type: "TEXT", nullable: false),
                Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                Language = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                Subject = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                Body = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ScriptDrafts", x => x.Id);
                table.ForeignKey(
                    name: "FK_ScriptDrafts_Applications_ApplicationId",
                    column: x => x.ApplicationId,
                    principalTable: "Applications",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex(
            name: "IX_ScriptAnswers_OwnerId",
            table: "ScriptAnswers",
            column: "OwnerId");

        migrationBuilder.CreateIndex(
            name: "IX_ScriptDrafts_ApplicationId_Kind_Language",
            table: "ScriptDrafts",
            columns: s_draftKey,
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_ScriptDrafts_OwnerId",
            table: "ScriptDrafts",
            column: "OwnerId");
    }

    /// <inheritdoc />
    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(
            name: "ScriptAnswers");

        migrationBuilder.DropTable(
            name: "ScriptDrafts");
    }
}

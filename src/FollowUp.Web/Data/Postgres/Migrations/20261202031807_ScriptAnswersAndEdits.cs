using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace FollowUp.Web.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ScriptAnswersAndEdits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ScriptAnswers",
                columns: table => new
                {
                    ApplicationId = table.Column<int>(type: "integer", nullable: false),
                    OwnerId = table.Column<string>(type: "text", nullable: false),
                    LateReason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ReachableTimes = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    LearnedInInterview = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    MessageMayNotHaveReached = table.Column<bool>(type: "boolean", nullable: false),
                    WritesInEnglish = table.Column<bool>(type: "boolean", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp without time zone", nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ApplicationId = table.Column<int>(type: "integer", nullable: false),
                    OwnerId = table.Column<string>(type: "text", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Language = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Body = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp without time zone", nullable: false)
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
                columns: new[] { "ApplicationId", "Kind", "Language" },
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
}

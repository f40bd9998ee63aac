using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace FollowUp.Web.Data.Migrations;

/// <summary>Reminders, their deliveries and per-user reminder preferences. Only adds tables.</summary>
[DbContext(typeof(FollowUpDbContext))]
[Migration("20261122020000_Reminders")]
public sealed class Reminders : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);

        migrationBuilder.CreateTable(
            name: "Reminders",
            columns: t => new
            {
                Id = t.Column<int>(type: "INTEGER", nullable: false).Annotation("Sqlite:Autoincrement", true),
                OwnerId = t.Column<string>(type: "TEXT", nullable: false),
                ApplicationId = t.Column<int>(type: "INTEGER", nullable: false),
                InterviewId = t.Column<int>(type: "INTEGER", nullable: false),
                StepKind = t.Column<int>(type: "INTEGER", nullable: false),
                Kind = t.Column<int>(type: "INTEGER", nullable: false),
                OpensAt = t.Column<DateTime>(type: "TEXT", nullable: false),
                ClosesAt = t.Column<DateTime>(type: "TEXT", nullable: true),
                DueAtUtc = t.Column<DateTime>(type: "TEXT", nullable: false),
                State = t.Column<int>(type: "INTEGER", nullable: false),
                CreatedAtUtc = t.Column<DateTime>(type: "TEXT", nullable: false),
                DeliveredAtUtc = t.Column<DateTime>(type: "TEXT", nullable: true),
                ReadAtUtc = t.Column<DateTime>(type: "TEXT", nullable: true),
                SnoozedUntilUtc = t.Column<DateTime>(type: "TEXT", nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_Reminders", x => x.Id);
                t.ForeignKey("FK_Reminders_Applications_ApplicationId", x => x.ApplicationId, "Applications", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "ReminderDeliveries",
            columns: t => new
            {
                Id = t.Column<int>(type: "INTEGER", nullable: false).Annotation("Sqlite:Autoincrement", true),
                ReminderId = t.Column<int>(type: "INTEGER", nullable: false),
                OwnerId = t.Column<string>(type: "TEXT", nullable: false),
                DueAtUtc = t.Column<DateTime>(type: "TEXT", nullable: false),
                DeliveredAtUtc = t.Column<DateTime>(type: "TEXT", nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_ReminderDeliveries", x => x.Id);
                t.ForeignKey("FK_ReminderDeliveries_Reminders_ReminderId", x => x.ReminderId, "Reminders", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "ReminderPreferences",
            columns: t => new
            {
                UserId = t.Column<string>(type: "TEXT", nullable: false),
                FeedSecretHash = t.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                FeedCreatedAtUtc = t.Column<DateTime>(type: "TEXT", nullable: true),
                EmailEnabled = t.Column<bool>(type: "INTEGER", nullable: false),
                QuietStart = t.Column<TimeOnly>(type: "TEXT", nullable: false),
                QuietEnd = t.Column<TimeOnly>(type: "TEXT", nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_ReminderPreferences", x => x.UserId);
                t.ForeignKey("FK_ReminderPreferences_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex("IX_Reminders_InterviewId_StepKind_Kind_OpensAt", "Reminders",
            ["InterviewId", "StepKind", "Kind", "OpensAt"], unique: true);
        migrationBuilder.CreateIndex("IX_Reminders_OwnerId_State", "Reminders", ["OwnerId", "State"]);
        migrationBuilder.CreateIndex("IX_Reminders_State_DueAtUtc", "Reminders", ["State", "DueAtUtc"]);
        migrationBuilder.CreateIndex("IX_Reminders_ApplicationId", "Reminders", "ApplicationId");
        migrationBuilder.CreateIndex("IX_ReminderDeliveries_ReminderId", "ReminderDeliveries", "ReminderId");
        migrationBuilder.CreateIndex("IX_ReminderPreferences_FeedSecretHash", "ReminderPreferences", "FeedSecretHash", unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropTable("ReminderDeliveries");
        migrationBuilder.DropTable("ReminderPreferences");
        migrationBuilder.DropTable("Reminders");
    }
}

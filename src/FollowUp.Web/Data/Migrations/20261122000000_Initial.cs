using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace FollowUp.Web.Data.Migrations;

/// <summary>
/// The first schema: Identity's tables, applications with their company calendar and closures,
/// interviews and contact events. Written by hand (EF's design tools do not restore here); the
/// schema test proves it matches the model.
/// </summary>
[DbContext(typeof(FollowUpDbContext))]
[Migration("20261122000000_Initial")]
public sealed class Initial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);

        migrationBuilder.CreateTable(
            name: "AspNetRoles",
            columns: t => new
            {
                Id = t.Column<string>(type: "TEXT", nullable: false),
                Name = t.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                NormalizedName = t.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                ConcurrencyStamp = t.Column<string>(type: "TEXT", nullable: true),
            },
            constraints: t => t.PrimaryKey("PK_AspNetRoles", x => x.Id));

        migrationBuilder.CreateTable(
            name: "AspNetUsers",
            columns: t => new
            {
                Id = t.Column<string>(type: "TEXT", nullable: false),
                FullName = t.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                Culture = t.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                TimeZoneId = t.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                CreatedAtUtc = t.Column<DateTime>(type: "TEXT", nullable: false),
                UserName = t.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                NormalizedUserName = t.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                Email = t.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                NormalizedEmail = t.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                EmailConfirmed = t.Column<bool>(type: "INTEGER", nullable: false),
                PasswordHash = t.Column<string>(type: "TEXT", nullable: true),
                SecurityStamp = t.Column<string>(type: "TEXT", nullable: true),
                ConcurrencyStamp = t.Column<string>(type: "TEXT", nullable: true),
                PhoneNumber = t.Column<string>(type: "TEXT", nullable: true),
                PhoneNumberConfirmed = t.Column<bool>(type: "INTEGER", nullable: false),
                TwoFactorEnabled = t.Column<bool>(type: "INTEGER", nullable: false),
                LockoutEnd = t.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                LockoutEnabled = t.Column<bool>(type: "INTEGER", nullable: false),
                AccessFailedCount = t.Column<int>(type: "INTEGER", nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_AspNetUsers", x => x.Id));

        migrationBuilder.CreateTable(
            name: "AspNetRoleClaims",
            columns: t => new
            {
                Id = t.Column<int>(type: "INTEGER", nullable: false).Annotation("Sqlite:Autoincrement", true),
                RoleId = t.Column<string>(type: "TEXT", nullable: false),
                ClaimType = t.Column<string>(type: "TEXT", nullable: true),
                ClaimValue = t.Column<string>(type: "TEXT", nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_AspNetRoleClaims", x => x.Id);
                t.ForeignKey("FK_AspNetRoleClaims_AspNetRoles_RoleId", x => x.RoleId, "AspNetRoles", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "Applications",
            columns: t => new
            {
                Id = t.Column<int>(type: "INTEGER", nullable: false).Annotation("Sqlite:Autoincrement", true),
                OwnerId = t.Column<string>(type: "TEXT", nullable: false),
                Company = t.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                Position = t.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                Route = t.Column<int>(type: "INTEGER", nullable: false),
                AgencyName = t.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                AgencyCoordinator = t.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                ContactPerson = t.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                Phone = t.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                Email = t.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                Notes = t.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                TimeZoneId = t.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                OpensAt = t.Column<TimeOnly>(type: "TEXT", nullable: false),
                ClosesAt = t.Column<TimeOnly>(type: "TEXT", nullable: false),
                ClosedWeekdays = t.Column<int>(type: "INTEGER", nullable: false),
                ObservesNationalHolidays = t.Column<bool>(type: "INTEGER", nullable: false),
                YearEndClosure = t.Column<bool>(type: "INTEGER", nullable: false),
                ObonClosure = t.Column<bool>(type: "INTEGER", nullable: false),
                CreatedAtUtc = t.Column<DateTime>(type: "TEXT", nullable: false),
                UpdatedAtUtc = t.Column<DateTime>(type: "TEXT", nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_Applications", x => x.Id);
                t.ForeignKey("FK_Applications_AspNetUsers_OwnerId", x => x.OwnerId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "AspNetUserClaims",
            columns: t => new
            {
                Id = t.Column<int>(type: "INTEGER", nullable: false).Annotation("Sqlite:Autoincrement", true),
                UserId = t.Column<string>(type: "TEXT", nullable: false),
                ClaimType = t.Column<string>(type: "TEXT", nullable: true),
                ClaimValue = t.Column<string>(type: "TEXT", nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
                t.ForeignKey("FK_AspNetUserClaims_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "AspNetUserLogins",
            columns: t => new
            {
                LoginProvider = t.Column<string>(type: "TEXT", nullable: false),
                ProviderKey = t.Column<string>(type: "TEXT", nullable: false),
                ProviderDisplayName = t.Column<string>(type: "TEXT", nullable: true),
                UserId = t.Column<string>(type: "TEXT", nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
                t.ForeignKey("FK_AspNetUserLogins_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "AspNetUserRoles",
            columns: t => new
            {
                UserId = t.Column<string>(type: "TEXT", nullable: false),
                RoleId = t.Column<string>(type: "TEXT", nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_AspNetUserRoles", x => new { x.UserId, x.RoleId });
                t.ForeignKey("FK_AspNetUserRoles_AspNetRoles_RoleId", x => x.RoleId, "AspNetRoles", "Id", onDelete: ReferentialAction.Cascade);
                t.ForeignKey("FK_AspNetUserRoles_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "AspNetUserTokens",
            columns: t => new
            {
                UserId = t.Column<string>(type: "TEXT", nullable: false),
                LoginProvider = t.Column<string>(type: "TEXT", nullable: false),
                Name = t.Column<string>(type: "TEXT", nullable: false),
                Value = t.Column<string>(type: "TEXT", nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                t.ForeignKey("FK_AspNetUserTokens_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "ApplicationClosures",
            columns: t => new
            {
                Id = t.Column<int>(type: "INTEGER", nullable: false).Annotation("Sqlite:Autoincrement", true),
                ApplicationId = t.Column<int>(type: "INTEGER", nullable: false),
                From = t.Column<DateOnly>(type: "TEXT", nullable: false),
                To = t.Column<DateOnly>(type: "TEXT", nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_ApplicationClosures", x => x.Id);
                t.ForeignKey("FK_ApplicationClosures_Applications_ApplicationId", x => x.ApplicationId, "Applications", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "ContactEvents",
            columns: t => new
            {
                Id = t.Column<int>(type: "INTEGER", nullable: false).Annotation("Sqlite:Autoincrement", true),
                ApplicationId = t.Column<int>(type: "INTEGER", nullable: false),
                OwnerId = t.Column<string>(type: "TEXT", nullable: false),
                Kind = t.Column<int>(type: "INTEGER", nullable: false),
                At = t.Column<DateTime>(type: "TEXT", nullable: false),
                Voicemail = t.Column<int>(type: "INTEGER", nullable: true),
                CallOutcome = t.Column<int>(type: "INTEGER", nullable: true),
                CallPurpose = t.Column<int>(type: "INTEGER", nullable: true),
                EmailPurpose = t.Column<int>(type: "INTEGER", nullable: true),
                Channel = t.Column<int>(type: "INTEGER", nullable: true),
                ResultOutcome = t.Column<int>(type: "INTEGER", nullable: true),
                NewDate = t.Column<DateOnly>(type: "TEXT", nullable: true),
                Note = t.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                CreatedAtUtc = t.Column<DateTime>(type: "TEXT", nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_ContactEvents", x => x.Id);
                t.ForeignKey("FK_ContactEvents_Applications_ApplicationId", x => x.ApplicationId, "Applications", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "Interviews",
            columns: t => new
            {
                Id = t.Column<int>(type: "INTEGER", nullable: false).Annotation("Sqlite:Autoincrement", true),
                ApplicationId = t.Column<int>(type: "INTEGER", nullable: false),
                OwnerId = t.Column<string>(type: "TEXT", nullable: false),
                At = t.Column<DateTime>(type: "TEXT", nullable: false),
                Stage = t.Column<int>(type: "INTEGER", nullable: false),
                PromiseKind = t.Column<int>(type: "INTEGER", nullable: false),
                PromiseDate = t.Column<DateOnly>(type: "TEXT", nullable: true),
                PromiseCount = t.Column<int>(type: "INTEGER", nullable: true),
                ContactsSuccessfulOnly = t.Column<bool>(type: "INTEGER", nullable: false),
                Notes = t.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                CreatedAtUtc = t.Column<DateTime>(type: "TEXT", nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_Interviews", x => x.Id);
                t.ForeignKey("FK_Interviews_Applications_ApplicationId", x => x.ApplicationId, "Applications", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex("IX_ApplicationClosures_ApplicationId", "ApplicationClosures", "ApplicationId");
        migrationBuilder.CreateIndex("IX_Applications_OwnerId", "Applications", "OwnerId");
        migrationBuilder.CreateIndex("IX_AspNetRoleClaims_RoleId", "AspNetRoleClaims", "RoleId");
        migrationBuilder.CreateIndex("RoleNameIndex", "AspNetRoles", "NormalizedName", unique: true);
        migrationBuilder.CreateIndex("IX_AspNetUserClaims_UserId", "AspNetUserClaims", "UserId");
        migrationBuilder.CreateIndex("IX_AspNetUserLogins_UserId", "AspNetUserLogins", "UserId");
        migrationBuilder.CreateIndex("IX_AspNetUserRoles_RoleId", "AspNetUserRoles", "RoleId");
        migrationBuilder.CreateIndex("EmailIndex", "AspNetUsers", "NormalizedEmail");
        migrationBuilder.CreateIndex("UserNameIndex", "AspNetUsers", "NormalizedUserName", unique: true);
        migrationBuilder.CreateIndex("IX_ContactEvents_ApplicationId", "ContactEvents", "ApplicationId");
        migrationBuilder.CreateIndex("IX_ContactEvents_OwnerId_ApplicationId_At", "ContactEvents", ["OwnerId", "ApplicationId", "At"]);
        migrationBuilder.CreateIndex("IX_Interviews_ApplicationId", "Interviews", "ApplicationId");
        migrationBuilder.CreateIndex("IX_Interviews_OwnerId_ApplicationId", "Interviews", ["OwnerId", "ApplicationId"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        foreach (var table in new[]
                 {
                     "Interviews", "ContactEvents", "ApplicationClosures", "AspNetUserTokens", "AspNetUserRoles",
                     "AspNetUserLogins", "AspNetUserClaims", "Applications", "AspNetRoleClaims", "AspNetUsers", "AspNetRoles",
                 })
        {
            migrationBuilder.DropTable(table);
        }
    }
}

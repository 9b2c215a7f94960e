using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PassportQueue.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class Ballot : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<long>(
                name: "BookingId",
                table: "Outbox",
                type: "INTEGER",
                nullable: true,
                oldClrType: typeof(long),
                oldType: "INTEGER");

            migrationBuilder.AddColumn<long>(
                name: "EntryId",
                table: "Outbox",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Held",
                table: "DayCounters",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "BallotDraws",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OfficeId = table.Column<int>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ProtectedSeed = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Commitment = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Seed = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    OpensAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ClosesAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    PriorityPlaces = table.Column<int>(type: "INTEGER", nullable: false),
                    OpenPlaces = table.Column<int>(type: "INTEGER", nullable: false),
                    Entrants = table.Column<int>(type: "INTEGER", nullable: false),
                    Winners = table.Column<int>(type: "INTEGER", nullable: false),
                    DrawnAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DrawnBy = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BallotDraws", x => x.Id);
                    table.CheckConstraint("CK_BallotDraws_State", "\"State\" BETWEEN 0 AND 1");
                    table.CheckConstraint("CK_BallotDraws_Winners", "\"Winners\" >= 0 AND \"Winners\" <= \"PriorityPlaces\" + \"OpenPlaces\" AND \"Winners\" <= \"Entrants\"");
                    table.ForeignKey(
                        name: "FK_BallotDraws_Offices_OfficeId",
                        column: x => x.OfficeId,
                        principalTable: "Offices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "BallotStandings",
                columns: table => new
                {
                    PersonKey = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    LostInARow = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BallotStandings", x => x.PersonKey);
                    table.CheckConstraint("CK_BallotStandings_Lost", "\"LostInARow\" >= 0");
                });

            migrationBuilder.CreateTable(
                name: "BallotEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DrawId = table.Column<long>(type: "INTEGER", nullable: false),
                    EntryCode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    PersonKey = table.Column<string>(type: "TEXT", maxLength: 140, nullable: false),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    BirthDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    AgeGroup = table.Column<int>(type: "INTEGER", nullable: false),
                    IsOwner = table.Column<bool>(type: "INTEGER", nullable: false),
                    Weight = table.Column<int>(type: "INTEGER", nullable: false),
                    MessageId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Rank = table.Column<int>(type: "INTEGER", nullable: true),
                    Result = table.Column<int>(type: "INTEGER", nullable: true),
                    BookingId = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BallotEntries", x => x.Id);
                    table.CheckConstraint("CK_BallotEntries_Weight", "\"Weight\" >= 1");
                    table.ForeignKey(
                        name: "FK_BallotEntries_BallotDraws_DrawId",
                        column: x => x.DrawId,
                        principalTable: "BallotDraws",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Outbox_EntryId_Kind",
                table: "Outbox",
                columns: new[] { "EntryId", "Kind" },
                unique: true,
                filter: "\"EntryId\" IS NOT NULL");

            migrationBuilder.AddCheckConstraint(
                name: "CK_Outbox_About",
                table: "Outbox",
                sql: "\"BookingId\" IS NOT NULL OR \"EntryId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_BallotDraws_OfficeId_Date",
                table: "BallotDraws",
                columns: new[] { "OfficeId", "Date" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_BallotDraws_Open",
                table: "BallotDraws",
                column: "ClosesAtUtc",
                filter: "\"State\" = 0");

            migrationBuilder.CreateIndex(
                name: "IX_BallotEntries_DrawId_EntryCode",
                table: "BallotEntries",
                columns: new[] { "DrawId", "EntryCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_BallotEntries_DrawId_PersonKey",
                table: "BallotEntries",
                columns: new[] { "DrawId", "PersonKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_BallotEntries_DrawId_Rank",
                table: "BallotEntries",
                columns: new[] { "DrawId", "Rank" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BallotEntries");

            migrationBuilder.DropTable(
                name: "BallotStandings");

            migrationBuilder.DropTable(
                name: "BallotDraws");

            migrationBuilder.DropIndex(
                name: "IX_Outbox_EntryId_Kind",
                table: "Outbox");

            migrationBuilder.DropCheckConstraint(
                name: "CK_Outbox_About",
                table: "Outbox");

            migrationBuilder.DropColumn(
                name: "EntryId",
                table: "Outbox");

            migrationBuilder.DropColumn(
                name: "Held",
                table: "DayCounters");

            migrationBuilder.AlterColumn<long>(
                name: "BookingId",
                table: "Outbox",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L,
                oldClrType: typeof(long),
                oldType: "INTEGER",
                oldNullable: true);
        }
    }
}

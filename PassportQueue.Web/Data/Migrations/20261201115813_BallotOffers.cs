using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PassportQueue.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class BallotOffers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "UX_Bookings_DayPlace",
                table: "Bookings");

            migrationBuilder.DropCheckConstraint(
                name: "CK_Bookings_State",
                table: "Bookings");

            migrationBuilder.CreateTable(
                name: "BallotOffers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EntryId = table.Column<long>(type: "INTEGER", nullable: false),
                    FreedBookingId = table.Column<long>(type: "INTEGER", nullable: false),
                    OfferedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExpiresAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    BookingId = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BallotOffers", x => x.Id);
                    table.CheckConstraint("CK_BallotOffers_State", "\"State\" BETWEEN 0 AND 2");
                    table.ForeignKey(
                        name: "FK_BallotOffers_BallotEntries_EntryId",
                        column: x => x.EntryId,
                        principalTable: "BallotEntries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "UX_Bookings_DayPlace",
                table: "Bookings",
                columns: new[] { "OfficeId", "Date", "DayPlace" },
                unique: true,
                filter: "\"State\" <> 5");

            migrationBuilder.AddCheckConstraint(
                name: "CK_Bookings_State",
                table: "Bookings",
                sql: "\"State\" BETWEEN 0 AND 5");

            migrationBuilder.CreateIndex(
                name: "IX_BallotOffers_EntryId",
                table: "BallotOffers",
                column: "EntryId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_BallotOffers_Pending",
                table: "BallotOffers",
                column: "ExpiresAtUtc",
                filter: "\"State\" = 0");

            migrationBuilder.CreateIndex(
                name: "UX_BallotOffers_LivePerPlace",
                table: "BallotOffers",
                column: "FreedBookingId",
                unique: true,
                filter: "\"State\" <> 2");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BallotOffers");

            migrationBuilder.DropIndex(
                name: "UX_Bookings_DayPlace",
                table: "Bookings");

            migrationBuilder.DropCheckConstraint(
                name: "CK_Bookings_State",
                table: "Bookings");

            migrationBuilder.CreateIndex(
                name: "UX_Bookings_DayPlace",
                table: "Bookings",
                columns: new[] { "OfficeId", "Date", "DayPlace" },
                unique: true);

            migrationBuilder.AddCheckConstraint(
                name: "CK_Bookings_State",
                table: "Bookings",
                sql: "\"State\" BETWEEN 0 AND 4");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PassportQueue.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class Retention : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "PseudonymisedAtUtc",
                table: "Bookings",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Bookings_Identified",
                table: "Bookings",
                column: "UpdatedAtUtc",
                filter: "\"PseudonymisedAtUtc\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Bookings_Identified",
                table: "Bookings");

            migrationBuilder.DropColumn(
                name: "PseudonymisedAtUtc",
                table: "Bookings");
        }
    }
}

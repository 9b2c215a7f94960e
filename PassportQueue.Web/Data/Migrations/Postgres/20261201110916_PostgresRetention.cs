using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PassportQueue.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PostgresRetention : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "PseudonymisedAtUtc",
                table: "Bookings",
                type: "timestamp with time zone",
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

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PassportQueue.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PostgresSameDayPlaces : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Skipped",
                table: "DayCounters",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddCheckConstraint(
                name: "CK_DayCounters_Places",
                table: "DayCounters",
                sql: "\"Skipped\" >= 0 AND \"OpenTaken\" + \"PriorityTaken\" + \"Skipped\" <= \"SlotsPerDay\" * \"PlacesPerSlot\"");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "CK_DayCounters_Places",
                table: "DayCounters");

            migrationBuilder.DropColumn(
                name: "Skipped",
                table: "DayCounters");
        }
    }
}

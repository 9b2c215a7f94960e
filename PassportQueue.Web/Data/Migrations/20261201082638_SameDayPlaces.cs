using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PassportQueue.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class SameDayPlaces : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // SQLite adds a CHECK only by rebuilding the table, which cannot run in the migration's
            // transaction. A column's CHECK may name other columns, so the column and its constraint
            // come in one ALTER TABLE, inside the transaction; the model records the same constraint.
            migrationBuilder.Sql(
                """
                ALTER TABLE "DayCounters" ADD COLUMN "Skipped" INTEGER NOT NULL DEFAULT 0
                CONSTRAINT "CK_DayCounters_Places" CHECK ("Skipped" >= 0 AND "OpenTaken" + "PriorityTaken" + "Skipped" <= "SlotsPerDay" * "PlacesPerSlot");
                """);
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

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PassportQueue.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PostgresBallotEntriesByNumber : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_BallotEntries_Phone",
                table: "BallotEntries",
                column: "Phone");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_BallotEntries_Phone",
                table: "BallotEntries");
        }
    }
}

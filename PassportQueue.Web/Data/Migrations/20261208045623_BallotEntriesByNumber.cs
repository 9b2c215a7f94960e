using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PassportQueue.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class BallotEntriesByNumber : Migration
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

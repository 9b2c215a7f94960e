using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PassportQueue.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class CounterCalls : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CounterCalls",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OfficeId = table.Column<int>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Counter = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    BookingId = table.Column<long>(type: "INTEGER", nullable: false),
                    QueueNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CounterCalls", x => x.Id);
                    table.CheckConstraint("CK_CounterCalls_Kind", "\"Kind\" BETWEEN 0 AND 2");
                    table.ForeignKey(
                        name: "FK_CounterCalls_Bookings_BookingId",
                        column: x => x.BookingId,
                        principalTable: "Bookings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CounterCalls_OfficeId_Date_Id",
                table: "CounterCalls",
                columns: new[] { "OfficeId", "Date", "Id" });

            migrationBuilder.CreateIndex(
                name: "UX_CounterCalls_Called",
                table: "CounterCalls",
                column: "BookingId",
                unique: true,
                filter: "\"Kind\" = 0");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CounterCalls");
        }
    }
}

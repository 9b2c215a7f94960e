using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PassportQueue.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class RingSignals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "PerceptualHash",
                table: "IdPhotos",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "CheckInEntry",
                table: "Bookings",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "RingSignals",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OfficeId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Evidence = table.Column<string>(type: "TEXT", nullable: false),
                    FirstSeenUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastSeenUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DecidedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Decision = table.Column<int>(type: "INTEGER", nullable: true),
                    DecisionReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    PseudonymisedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RingSignals", x => x.Id);
                    table.CheckConstraint("CK_RingSignals_Decided", "(\"DecidedAtUtc\" IS NULL AND \"DecidedBy\" IS NULL AND \"Decision\" IS NULL) OR (\"DecidedAtUtc\" IS NOT NULL AND \"DecidedBy\" IS NOT NULL AND \"Decision\" IS NOT NULL AND \"DecisionReason\" IS NOT NULL)");
                });

            migrationBuilder.CreateTable(
                name: "ScalperReports",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OfficeId = table.Column<int>(type: "INTEGER", nullable: false),
                    ReporterPhone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    MessageId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ReceivedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScalperReports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RingEdges",
                columns: table => new
                {
                    SignalId = table.Column<long>(type: "INTEGER", nullable: false),
                    FromKind = table.Column<int>(type: "INTEGER", nullable: false),
                    FromKey = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    ToKind = table.Column<int>(type: "INTEGER", nullable: false),
                    ToKey = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RingEdges", x => new { x.SignalId, x.FromKind, x.FromKey, x.ToKind, x.ToKey });
                    table.ForeignKey(
                        name: "FK_RingEdges_RingSignals_SignalId",
                        column: x => x.SignalId,
                        principalTable: "RingSignals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Phones_FirstSeenUtc",
                table: "Phones",
                column: "FirstSeenUtc");

            migrationBuilder.CreateIndex(
                name: "IX_Messages_OfficeUnbooked",
                table: "Messages",
                columns: new[] { "OfficeId", "ReceivedAtUtc" },
                filter: "\"BookingId\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Bookings_OfficeCreated",
                table: "Bookings",
                columns: new[] { "OfficeId", "CreatedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_RingEdges_FromKind_FromKey",
                table: "RingEdges",
                columns: new[] { "FromKind", "FromKey" });

            migrationBuilder.CreateIndex(
                name: "IX_RingEdges_ToKind_ToKey",
                table: "RingEdges",
                columns: new[] { "ToKind", "ToKey" });

            migrationBuilder.CreateIndex(
                name: "IX_RingSignals_OfficeId_Key",
                table: "RingSignals",
                columns: new[] { "OfficeId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ScalperReports_MessageId",
                table: "ScalperReports",
                column: "MessageId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ScalperReports_OfficeId_ReceivedAtUtc",
                table: "ScalperReports",
                columns: new[] { "OfficeId", "ReceivedAtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RingEdges");

            migrationBuilder.DropTable(
                name: "ScalperReports");

            migrationBuilder.DropTable(
                name: "RingSignals");

            migrationBuilder.DropIndex(
                name: "IX_Phones_FirstSeenUtc",
                table: "Phones");

            migrationBuilder.DropIndex(
                name: "IX_Messages_OfficeUnbooked",
                table: "Messages");

            migrationBuilder.DropIndex(
                name: "IX_Bookings_OfficeCreated",
                table: "Bookings");

            migrationBuilder.DropColumn(
                name: "PerceptualHash",
                table: "IdPhotos");

            migrationBuilder.DropColumn(
                name: "CheckInEntry",
                table: "Bookings");
        }
    }
}

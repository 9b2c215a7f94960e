using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace PassportQueue.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PostgresRingSignals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "PerceptualHash",
                table: "IdPhotos",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "CheckInEntry",
                table: "Bookings",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "RingSignals",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OfficeId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Key = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Evidence = table.Column<string>(type: "text", nullable: false),
                    FirstSeenUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LastSeenUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DecidedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DecidedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Decision = table.Column<int>(type: "integer", nullable: true),
                    DecisionReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    PseudonymisedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OfficeId = table.Column<int>(type: "integer", nullable: false),
                    ReporterPhone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Text = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    MessageId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ReceivedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScalperReports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RingEdges",
                columns: table => new
                {
                    SignalId = table.Column<long>(type: "bigint", nullable: false),
                    FromKind = table.Column<int>(type: "integer", nullable: false),
                    FromKey = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    ToKind = table.Column<int>(type: "integer", nullable: false),
                    ToKey = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false)
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

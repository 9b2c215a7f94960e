using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PassportQueue.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PostgresChatButtons : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "CK_Outbox_About",
                table: "Outbox");

            migrationBuilder.AddColumn<string>(
                name: "ContentVariables",
                table: "Outbox",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReplyToMessageId",
                table: "Outbox",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Outbox_ReplyToMessageId_Kind",
                table: "Outbox",
                columns: new[] { "ReplyToMessageId", "Kind" },
                unique: true,
                filter: "\"ReplyToMessageId\" IS NOT NULL");

            migrationBuilder.AddCheckConstraint(
                name: "CK_Outbox_About",
                table: "Outbox",
                sql: "\"BookingId\" IS NOT NULL OR \"EntryId\" IS NOT NULL OR \"ReplyToMessageId\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Outbox_ReplyToMessageId_Kind",
                table: "Outbox");

            migrationBuilder.DropCheckConstraint(
                name: "CK_Outbox_About",
                table: "Outbox");

            migrationBuilder.DropColumn(
                name: "ContentVariables",
                table: "Outbox");

            migrationBuilder.DropColumn(
                name: "ReplyToMessageId",
                table: "Outbox");

            migrationBuilder.AddCheckConstraint(
                name: "CK_Outbox_About",
                table: "Outbox",
                sql: "\"BookingId\" IS NOT NULL OR \"EntryId\" IS NOT NULL");
        }
    }
}

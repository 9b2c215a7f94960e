using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PassportQueue.Web.Data.Migrations.Postgres
{
    /// <summary>
    /// The outbox speaks of any provider: Twilio's message SID becomes the provider's message id, the Content SID the
    /// template, its variables the template's variables. Columns are renamed (every stored row keeps its values), not remade.
    /// </summary>
    public partial class PostgresChannelNeutralOutbox : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Outbox_TwilioSid",
                table: "Outbox");

            migrationBuilder.RenameColumn(
                name: "TwilioSid",
                table: "Outbox",
                newName: "ProviderMessageId");

            migrationBuilder.RenameColumn(
                name: "ContentVariables",
                table: "Outbox",
                newName: "TemplateVariables");

            migrationBuilder.RenameColumn(
                name: "ContentSid",
                table: "Outbox",
                newName: "Template");

            migrationBuilder.CreateIndex(
                name: "IX_Outbox_ProviderMessageId",
                table: "Outbox",
                column: "ProviderMessageId",
                unique: true,
                filter: "\"ProviderMessageId\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Outbox_ProviderMessageId",
                table: "Outbox");

            migrationBuilder.RenameColumn(
                name: "TemplateVariables",
                table: "Outbox",
                newName: "ContentVariables");

            migrationBuilder.RenameColumn(
                name: "Template",
                table: "Outbox",
                newName: "ContentSid");

            migrationBuilder.RenameColumn(
                name: "ProviderMessageId",
                table: "Outbox",
                newName: "TwilioSid");

            migrationBuilder.CreateIndex(
                name: "IX_Outbox_TwilioSid",
                table: "Outbox",
                column: "TwilioSid",
                unique: true,
                filter: "\"TwilioSid\" IS NOT NULL");
        }
    }
}

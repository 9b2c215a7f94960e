using PassportQueue.Web.Data.Sql;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PassportQueue.Web.Data.Records;

namespace PassportQueue.Web.Data.Configurations;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("Outbox");
        builder.HasKey(o => o.Id);
        // One message of each kind per booking, however many nodes or retries try to write it.
        builder.HasIndex(o => new { o.BookingId, o.Kind }).IsUnique();
        builder.HasIndex(o => new { o.EntryId, o.Kind }).IsUnique().HasFilter("\"EntryId\" IS NOT NULL");
        builder.HasIndex(o => new { o.ReplyToMessageId, o.Kind }).IsUnique().HasFilter("\"ReplyToMessageId\" IS NOT NULL");
        builder.ToTable(t => t.HasCheckConstraint("CK_Outbox_About", "\"BookingId\" IS NOT NULL OR \"EntryId\" IS NOT NULL OR \"ReplyToMessageId\" IS NOT NULL"));
        builder.HasIndex(o => o.DueAtUtc).HasFilter($"\"Status\" = {StateSql.OutboxPending}").HasDatabaseName("IX_Outbox_Pending");
        builder.HasIndex(o => o.ProviderMessageId).IsUnique().HasFilter("\"ProviderMessageId\" IS NOT NULL");
        builder.HasIndex(o => o.Phone);
        builder.Property(o => o.Phone).HasMaxLength(20).IsRequired();
        builder.Property(o => o.LeasedBy).HasMaxLength(100);
        builder.Property(o => o.Body).HasMaxLength(2000);
        builder.Property(o => o.Template).HasMaxLength(64);
        builder.Property(o => o.ProviderMessageId).HasMaxLength(64);
        builder.Property(o => o.ReplyToMessageId).HasMaxLength(64);
        builder.Property(o => o.TemplateVariables).HasMaxLength(2000);
        builder.Property(o => o.LastError).HasMaxLength(500);
        builder.Property(o => o.DeliveryStatus).HasMaxLength(20);
        builder.Property(o => o.DeliveryErrorCode).HasMaxLength(10);
    }
}

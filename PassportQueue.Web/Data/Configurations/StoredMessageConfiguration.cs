using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PassportQueue.Web.Data.Records;

namespace PassportQueue.Web.Data.Configurations;

internal sealed class StoredMessageConfiguration : IEntityTypeConfiguration<StoredMessage>
{
    public void Configure(EntityTypeBuilder<StoredMessage> builder)
    {
        builder.ToTable("Messages");
        // The channel's message id is the key: one outcome per message, even across processes.
        builder.HasKey(m => m.MessageId);
        builder.Property(m => m.MessageId).HasMaxLength(64);
        builder.Property(m => m.Phone).HasMaxLength(20).IsRequired();
        builder.Property(m => m.Body).HasMaxLength(4096).IsRequired();
        builder.Property(m => m.Outcome).IsRequired();
        builder.HasIndex(m => new { m.Phone, m.ReceivedAtUtc });
        // The ring scan reads an office's recent messages that made no booking (refusals, with or without a photo).
        builder.HasIndex(m => new { m.OfficeId, m.ReceivedAtUtc }).HasFilter("\"BookingId\" IS NULL").HasDatabaseName("IX_Messages_OfficeUnbooked");
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PassportQueue.Core.Audit;

namespace PassportQueue.Web.Data.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("AuditEntries");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Actor).HasMaxLength(120).IsRequired();
        builder.Property(a => a.Phone).HasMaxLength(20);
        builder.Property(a => a.Reason).HasMaxLength(500);
        // No index on the time: ids grow with time, so a time range is an id range.
        builder.HasIndex(a => a.BookingId);
        // A number's own events (flags, blacklist) are found by number; its bookings' events through the bookings.
        builder.HasIndex(a => a.Phone).HasFilter("\"BookingId\" IS NULL");
    }
}

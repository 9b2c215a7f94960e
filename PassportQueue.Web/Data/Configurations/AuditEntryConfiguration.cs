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
        builder.HasIndex(a => a.AtUtc);
        builder.HasIndex(a => a.BookingId);
        builder.HasIndex(a => a.Phone);
    }
}

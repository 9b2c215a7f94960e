using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PassportQueue.Web.Data.Records;

namespace PassportQueue.Web.Data.Configurations;

internal sealed class IdPhotoConfiguration : IEntityTypeConfiguration<IdPhoto>
{
    public void Configure(EntityTypeBuilder<IdPhoto> builder)
    {
        builder.ToTable("IdPhotos");
        builder.HasKey(p => p.MessageId);
        builder.Property(p => p.MessageId).HasMaxLength(64);
        builder.Property(p => p.Phone).HasMaxLength(20).IsRequired();
        builder.Property(p => p.ContentType).HasMaxLength(40).IsRequired();
        // Photos still held, oldest first, for the retention job.
        builder.HasIndex(p => p.ReceivedAtUtc).HasFilter("\"Encrypted\" IS NOT NULL").HasDatabaseName("IX_IdPhotos_Held");
    }
}

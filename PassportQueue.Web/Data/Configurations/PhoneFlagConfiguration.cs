using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PassportQueue.Core.Blacklist;
using PassportQueue.Core.Phones;

namespace PassportQueue.Web.Data.Configurations;

internal sealed class PhoneFlagConfiguration : IEntityTypeConfiguration<PhoneFlag>
{
    public void Configure(EntityTypeBuilder<PhoneFlag> builder)
    {
        builder.ToTable("PhoneFlags");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Phone).HasMaxLength(20).IsRequired();
        builder.Property(f => f.Detail).HasMaxLength(500);
        builder.Property(f => f.RaisedBy).HasMaxLength(120).IsRequired();
        builder.HasIndex(f => new { f.Phone, f.RaisedAtUtc });
        builder.HasOne<PhoneRecord>().WithMany().HasForeignKey(f => f.Phone).OnDelete(DeleteBehavior.Restrict);
    }
}

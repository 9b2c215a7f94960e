using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PassportQueue.Core.Phones;
using PassportQueue.Web.Data.Records;

namespace PassportQueue.Web.Data.Configurations;

internal sealed class PhoneDependantConfiguration : IEntityTypeConfiguration<PhoneDependant>
{
    public void Configure(EntityTypeBuilder<PhoneDependant> builder)
    {
        builder.ToTable("PhoneDependants");
        builder.HasKey(d => new { d.Number, d.PersonKey });
        builder.Property(d => d.Number).HasMaxLength(20);
        builder.Property(d => d.PersonKey).HasMaxLength(140);
        builder.HasOne<PhoneRecord>().WithMany().HasForeignKey(d => d.Number).OnDelete(DeleteBehavior.Restrict);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PassportQueue.Core.Offices;

namespace PassportQueue.Web.Data.Configurations;

internal sealed class OfficeConfiguration : IEntityTypeConfiguration<Office>
{
    public void Configure(EntityTypeBuilder<Office> builder)
    {
        builder.ToTable("Offices");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Code).HasMaxLength(5).IsRequired();
        builder.HasIndex(o => o.Code).IsUnique();
        builder.Ignore(o => o.Calendar);
        // Settings are one document: the dashboard edits them as a whole and every change is audited.
        builder.Property(o => o.Settings)
            .HasColumnName("SettingsJson")
            .HasConversion(
                s => OfficeSettingsJson.Write(s),
                s => OfficeSettingsJson.Read(s),
                new ValueComparer<OfficeSettings>(
                    (a, b) => OfficeSettingsJson.Write(a!) == OfficeSettingsJson.Write(b!),
                    s => OfficeSettingsJson.Write(s).GetHashCode(StringComparison.Ordinal),
                    s => OfficeSettingsJson.Read(OfficeSettingsJson.Write(s))))
            .IsRequired();
    }
}

using PassportQueue.Web.Data.Sql;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PassportQueue.Core.Phones;

namespace PassportQueue.Web.Data.Configurations;

internal sealed class PhoneRecordConfiguration : IEntityTypeConfiguration<PhoneRecord>
{
    public void Configure(EntityTypeBuilder<PhoneRecord> builder)
    {
        builder.ToTable("Phones", t =>
        {
            t.HasCheckConstraint("CK_Phones_Standing", "\"Standing\" BETWEEN 0 AND 2");
            t.HasCheckConstraint("CK_Phones_Counts", "\"Dependants\" >= 0 AND \"NoShows\" >= 0");
        });
        builder.HasKey(p => p.Number);
        builder.Property(p => p.Number).HasMaxLength(20);
        builder.Property(p => p.OwnerPersonKey).HasMaxLength(140);
        builder.Property(p => p.OwnerName).HasMaxLength(100);
        builder.Property(p => p.StandingReason).HasMaxLength(500);
        // A person owns at most one number: the personal-number rule, enforced by the database.
        builder.HasIndex(p => p.OwnerPersonKey).IsUnique().HasFilter("\"OwnerPersonKey\" IS NOT NULL")
            .HasDatabaseName("UX_Phones_Owner");
        // Only flagged and blacklisted numbers are listed; clear ones stay out of the index.
        builder.HasIndex(p => p.Standing).HasFilter($"\"Standing\" <> {StateSql.Clear}");
        // The ring scan reads the numbers new in its window (bursts, series).
        builder.HasIndex(p => p.FirstSeenUtc);
    }
}

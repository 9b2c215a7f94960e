using PassportQueue.Web.Data.Sql;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PassportQueue.Core.Offices;
using PassportQueue.Web.Data.Records;

namespace PassportQueue.Web.Data.Configurations;

internal sealed class BallotDrawConfiguration : IEntityTypeConfiguration<BallotDrawRecord>
{
    public void Configure(EntityTypeBuilder<BallotDrawRecord> builder)
    {
        builder.ToTable("BallotDraws", t =>
        {
            t.HasCheckConstraint("CK_BallotDraws_State", "\"State\" BETWEEN 0 AND 1");
            t.HasCheckConstraint("CK_BallotDraws_Winners", "\"Winners\" >= 0 AND \"Winners\" <= \"PriorityPlaces\" + \"OpenPlaces\" AND \"Winners\" <= \"Entrants\"");
        });
        builder.HasKey(d => d.Id);
        // One draw per office and day.
        builder.HasIndex(d => new { d.OfficeId, d.Date }).IsUnique();
        builder.HasIndex(d => d.ClosesAtUtc).HasFilter($"\"State\" = {StateSql.DrawOpen}").HasDatabaseName("IX_BallotDraws_Open");
        builder.Property(d => d.ProtectedSeed).HasMaxLength(1000).IsRequired();
        builder.Property(d => d.Commitment).HasMaxLength(64).IsRequired();
        builder.Property(d => d.Seed).HasMaxLength(64);
        builder.Property(d => d.DrawnBy).HasMaxLength(120);
        builder.HasOne<Office>().WithMany().HasForeignKey(d => d.OfficeId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class BallotEntryConfiguration : IEntityTypeConfiguration<BallotEntryRecord>
{
    public void Configure(EntityTypeBuilder<BallotEntryRecord> builder)
    {
        builder.ToTable("BallotEntries", t => t.HasCheckConstraint("CK_BallotEntries_Weight", "\"Weight\" >= 1"));
        builder.HasKey(e => e.Id);
        // One entry per person and draw, whatever number or node it comes from.
        builder.HasIndex(e => new { e.DrawId, e.PersonKey }).IsUnique();
        builder.HasIndex(e => new { e.DrawId, e.EntryCode }).IsUnique();
        builder.HasIndex(e => new { e.DrawId, e.Rank });
        // CEK finds a number's entries by it.
        builder.HasIndex(e => e.Phone).HasDatabaseName("IX_BallotEntries_Phone");
        builder.Property(e => e.EntryCode).HasMaxLength(16).IsRequired();
        builder.Property(e => e.PersonKey).HasMaxLength(140).IsRequired();
        builder.Property(e => e.Phone).HasMaxLength(20).IsRequired();
        builder.Property(e => e.Name).HasMaxLength(100).IsRequired();
        builder.Property(e => e.Address).HasMaxLength(300);
        builder.Property(e => e.MessageId).HasMaxLength(64).IsRequired();
        builder.HasOne<BallotDrawRecord>().WithMany().HasForeignKey(e => e.DrawId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class BallotStandingConfiguration : IEntityTypeConfiguration<BallotStanding>
{
    public void Configure(EntityTypeBuilder<BallotStanding> builder)
    {
        builder.ToTable("BallotStandings", t => t.HasCheckConstraint("CK_BallotStandings_Lost", "\"LostInARow\" >= 0"));
        builder.HasKey(s => s.PersonKey);
        builder.Property(s => s.PersonKey).HasMaxLength(40);
    }
}

internal sealed class BallotOfferConfiguration : IEntityTypeConfiguration<BallotOfferRecord>
{
    public void Configure(EntityTypeBuilder<BallotOfferRecord> builder)
    {
        builder.ToTable("BallotOffers", t => t.HasCheckConstraint("CK_BallotOffers_State", "\"State\" BETWEEN 0 AND 2"));
        builder.HasKey(o => o.Id);
        // One offer per entrant, and one live (pending or taken) offer per freed place.
        builder.HasIndex(o => o.EntryId).IsUnique();
        builder.HasIndex(o => o.FreedBookingId).IsUnique().HasFilter($"\"State\" <> {StateSql.OfferExpired}").HasDatabaseName("UX_BallotOffers_LivePerPlace");
        builder.HasIndex(o => o.ExpiresAtUtc).HasFilter($"\"State\" = {StateSql.OfferPending}").HasDatabaseName("IX_BallotOffers_Pending");
        builder.HasOne<BallotEntryRecord>().WithMany().HasForeignKey(o => o.EntryId).OnDelete(DeleteBehavior.Restrict);
    }
}

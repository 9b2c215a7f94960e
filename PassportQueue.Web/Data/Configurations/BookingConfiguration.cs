using PassportQueue.Web.Data.Sql;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PassportQueue.Core.Bookings;
using PassportQueue.Core.Offices;

namespace PassportQueue.Web.Data.Configurations;

internal sealed class BookingConfiguration : IEntityTypeConfiguration<Booking>
{
    public void Configure(EntityTypeBuilder<Booking> builder)
    {
        builder.ToTable("Bookings", t =>
            t.HasCheckConstraint("CK_Bookings_State", "\"State\" BETWEEN 0 AND 5"));
        builder.HasKey(b => b.Id);
        builder.Property(b => b.Code).HasMaxLength(16).IsRequired();
        builder.HasIndex(b => b.Code).IsUnique();
        builder.Property(b => b.Phone).HasMaxLength(20).IsRequired();
        builder.Property(b => b.PersonKey).HasMaxLength(140).IsRequired();
        builder.Property(b => b.Name).HasMaxLength(100).IsRequired();
        builder.Property(b => b.Address).HasMaxLength(300);
        builder.Property(b => b.StateReason).HasMaxLength(500);
        builder.Property(b => b.MessageId).HasMaxLength(64);
        // One active booking per person, enforced by the database across processes.
        builder.HasIndex(b => b.PersonKey).IsUnique().HasFilter($"\"State\" IN {StateSql.Active}")
            .HasDatabaseName("UX_Bookings_ActivePerson");
        // Each place of a day is given once: with slots filled in place order, no slot is ever over its places.
        // A voided booking keeps its code but not its place: the place is given again (to an entrant who accepts it).
        builder.HasIndex(b => new { b.OfficeId, b.Date, b.DayPlace }).IsUnique().HasFilter($"\"State\" <> {StateSql.Voided}").HasDatabaseName("UX_Bookings_DayPlace");
        // No index on the number: a number's bookings are found through its messages (Messages.Phone).
        // Late codes are found among the booked ones only.
        builder.HasIndex(b => b.CheckInDeadlineUtc).HasFilter($"\"State\" = {StateSql.Booked}").HasDatabaseName("IX_Bookings_BookedDeadline");
        // The retention finds the bookings still holding personal data, oldest change first.
        builder.HasIndex(b => b.UpdatedAtUtc).HasFilter("\"PseudonymisedAtUtc\" IS NULL").HasDatabaseName("IX_Bookings_Identified");
        // The ring scan reads an office's recent bookings.
        builder.HasIndex(b => new { b.OfficeId, b.CreatedAtUtc }).HasDatabaseName("IX_Bookings_OfficeCreated");
        builder.HasOne<Office>().WithMany().HasForeignKey(b => b.OfficeId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(b => b.IsActive);
    }
}

using PassportQueue.Web.Data.Sql;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PassportQueue.Web.Data.Records;
using PassportQueue.Web.Counters;

namespace PassportQueue.Web.Data.Configurations;

internal sealed class CounterCallConfiguration : IEntityTypeConfiguration<CounterCallRecord>
{
    public void Configure(EntityTypeBuilder<CounterCallRecord> builder)
    {
        builder.ToTable("CounterCalls", t => t.HasCheckConstraint("CK_CounterCalls_Kind", "\"Kind\" BETWEEN 0 AND 2"));
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Counter).HasMaxLength(30).IsRequired();
        builder.Property(c => c.Reason).HasMaxLength(300);
        builder.Property(c => c.Actor).HasMaxLength(256).IsRequired();
        builder.HasOne<Core.Bookings.Booking>().WithMany().HasForeignKey(c => c.BookingId).OnDelete(DeleteBehavior.Restrict);
        // Each arrived applicant is called once, whichever counter gets there first.
        builder.HasIndex(c => c.BookingId).IsUnique().HasFilter($"\"Kind\" = {StateSql.Call}").HasDatabaseName("UX_CounterCalls_Called");
        builder.HasIndex(c => new { c.OfficeId, c.Date, c.Id });
    }
}

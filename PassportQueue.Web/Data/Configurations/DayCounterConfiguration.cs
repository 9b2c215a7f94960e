using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PassportQueue.Web.Data.Records;

namespace PassportQueue.Web.Data.Configurations;

internal sealed class DayCounterConfiguration : IEntityTypeConfiguration<DayCounter>
{
    public void Configure(EntityTypeBuilder<DayCounter> builder)
    {
        // The quota holds in the database itself, whatever process or statement writes.
        builder.ToTable("DayCounters", t =>
        {
            t.HasCheckConstraint("CK_DayCounters_Open", "\"OpenTaken\" >= 0 AND \"OpenTaken\" + \"PriorityQuota\" <= \"Quota\"");
            t.HasCheckConstraint("CK_DayCounters_Priority", "\"PriorityTaken\" >= 0 AND \"PriorityTaken\" <= \"PriorityQuota\"");
            t.HasCheckConstraint("CK_DayCounters_Arrived", "\"Arrived\" >= 0 AND \"Arrived\" <= \"OpenTaken\" + \"PriorityTaken\"");
            t.HasCheckConstraint("CK_DayCounters_Slots", "\"PlacesPerSlot\" > 0 AND \"Quota\" <= \"SlotsPerDay\" * \"PlacesPerSlot\"");
            // Numbered places (taken or skipped) never go past the day's slots.
            t.HasCheckConstraint(
                "CK_DayCounters_Places",
                "\"Skipped\" >= 0 AND \"OpenTaken\" + \"PriorityTaken\" + \"Skipped\" <= \"SlotsPerDay\" * \"PlacesPerSlot\"");
        });
        builder.HasKey(d => new { d.OfficeId, d.Date });
    }
}

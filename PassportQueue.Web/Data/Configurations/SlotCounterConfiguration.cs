using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PassportQueue.Web.Data.Records;

namespace PassportQueue.Web.Data.Configurations;

internal sealed class SlotCounterConfiguration : IEntityTypeConfiguration<SlotCounter>
{
    public void Configure(EntityTypeBuilder<SlotCounter> builder)
    {
        builder.ToTable("SlotCounters", t =>
            t.HasCheckConstraint("CK_SlotCounters_Capacity", "\"Taken\" >= 0 AND \"Taken\" <= \"Capacity\""));
        builder.HasKey(s => new { s.OfficeId, s.Date, s.SlotIndex });
    }
}

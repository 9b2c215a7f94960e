using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PassportQueue.Web.Data.Records;

namespace PassportQueue.Web.Data.Configurations;

internal sealed class RingSignalConfiguration : IEntityTypeConfiguration<RingSignalRecord>
{
    public void Configure(EntityTypeBuilder<RingSignalRecord> builder)
    {
        builder.ToTable("RingSignals", t => t.HasCheckConstraint(
            "CK_RingSignals_Decided", "(\"DecidedAtUtc\" IS NULL AND \"DecidedBy\" IS NULL AND \"Decision\" IS NULL) OR (\"DecidedAtUtc\" IS NOT NULL AND \"DecidedBy\" IS NOT NULL AND \"Decision\" IS NOT NULL AND \"DecisionReason\" IS NOT NULL)"));
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Key).HasMaxLength(300).IsRequired();
        builder.Property(s => s.DecidedBy).HasMaxLength(256);
        builder.Property(s => s.DecisionReason).HasMaxLength(500);
        // A later scan that sees the same signal finds it by its key, whatever node runs the scan.
        builder.HasIndex(s => new { s.OfficeId, s.Key }).IsUnique();
    }
}

internal sealed class RingEdgeConfiguration : IEntityTypeConfiguration<RingEdgeRecord>
{
    public void Configure(EntityTypeBuilder<RingEdgeRecord> builder)
    {
        builder.ToTable("RingEdges");
        builder.HasKey(e => new { e.SignalId, e.FromKind, e.FromKey, e.ToKind, e.ToKey });
        builder.Property(e => e.FromKey).HasMaxLength(300);
        builder.Property(e => e.ToKey).HasMaxLength(300);
        builder.HasOne<RingSignalRecord>().WithMany().HasForeignKey(e => e.SignalId).OnDelete(DeleteBehavior.Restrict);
        // A number's timeline finds its signals by node.
        builder.HasIndex(e => new { e.FromKind, e.FromKey });
        builder.HasIndex(e => new { e.ToKind, e.ToKey });
    }
}

internal sealed class ScalperReportConfiguration : IEntityTypeConfiguration<ScalperReport>
{
    public void Configure(EntityTypeBuilder<ScalperReport> builder)
    {
        builder.ToTable("ScalperReports");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.ReporterPhone).HasMaxLength(20).IsRequired();
        builder.Property(r => r.Text).HasMaxLength(1000).IsRequired();
        builder.Property(r => r.MessageId).HasMaxLength(64).IsRequired();
        builder.HasIndex(r => r.MessageId).IsUnique();
        builder.HasIndex(r => new { r.OfficeId, r.ReceivedAtUtc });
    }
}

using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using PassportQueue.Core.Audit;
using PassportQueue.Core.Blacklist;
using PassportQueue.Core.Bookings;
using PassportQueue.Core.Offices;
using PassportQueue.Core.Phones;
using PassportQueue.Web.Data.Records;

namespace PassportQueue.Web.Data;

/// <summary>
/// The product's database: bookings, numbers, flags, the audit trail, the engine's counters, and
/// staff accounts. This type carries the SQLite migrations; <see cref="PostgresDbContext"/> the
/// same model with PostgreSQL's.
/// </summary>
public class PassportQueueDbContext(DbContextOptions options) : IdentityDbContext<StaffUser>(options)
{
    public DbSet<Office> Offices => Set<Office>();

    public DbSet<Booking> Bookings => Set<Booking>();

    public DbSet<PhoneRecord> Phones => Set<PhoneRecord>();

    public DbSet<PhoneDependant> PhoneDependants => Set<PhoneDependant>();

    public DbSet<PhoneFlag> PhoneFlags => Set<PhoneFlag>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<StoredMessage> Messages => Set<StoredMessage>();

    public DbSet<DayCounter> DayCounters => Set<DayCounter>();

    public DbSet<IdPhoto> IdPhotos => Set<IdPhoto>();

    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();

    public DbSet<BallotDrawRecord> BallotDraws => Set<BallotDrawRecord>();

    public DbSet<BallotEntryRecord> BallotEntries => Set<BallotEntryRecord>();

    public DbSet<BallotStanding> BallotStandings => Set<BallotStanding>();

    public DbSet<BallotOfferRecord> BallotOffers => Set<BallotOfferRecord>();

    public DbSet<RingSignalRecord> RingSignals => Set<RingSignalRecord>();

    public DbSet<RingEdgeRecord> RingEdges => Set<RingEdgeRecord>();

    public DbSet<ScalperReport> ScalperReports => Set<ScalperReport>();

    public DbSet<CounterCallRecord> CounterCalls => Set<CounterCallRecord>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PassportQueueDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every instant is stored in UTC and read back as UTC.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }
}

using Microsoft.EntityFrameworkCore;
using PassportQueue.Web.Data.Sql;

namespace PassportQueue.Tests.Web.Data;

/// <summary>
/// The invariants hold in the database itself, so that no process, however it writes, can break
/// them: each statement here tries to, directly in SQL, and the database refuses.
/// </summary>
public abstract class DatabaseInvariantTests(DatabaseProvider provider)
{
    [SkippableTheory]
    [InlineData("""UPDATE "DayCounters" SET "OpenTaken" = "Quota" """)]
    [InlineData("""UPDATE "DayCounters" SET "PriorityTaken" = "PriorityQuota" + 1""")]
    [InlineData("""UPDATE "DayCounters" SET "Arrived" = 99""")]
    [InlineData("""UPDATE "DayCounters" SET "Skipped" = "SlotsPerDay" * "PlacesPerSlot" """)]
    [InlineData("""UPDATE "DayCounters" SET "Skipped" = -1""")]
    [InlineData("""UPDATE "Bookings" SET "State" = 9""")]
    [InlineData("""INSERT INTO "Bookings" ("Code", "OfficeId", "Phone", "PersonKey", "Name", "BirthDate", "AgeGroup", "IsOwner", "IsPriority", "Date", "DayPlace", "SlotIndex", "SlotStartUtc", "CheckInDeadlineUtc", "State", "CreatedAtUtc", "UpdatedAtUtc") SELECT 'BGR-00000000', "OfficeId", "Phone", 'SOMEONE ELSE|1990-01-01', "Name", "BirthDate", 0, 0, 0, "Date", "DayPlace", "SlotIndex", "SlotStartUtc", "CheckInDeadlineUtc", 0, "CreatedAtUtc", "UpdatedAtUtc" FROM "Bookings" """)]
    [InlineData("""INSERT INTO "Bookings" ("Code", "OfficeId", "Phone", "PersonKey", "Name", "BirthDate", "AgeGroup", "IsOwner", "IsPriority", "Date", "DayPlace", "SlotIndex", "SlotStartUtc", "CheckInDeadlineUtc", "State", "CreatedAtUtc", "UpdatedAtUtc") SELECT 'BGR-00000000', "OfficeId", "Phone", "PersonKey", "Name", "BirthDate", 0, 0, 0, "Date", 99, "SlotIndex", "SlotStartUtc", "CheckInDeadlineUtc", 0, "CreatedAtUtc", "UpdatedAtUtc" FROM "Bookings" """)]
    [InlineData("""INSERT INTO "Bookings" ("Code", "OfficeId", "Phone", "PersonKey", "Name", "BirthDate", "AgeGroup", "IsOwner", "IsPriority", "Date", "DayPlace", "SlotIndex", "SlotStartUtc", "CheckInDeadlineUtc", "State", "CreatedAtUtc", "UpdatedAtUtc") SELECT "Code", "OfficeId", "Phone", 'SOMEONE ELSE|1990-01-01', "Name", "BirthDate", 0, 0, 0, "Date", 99, "SlotIndex", "SlotStartUtc", "CheckInDeadlineUtc", 4, "CreatedAtUtc", "UpdatedAtUtc" FROM "Bookings" """)]
    [InlineData("""INSERT INTO "Phones" ("Number", "OwnerPersonKey", "Dependants", "NoShows", "Standing", "FirstSeenUtc") SELECT '+6281299999999', "OwnerPersonKey", 0, 0, 0, "FirstSeenUtc" FROM "Phones" """)]
    [InlineData("""INSERT INTO "Messages" ("MessageId", "OfficeId", "Phone", "Body", "ReceivedAtUtc", "Outcome") SELECT "MessageId", "OfficeId", "Phone", '', "ReceivedAtUtc", '' FROM "Messages" """)]
    public async Task RefusesAWriteThatWouldBreakAnInvariant(string sql)
    {
        await using var h = await EngineHarness.StartAsync(provider);
        await h.BookAsync("+6281234500001", "#BUDI#25011987#02122026");

        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => h.QueryAsync(db => db.Database.ExecuteSqlRawAsync(sql)));

        Assert.Equal(1, await h.QueryAsync(db => db.Bookings.CountAsync()));
    }

    public sealed class OnSqlite() : DatabaseInvariantTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : DatabaseInvariantTests(DatabaseProvider.Postgres);
}

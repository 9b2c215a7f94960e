using System.Data.Common;

namespace PassportQueue.Benchmarks;

/// <summary>Checks the database after a run: what must always hold, whatever happened.</summary>
internal static class Invariants
{
    public static List<string> Check(string databasePath, IReadOnlyCollection<string> repliedCodes) =>
        Check(AppProcess.OpenDatabase(databasePath, null), repliedCodes);

    /// <summary>The same checks on any database the app runs on (the SQL is the same on both); closes <paramref name="db"/>.</summary>
    public static List<string> Check(DbConnection db, IReadOnlyCollection<string> repliedCodes)
    {
        using var connection = db;
        long Count(string sql)
        {
            using var command = db.CreateCommand();
            command.CommandText = sql;
            return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }

        var problems = new List<string>();
        void Expect(string what, long found)
        {
            if (found != 0)
            {
                problems.Add($"{what}: {found}");
            }
        }

        Expect("days over their quota", Count("""SELECT COUNT(*) FROM "DayCounters" WHERE "OpenTaken" + "PriorityTaken" > "Quota" """));
        Expect("days whose counter disagrees with their bookings", Count("""
            SELECT COUNT(*) FROM "DayCounters" d
            WHERE d."OpenTaken" + d."PriorityTaken" <> (SELECT COUNT(*) FROM "Bookings" b WHERE b."OfficeId" = d."OfficeId" AND b."Date" = d."Date")
            """));
        Expect("slots over their places", Count("""
            SELECT COUNT(*) FROM (
                SELECT b."OfficeId", b."Date", b."SlotIndex", COUNT(*) AS n, MAX(d."PlacesPerSlot") AS places
                FROM "Bookings" b JOIN "DayCounters" d ON d."OfficeId" = b."OfficeId" AND d."Date" = b."Date"
                GROUP BY b."OfficeId", b."Date", b."SlotIndex") AS slots WHERE n > places
            """));
        Expect("duplicate codes", Count("""SELECT COUNT(*) - COUNT(DISTINCT "Code") FROM "Bookings" """));
        Expect("people with two active bookings", Count("""SELECT COUNT(*) FROM (SELECT "PersonKey" FROM "Bookings" WHERE "State" IN (0, 1) GROUP BY "PersonKey" HAVING COUNT(*) > 1) AS people"""));
        Expect("messages without an outcome", Count("""SELECT COUNT(*) FROM "Messages" WHERE "Outcome" = '' """));
        Expect("bookings without their message", Count("""
            SELECT COUNT(*) FROM "Bookings" b WHERE b."MessageId" IS NOT NULL
              AND NOT EXISTS (SELECT 1 FROM "Messages" m WHERE m."MessageId" = b."MessageId" AND m."BookingId" = b."Id")
            """));
        Expect("bookings without their audit line", Count("""
            SELECT COUNT(*) FROM "Bookings" b WHERE NOT EXISTS (SELECT 1 FROM "AuditEntries" a WHERE a."BookingId" = b."Id" AND a."Action" = 0)
            """));

        var stored = new HashSet<string>(StringComparer.Ordinal);
        using (var command = db.CreateCommand())
        {
            command.CommandText = """SELECT "Code" FROM "Bookings" """;
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                stored.Add(reader.GetString(0));
            }
        }

        Expect("codes sent in a reply but not in the database", repliedCodes.Count(c => !stored.Contains(c)));
        return problems;
    }
}

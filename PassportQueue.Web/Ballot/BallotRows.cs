using PassportQueue.Core.Ballot;
using PassportQueue.Web.Data.Records;
using PassportQueue.Web.Data.Sql;
using PassportQueue.Web.Places;

namespace PassportQueue.Web.Ballot;

/// <summary>The statements of draws inside the write batcher's transaction: committing to a draw, and holding its day's places.</summary>
internal static class BallotRows
{
    /// <summary>
    /// Makes the day's draw unless it exists (its seed committed to) and holds the day's places for it;
    /// returns the draw's id and state. Of two nodes making it at once, one insert wins and both read it.
    /// </summary>
    public static (long Id, BallotDrawState State) Ensure(SqlSession s, int officeId, EntryRoute day, Core.Bookings.DayPlan plan, DrawSeeds seeds)
    {
        if (Find(s, officeId, day.Date) is { } found)
        {
            return found;
        }

        var (protectedSeed, commitment) = seeds.New();
        var made = s.Execute(
            """
            INSERT INTO "BallotDraws" ("OfficeId", "Date", "ProtectedSeed", "Commitment", "OpensAtUtc", "ClosesAtUtc", "State",
                "PriorityPlaces", "OpenPlaces", "Entrants", "Winners")
            VALUES (@o, @d, @seed, @commitment, @opens, @closes, @open, 0, 0, 0, 0) ON CONFLICT ("OfficeId", "Date") DO NOTHING
            """,
            ("@o", officeId), ("@d", day.Date), ("@seed", protectedSeed), ("@commitment", commitment), ("@opens", day.OpensUtc),
            ("@closes", day.ClosesUtc), ("@open", BallotDrawState.Open)) == 1;
        if (made)
        {
            BookingClaims.EnsureCounter(s, officeId, plan);
            s.Execute("""UPDATE "DayCounters" SET "Held" = TRUE WHERE "OfficeId" = @o AND "Date" = @d""", ("@o", officeId), ("@d", day.Date));
        }

        return Find(s, officeId, day.Date)!.Value;
    }

    private static (long Id, BallotDrawState State)? Find(SqlSession s, int officeId, DateOnly date) =>
        s.List(
            """SELECT "Id" AS "Id", "State" AS "State" FROM "BallotDraws" WHERE "OfficeId" = @o AND "Date" = @d""",
            r => (r.Get<long>("Id"), r.GetEnum<BallotDrawState>("State")),
            ("@o", officeId), ("@d", date)) is [var row] ? row : null;
}

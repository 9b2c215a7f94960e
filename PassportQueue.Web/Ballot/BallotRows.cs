using PassportQueue.Core.Ballot;
using PassportQueue.Core.Bookings;
using PassportQueue.Core.Phones;
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

    /// <summary>A number's entries in the draws of days from <paramref name="from"/> on (found by the entries' number index), with their results once drawn.</summary>
    public static IReadOnlyList<EntryStanding> EntriesOf(SqlSession s, PhoneNumber phone, DateOnly from) =>
        s.List(
            $"""
            SELECT e."EntryCode" AS "EntryCode", d."Date" AS "Date", d."ClosesAtUtc" AS "ClosesAtUtc", d."State" AS "State",
                   e."Result" AS "Result", e."Rank" AS "Rank", d."Entrants" AS "Entrants"
            FROM "BallotEntries" e JOIN "BallotDraws" d ON d."Id" = e."DrawId"
            WHERE e."Phone" = @p AND d."Date" >= @from
            ORDER BY d."Date"
            """,
            r => r.GetEnum<BallotDrawState>("State") == BallotDrawState.Drawn
                ? new EntryStanding(r.Get<string>("EntryCode"), r.Get<DateOnly>("Date"), r.GetUtc("ClosesAtUtc"), r.GetEnum<DrawResult>("Result") == DrawResult.Won,
                    r.Get<int?>("Rank"), r.Get<int>("Entrants"))
                : new EntryStanding(r.Get<string>("EntryCode"), r.Get<DateOnly>("Date"), r.GetUtc("ClosesAtUtc"), null, null, null),
            ("@p", phone.E164), ("@from", from));
}

using System.Globalization;
using PassportQueue.Core.Audit;
using PassportQueue.Core.Ballot;
using PassportQueue.Core.Bookings;
using PassportQueue.Core.Bookings.Admission;
using PassportQueue.Web.Data.Records;
using PassportQueue.Web.Data.Sql;
using PassportQueue.Web.Data;
using PassportQueue.Web.Places;

namespace PassportQueue.Web.Ballot;

/// <summary>
/// Freed places and the draw order: a voided booking's place goes to the next entrant of its day's
/// draw who has no booking (a priority place to a priority entrant), by an offer they take with
/// <c>YA</c> before it expires; an expired offer moves on to the next one. The waiting list is the
/// draw order itself. Statements of the write batcher's transaction; unique indexes keep one offer
/// per entrant and one live offer per freed place.
/// </summary>
internal static class OfferRows
{
    /// <summary>A voided booking's place, as the offer's booking takes it again.</summary>
    internal sealed record FreedPlace(long BookingId, string Code, int OfficeId, DateOnly Date, int DayPlace, int SlotIndex, DateTime SlotStartUtc, DateTime DeadlineUtc, bool Priority);

    private const string FreedColumns =
        """
        b."Id" AS "Id", b."Code" AS "Code", b."OfficeId" AS "OfficeId", b."Date" AS "Date", b."DayPlace" AS "DayPlace", b."SlotIndex" AS "SlotIndex",
        b."SlotStartUtc" AS "SlotStartUtc", b."CheckInDeadlineUtc" AS "CheckInDeadlineUtc", b."IsPriority" AS "IsPriority"
        """;

    /// <summary>How many entrants of the draw order are read at a time while looking for the next one Core admits.</summary>
    private const int CandidatesAtATime = 16;

    /// <summary>
    /// Offers the freed place to the next entrant in draw order whom Core would give it to: the place
    /// fits them (<see cref="DayPlaces.FreedPlaceFits"/>) and <see cref="AdmissionRules"/> admits them on
    /// the facts stored now. False when nobody is left to offer it to. SQL only lists the draw order's
    /// entrants not yet booked nor offered (the unique index on an offer's entry guards the latter).
    /// </summary>
    public static bool OfferNext(SqlSession s, FreedPlace freed, Offering offering, DateTime now)
    {
        var after = 0;
        while (true)
        {
            var candidates = s.List(
                $"""
                SELECT {EntryColumns}, f."Code" AS "OfficeCode"
                FROM "BallotEntries" e JOIN "BallotDraws" d ON d."Id" = e."DrawId" JOIN "Offices" f ON f."Id" = d."OfficeId"
                WHERE d."OfficeId" = @o AND d."Date" = @d AND e."Result" = {StateSql.NotDrawn} AND e."BookingId" IS NULL AND e."Rank" > @after
                  AND NOT EXISTS (SELECT 1 FROM "BallotOffers" x WHERE x."EntryId" = e."Id")
                ORDER BY e."Rank" LIMIT {CandidatesAtATime}
                """,
                MapEntrant,
                ("@o", freed.OfficeId), ("@d", freed.Date), ("@after", after));
            foreach (var next in candidates)
            {
                if (!DayPlaces.FreedPlaceFits(freed.Priority, next.AgeGroup))
                {
                    continue;
                }

                var plan = next.Plan(freed, offering.Rules, now);
                if (AdmissionRules.Decide(plan, AdmissionFactsRows.Read(s, plan, offering.Identities(next.PersonKey))) is AdmissionGranted)
                {
                    Offer(s, freed, next, offering.Rules.OfferMinutes, now);
                    return true;
                }
            }

            if (candidates.Count < CandidatesAtATime)
            {
                return false;
            }

            after = candidates[^1].Rank;
        }
    }

    private static void Offer(SqlSession s, FreedPlace freed, Entrant next, int offerMinutes, DateTime now)
    {
        s.Execute(
            $"""
            INSERT INTO "BallotOffers" ("EntryId", "FreedBookingId", "OfferedAtUtc", "ExpiresAtUtc", "State")
            VALUES (@entry, @freed, @now, @expires, {StateSql.OfferPending})
            """,
            ("@entry", next.Id), ("@freed", freed.BookingId), ("@now", now), ("@expires", now.AddMinutes(offerMinutes)));
        s.Execute(
            $"""
            INSERT INTO "Outbox" ("Kind", "EntryId", "OfficeId", "Phone", "CreatedAtUtc", "DueAtUtc", "Status", "Attempts", "DeliveryRank")
            VALUES (@kind, @entry, @office, @phone, @now, @now, {StateSql.OutboxPending}, 0, 0)
            """,
            ("@kind", OutboxKind.BallotOffer), ("@entry", next.Id), ("@office", freed.OfficeId), ("@phone", next.Phone), ("@now", now));
        LedgerWrites.Audit(
            s, now, Actor.System, AuditAction.PlaceOffered, freed.OfficeId, freed.BookingId, next.Phone,
            SystemReason.Of(ReasonCode.FreedPlace, next.Code, next.Rank.ToString(CultureInfo.InvariantCulture), freed.Code));
    }

    /// <summary>The freed place of a voided booking, by its id.</summary>
    public static FreedPlace? Freed(SqlSession s, long bookingId) =>
        s.Row(
            $"""SELECT {FreedColumns} FROM "Bookings" b WHERE b."Id" = @id AND b."State" = {StateSql.Voided}""",
            Map,
            ("@id", bookingId));

    /// <summary>
    /// <c>YA</c> from a number: takes its entrant's pending offer, if one has not expired, and gives
    /// the freed place by the one way to a place (<see cref="PlaceGiving"/>): the same facts, Core
    /// rules and claims as any booking. Null when the number holds no such offer.
    /// </summary>
    public static MessageOutcome? Accept(SqlSession s, IncomingRecord m, Offering offering)
    {
        var now = m.ReceivedAtUtc;
        var offer = s.Row(
            $"""
            SELECT o."Id" AS "OfferId", o."FreedBookingId" AS "FreedId", {EntryColumns}, f."Code" AS "OfficeCode"
            FROM "BallotOffers" o JOIN "BallotEntries" e ON e."Id" = o."EntryId" JOIN "BallotDraws" d ON d."Id" = e."DrawId"
                JOIN "Offices" f ON f."Id" = d."OfficeId"
            WHERE e."Phone" = @p AND o."State" = {StateSql.OfferPending} AND o."ExpiresAtUtc" > @now
            ORDER BY o."OfferedAtUtc" LIMIT 1
            """,
            r => (OfferId: r.Get<long>("OfferId"), FreedId: r.Get<long>("FreedId"), Entrant: MapEntrant(r)),
            ("@p", m.Phone.E164), ("@now", now));
        if (offer.Entrant is null || Freed(s, offer.FreedId) is not { } freed
            || s.Execute(
                $"""UPDATE "BallotOffers" SET "State" = {StateSql.OfferAccepted} WHERE "Id" = @id AND "State" = {StateSql.OfferPending}""",
                ("@id", offer.OfferId)) != 1)
        {
            return null;
        }

        var entrant = offer.Entrant;
        var place = new TakenPlace(
            new DayPlan(freed.Date, 0, 0, 1, []), new SlotPlan(freed.SlotIndex, freed.SlotStartUtc, freed.DeadlineUtc, 1), freed.DayPlace, freed.Priority);
        var request = new PlaceRequest(
            m, entrant.Plan(freed, offering.Rules, now), offering.Identities(entrant.PersonKey), new PlaceSource.GivenBack(place),
            Actor.Applicant(m.Phone.E164), SystemReason.Of(ReasonCode.FreedPlace, entrant.Code, entrant.Rank.ToString(CultureInfo.InvariantCulture), freed.Code));
        var given = PlaceGiving.Give(s, request, ownsUnit: false);
        if (given is NotPlaced notPlaced)
        {
            // Core refuses the person now (a booking by now, the number blacklisted since): the place goes on to the next entrant.
            s.Execute($"""UPDATE "BallotOffers" SET "State" = {StateSql.OfferExpired} WHERE "Id" = @id""", ("@id", offer.OfferId));
            OfferNext(s, freed, offering, now);
            return new BookingRefused(notPlaced.Refusal.Reason, []);
        }

        var placed = (Placed)given;
        s.Execute("""UPDATE "BallotOffers" SET "BookingId" = @b WHERE "Id" = @id""", ("@b", placed.BookingId), ("@id", offer.OfferId));
        s.Execute("""UPDATE "BallotEntries" SET "BookingId" = @b WHERE "Id" = @id""", ("@b", placed.BookingId), ("@id", entrant.Id));
        return MessageRows.Store(s, m, new BookingConfirmed(placed.View), placed.BookingId);
    }

    /// <summary>Expires the offers whose time ran out by <paramref name="now"/> and offers each place to the next entrant; returns how many expired.</summary>
    public static int ExpireDue(SqlSession s, Offering offering, DateTime now)
    {
        var expired = s.List(
            $"""
            UPDATE "BallotOffers" SET "State" = {StateSql.OfferExpired} WHERE "State" = {StateSql.OfferPending} AND "ExpiresAtUtc" <= @now
            RETURNING "FreedBookingId" AS "FreedId", "EntryId" AS "EntryId"
            """,
            r => (Freed: r.Get<long>("FreedId"), Entry: r.Get<long>("EntryId")),
            ("@now", now));
        foreach (var (freedId, entryId) in expired)
        {
            if (Freed(s, freedId) is { } freed)
            {
                var entry = s.Row(
                    """SELECT "EntryCode" AS "EntryCode", "Rank" AS "Rank", "Phone" AS "Phone" FROM "BallotEntries" WHERE "Id" = @id""",
                    r => (Code: r.Get<string>("EntryCode"), Rank: r.Get<int>("Rank"), Phone: r.Get<string>("Phone")),
                    ("@id", entryId));
                LedgerWrites.Audit(
                    s, now, Actor.System, AuditAction.OfferExpired, freed.OfficeId, freed.BookingId, entry.Phone,
                    SystemReason.Of(ReasonCode.FreedPlace, entry.Code ?? string.Empty, entry.Rank.ToString(CultureInfo.InvariantCulture), freed.Code));
                OfferNext(s, freed, offering, now);
            }
        }

        return expired.Count;
    }

    private static FreedPlace Map(System.Data.Common.DbDataReader r) => new(
        r.Get<long>("Id"), r.Get<string>("Code"), r.Get<int>("OfficeId"), r.Get<DateOnly>("Date"), r.Get<int>("DayPlace"), r.Get<int>("SlotIndex"),
        r.GetUtc("SlotStartUtc"), r.GetUtc("CheckInDeadlineUtc"), r.Get<bool>("IsPriority"));

    private const string EntryColumns =
        """
        e."Id" AS "EntryId", e."EntryCode" AS "EntryCode", e."Rank" AS "Rank", e."PersonKey" AS "PersonKey", e."Phone" AS "Phone", e."Name" AS "Name",
        e."BirthDate" AS "BirthDate", e."Address" AS "Address", e."AgeGroup" AS "AgeGroup", e."MessageId" AS "MessageId"
        """;

    private static Entrant MapEntrant(System.Data.Common.DbDataReader r) => new(
        r.Get<long>("EntryId"), r.Get<string>("EntryCode"), r.Get<int>("Rank"), r.Get<string>("PersonKey"), r.Get<string>("Phone"), r.Get<string>("Name"),
        r.Get<DateOnly>("BirthDate"), r.Get<string?>("Address"), r.GetEnum<AgeGroup>("AgeGroup"), r.Get<string>("OfficeCode"));
}

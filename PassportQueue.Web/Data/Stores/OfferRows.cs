using System.Globalization;
using PassportQueue.Core.Audit;
using PassportQueue.Core.Ballot;
using PassportQueue.Core.Bookings;
using PassportQueue.Core.Phones;
using PassportQueue.Web.Data.Records;
using PassportQueue.Web.Data.Sql;

namespace PassportQueue.Web.Data.Stores;

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

    /// <summary>Offers the freed place to the next entrant in draw order; false when nobody is left to offer it to.</summary>
    public static bool OfferNext(SqlSession s, FreedPlace freed, int offerMinutes, DateTime now)
    {
        var next = s.Row(
            $"""
            SELECT e."Id" AS "Id", e."EntryCode" AS "EntryCode", e."Rank" AS "Rank", e."Phone" AS "Phone"
            FROM "BallotEntries" e JOIN "BallotDraws" d ON d."Id" = e."DrawId"
            WHERE d."OfficeId" = @o AND d."Date" = @d AND e."Result" = 1 AND e."BookingId" IS NULL
              AND (@priority = FALSE OR e."AgeGroup" <> 0)
              AND NOT EXISTS (SELECT 1 FROM "BallotOffers" x WHERE x."EntryId" = e."Id")
              AND NOT EXISTS (SELECT 1 FROM "Bookings" b WHERE b."PersonKey" = e."PersonKey" AND b."State" IN {StateSql.Active})
              AND NOT EXISTS (SELECT 1 FROM "Phones" p WHERE p."Number" = e."Phone" AND p."Standing" = {StateSql.Blacklisted})
            ORDER BY e."Rank" LIMIT 1
            """,
            r => (Id: r.Get<long>("Id"), Code: r.Get<string>("EntryCode"), Rank: r.Get<int>("Rank"), Phone: r.Get<string>("Phone")),
            ("@o", freed.OfficeId), ("@d", freed.Date), ("@priority", freed.Priority));
        if (next.Code is null)
        {
            return false;
        }

        s.Execute(
            """
            INSERT INTO "BallotOffers" ("EntryId", "FreedBookingId", "OfferedAtUtc", "ExpiresAtUtc", "State")
            VALUES (@entry, @freed, @now, @expires, 0)
            """,
            ("@entry", next.Id), ("@freed", freed.BookingId), ("@now", now), ("@expires", now.AddMinutes(offerMinutes)));
        s.Execute(
            """
            INSERT INTO "Outbox" ("Kind", "EntryId", "OfficeId", "Phone", "CreatedAtUtc", "DueAtUtc", "Status", "Attempts", "DeliveryRank")
            VALUES (@kind, @entry, @office, @phone, @now, @now, 0, 0, 0)
            """,
            ("@kind", OutboxKind.BallotOffer), ("@entry", next.Id), ("@office", freed.OfficeId), ("@phone", next.Phone), ("@now", now));
        LedgerWrites.Audit(
            s, now, Actor.System, AuditAction.PlaceOffered, freed.OfficeId, freed.BookingId, next.Phone,
            SystemReason.Of(ReasonCode.FreedPlace, next.Code, next.Rank.ToString(CultureInfo.InvariantCulture), freed.Code));
        return true;
    }

    /// <summary>The freed place of a voided booking, by its id.</summary>
    public static FreedPlace? Freed(SqlSession s, long bookingId) =>
        s.Row(
            $"""SELECT {FreedColumns} FROM "Bookings" b WHERE b."Id" = @id AND b."State" = {StateSql.Voided}""",
            Map,
            ("@id", bookingId));

    /// <summary>
    /// <c>YA</c> from a number: takes its entrant's pending offer, if one has not expired, and books
    /// the freed place with the claims of any booking. Null when the number holds no such offer.
    /// </summary>
    public static MessageOutcome? Accept(SqlSession s, IncomingRecord m, BookingRules rules)
    {
        var now = m.ReceivedAtUtc;
        var offer = s.Row(
            """
            SELECT o."Id" AS "OfferId", o."FreedBookingId" AS "FreedId", e."Id" AS "EntryId", e."EntryCode" AS "EntryCode", e."Rank" AS "Rank",
                   e."PersonKey" AS "PersonKey", e."Name" AS "Name", e."BirthDate" AS "BirthDate", e."Address" AS "Address", e."AgeGroup" AS "AgeGroup",
                   e."IsOwner" AS "IsOwner", e."MessageId" AS "MessageId", f."Code" AS "OfficeCode"
            FROM "BallotOffers" o JOIN "BallotEntries" e ON e."Id" = o."EntryId" JOIN "BallotDraws" d ON d."Id" = e."DrawId"
                JOIN "Offices" f ON f."Id" = d."OfficeId"
            WHERE e."Phone" = @p AND o."State" = 0 AND o."ExpiresAtUtc" > @now
            ORDER BY o."OfferedAtUtc" LIMIT 1
            """,
            r => new Offer(
                r.Get<long>("OfferId"), r.Get<long>("FreedId"), r.Get<long>("EntryId"), r.Get<string>("EntryCode"), r.Get<int>("Rank"), r.Get<string>("PersonKey"),
                r.Get<string>("Name"), r.Get<DateOnly>("BirthDate"), r.Get<string?>("Address"), r.GetEnum<AgeGroup>("AgeGroup"), r.Get<bool>("IsOwner"),
                r.Get<string>("MessageId"), r.Get<string>("OfficeCode")),
            ("@p", m.Phone.E164), ("@now", now));
        if (offer is null || Freed(s, offer.FreedId) is not { } freed
            || s.Execute("""UPDATE "BallotOffers" SET "State" = 1 WHERE "Id" = @id AND "State" = 0""", ("@id", offer.OfferId)) != 1)
        {
            return null;
        }

        var plan = new BookingPlan(
            freed.OfficeId, offer.OfficeCode, m.Phone, offer.Name, offer.PersonKey, offer.BirthDate, offer.Address, offer.AgeGroup, [], [], RefusalReason.DayFull, rules, now);
        var place = new TakenPlace(
            new DayPlan(freed.Date, 0, 0, 1, []), new SlotPlan(freed.SlotIndex, freed.SlotStartUtc, freed.DeadlineUtc, 1), freed.DayPlace, freed.Priority);
        if (BookingClaims.MayNotBeBooked(s, offer.PersonKey, m.Phone.E164))
        {
            // The person holds a booking by now (or the number was blacklisted since): the place goes on to the next entrant.
            s.Execute("""UPDATE "BallotOffers" SET "State" = 2 WHERE "Id" = @id""", ("@id", offer.OfferId));
            OfferNext(s, freed, rules.OfferMinutes, now);
            return new BookingRefused(RefusalReason.PersonHasActiveBooking, []);
        }

        var (id, view) = BookingClaims.InsertBooking(s, m, plan, place, offer.IsOwner);
        s.Execute("""UPDATE "BallotOffers" SET "BookingId" = @b WHERE "Id" = @id""", ("@b", id), ("@id", offer.OfferId));
        s.Execute("""UPDATE "BallotEntries" SET "BookingId" = @b WHERE "Id" = @id""", ("@b", id), ("@id", offer.EntryId));
        LedgerWrites.Audit(
            s, now, Actor.Applicant(m.Phone.E164), AuditAction.Booked, freed.OfficeId, id, m.Phone.E164,
            SystemReason.Of(ReasonCode.FreedPlace, offer.EntryCode, offer.Rank.ToString(CultureInfo.InvariantCulture), freed.Code));
        return MessageRows.Store(s, m, new BookingConfirmed(view), id);
    }

    /// <summary>Expires the offers whose time ran out by <paramref name="now"/> and offers each place to the next entrant; returns how many expired.</summary>
    public static int ExpireDue(SqlSession s, int offerMinutes, DateTime now)
    {
        var expired = s.List(
            """
            UPDATE "BallotOffers" SET "State" = 2 WHERE "State" = 0 AND "ExpiresAtUtc" <= @now
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
                OfferNext(s, freed, offerMinutes, now);
            }
        }

        return expired.Count;
    }

    private static FreedPlace Map(System.Data.Common.DbDataReader r) => new(
        r.Get<long>("Id"), r.Get<string>("Code"), r.Get<int>("OfficeId"), r.Get<DateOnly>("Date"), r.Get<int>("DayPlace"), r.Get<int>("SlotIndex"),
        r.GetUtc("SlotStartUtc"), r.GetUtc("CheckInDeadlineUtc"), r.Get<bool>("IsPriority"));

    private sealed record Offer(
        long OfferId, long FreedId, long EntryId, string EntryCode, int Rank, string PersonKey, string Name, DateOnly BirthDate, string? Address,
        AgeGroup AgeGroup, bool IsOwner, string MessageId, string OfficeCode);
}

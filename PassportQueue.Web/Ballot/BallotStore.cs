using System.Globalization;
using PassportQueue.Core.Audit;
using PassportQueue.Core.Ballot;
using PassportQueue.Core.Bookings;
using PassportQueue.Core.Offices;
using PassportQueue.Core.Phones;
using PassportQueue.Core.Retention;
using PassportQueue.Web.Data.Records;
using PassportQueue.Web.Data.Sql;
using PassportQueue.Web.Components.Pages;
using PassportQueue.Web.Data;
using PassportQueue.Web.Places;

namespace PassportQueue.Web.Ballot;

/// <summary>
/// The ballot's writes: committing to the coming releases' draws ahead of time, and running each
/// draw once its entry period has closed. A draw is one unit of the write batcher: its row is
/// claimed by a conditional update (so on several nodes it runs once, and never again), the order
/// comes from <see cref="BallotDraw"/> (Core), each winner is booked with the same claims as any
/// booking (the day's counter and its check constraints, a unique place, the one-active-booking
/// index), and the results, weights and notices are written in the same transaction.
/// </summary>
public sealed class BallotStore(WriteBatcher writes, Database database, OfficeDirectory offices, DrawSeeds seeds, Pseudonyms pseudonyms, BookingRules rules, ChangeFeed feed)
{
    /// <summary>Commits to the draws of every ballot office's releases of the next days (and of one open now); returns how many it made.</summary>
    public async Task<int> PrepareAsync(DateTimeOffset now, CancellationToken ct)
    {
        var made = 0;
        foreach (var office in await offices.AllAsync(ct))
        {
            foreach (var day in BallotSchedule.ToPrepare(office.Calendar, now))
            {
                var plan = BookingPlanner.DayPlanFor(office.Calendar, day.Date, now);
                var existed = await database.ReadAsync(
                    s => s.Scalar<long?>("""SELECT "Id" FROM "BallotDraws" WHERE "OfficeId" = @o AND "Date" = @d""", ("@o", office.Id), ("@d", day.Date)), ct);
                if (existed is null)
                {
                    await writes.RunAsync(s => BallotRows.Ensure(s, office.Id, day, plan, seeds), ct);
                    made++;
                }
            }
        }

        return made;
    }

    /// <summary>Runs every draw whose entry period has closed by <paramref name="now"/>; returns what each did.</summary>
    public async Task<IReadOnlyList<DrawDone>> DrawDueAsync(DateTimeOffset now, Actor actor, CancellationToken ct)
    {
        var due = await database.ReadAsync(
            s => s.List(
                $"""SELECT "Id" AS "Id", "OfficeId" AS "OfficeId" FROM "BallotDraws" WHERE "State" = {StateSql.DrawOpen} AND "ClosesAtUtc" <= @now ORDER BY "ClosesAtUtc" """,
                r => (Id: r.Get<long>("Id"), OfficeId: r.Get<int>("OfficeId")),
                ("@now", now.UtcDateTime)),
            ct);
        var done = new List<DrawDone>();
        foreach (var (id, officeId) in due)
        {
            if ((await offices.AllAsync(ct)).FirstOrDefault(o => o.Id == officeId) is { } office
                && await writes.RunAsync(s => Draw(s, id, office, now.UtcDateTime, actor), ct) is { } result)
            {
                done.Add(result);
                feed.Publish(new Change(ChangeKind.Ballot, office.Code));
                feed.Publish(office.Code);
            }
        }

        return done;
    }

    /// <summary>
    /// Development only (the simulator asks): ends the entry period of an office's open draw now and
    /// runs it. Null when the office has no open draw.
    /// </summary>
    public async Task<DrawDone?> DrawNowAsync(string officeCode, DateTimeOffset now, Actor actor, CancellationToken ct)
    {
        if (await offices.FindByCodeAsync(officeCode, ct) is not { } office)
        {
            return null;
        }

        var id = await writes.RunAsync(
            s => s.Scalar<long?>(
                $"""
                UPDATE "BallotDraws" SET "ClosesAtUtc" = @now
                WHERE "Id" = (SELECT "Id" FROM "BallotDraws" WHERE "OfficeId" = @o AND "State" = {StateSql.DrawOpen} AND "OpensAtUtc" <= @now ORDER BY "Date" LIMIT 1)
                RETURNING "Id"
                """,
                ("@o", office.Id), ("@now", now.UtcDateTime)),
            ct);
        if (id is null)
        {
            return null;
        }

        var result = await writes.RunAsync(s => Draw(s, id.Value, office, now.UtcDateTime, actor), ct);
        feed.Publish(new Change(ChangeKind.Ballot, office.Code));
        feed.Publish(office.Code);
        return result;
    }

    /// <summary>
    /// A supervisor voids a booking of a blacklisted number before its day, with a reason: the code is
    /// kept (marked void, never deleted), and the place is offered to the next entrant of the day's draw.
    /// </summary>
    public async Task<VoidResult> VoidAsync(string officeCode, string code, string? reason, Actor actor, DateTimeOffset now, CancellationToken ct)
    {
        var why = reason?.Trim();
        if (string.IsNullOrEmpty(why))
        {
            return VoidResult.ReasonRequired;
        }

        if (await offices.FindByCodeAsync(officeCode, ct) is not { } office || !BookingCode.TryParse(code, out var parsed))
        {
            return VoidResult.NotFound;
        }

        var result = await writes.RunAsync(s => Void(s, office.Id, parsed.Value, why[..Math.Min(why.Length, 500)], actor, now.UtcDateTime), ct);
        if (result is VoidResult.VoidedAndOffered or VoidResult.VoidedNotOffered)
        {
            feed.Publish(office.Code);
            feed.Publish(new Change(ChangeKind.Ballot, office.Code));
        }

        return result;
    }

    /// <summary>Expires the offers whose time ran out and offers their places on; returns how many expired.</summary>
    public Task<int> ExpireOffersAsync(DateTimeOffset now, CancellationToken ct) =>
        writes.RunAsync(s => OfferRows.ExpireDue(s, new Offering(rules, pseudonyms), now.UtcDateTime), ct);

    private VoidResult Void(SqlSession s, int officeId, string code, string reason, Actor actor, DateTime now)
    {
        var booking = s.Row(
            $"""
            SELECT b."Id" AS "Id", b."State" AS "State", b."Phone" AS "Phone",
                   EXISTS (SELECT 1 FROM "Phones" p WHERE p."Number" = b."Phone" AND p."Standing" = {StateSql.Blacklisted}) AS "Blacklisted"
            FROM "Bookings" b WHERE b."Code" = @code AND b."OfficeId" = @o
            """,
            r => (Id: r.Get<long>("Id"), State: r.GetEnum<BookingState>("State"), Phone: r.Get<string>("Phone"), Blacklisted: r.Get<bool>("Blacklisted")),
            ("@code", code), ("@o", officeId));
        if (booking.Phone is null)
        {
            return VoidResult.NotFound;
        }

        if (!booking.Blacklisted)
        {
            return VoidResult.NotBlacklisted;
        }

        if (!BookingTransitions.Allows(booking.State, BookingState.Voided)
            || s.Execute(
                $"""UPDATE "Bookings" SET "State" = {StateSql.Voided}, "StateReason" = @why, "UpdatedAtUtc" = @now WHERE "Id" = @id AND "State" = {StateSql.Booked}""",
                ("@why", reason), ("@now", now), ("@id", booking.Id)) != 1)
        {
            return VoidResult.NotBooked;
        }

        LedgerWrites.Audit(s, now, actor, AuditAction.Voided, officeId, booking.Id, booking.Phone, reason);
        return OfferRows.Freed(s, booking.Id) is { } freed && OfferRows.OfferNext(s, freed, new Offering(rules, pseudonyms), now)
            ? VoidResult.VoidedAndOffered
            : VoidResult.VoidedNotOffered;
    }

    private DrawDone? Draw(SqlSession s, long drawId, Office office, DateTime now, Actor actor)
    {
        var draw = s.Row(
            $"""
            UPDATE "BallotDraws" SET "State" = {StateSql.DrawDrawn}, "DrawnAtUtc" = @now, "DrawnBy" = @by
            WHERE "Id" = @id AND "State" = {StateSql.DrawOpen} AND "ClosesAtUtc" <= @now
            RETURNING "Date" AS "Date", "ProtectedSeed" AS "ProtectedSeed", "Commitment" AS "Commitment"
            """,
            r => (Date: r.Get<DateOnly>("Date"), Seed: r.Get<string>("ProtectedSeed"), Commitment: r.Get<string>("Commitment")),
            ("@id", drawId), ("@now", now), ("@by", actor.Value));
        if (draw.Seed is null)
        {
            // Drawn already, here or on another node: a draw is never run twice.
            return null;
        }

        var seed = seeds.Open(draw.Seed);
        var entries = s.List(
            """
            SELECT "Id" AS "Id", "EntryCode" AS "EntryCode", "PersonKey" AS "PersonKey", "Phone" AS "Phone", "Name" AS "Name",
                   "BirthDate" AS "BirthDate", "Address" AS "Address", "AgeGroup" AS "AgeGroup", "Weight" AS "Weight", "MessageId" AS "MessageId"
            FROM "BallotEntries" WHERE "DrawId" = @id
            """,
            r => new DrawEntry(
                r.Get<long>("Id"), r.Get<string>("EntryCode"), r.Get<string>("PersonKey"), r.Get<string>("Phone"), r.Get<string>("Name"),
                r.Get<DateOnly>("BirthDate"), r.Get<string?>("Address"), r.GetEnum<AgeGroup>("AgeGroup"), r.Get<int>("Weight"),
                r.Get<string>("MessageId")),
            ("@id", drawId)).ToDictionary(e => e.Code, StringComparer.Ordinal);
        var day = BookingPlanner.DayPlanFor(office.Calendar, draw.Date, new DateTimeOffset(now, TimeSpan.Zero));
        BookingClaims.EnsureCounter(s, office.Id, day);
        var key = new (string, object?)[] { ("@o", office.Id), ("@d", draw.Date) };
        var (priorityPlaces, openPlaces) = s.Row(
            """
            SELECT "PriorityQuota" - "PriorityTaken" AS "Priority", "Quota" - "PriorityQuota" - "OpenTaken" AS "Open"
            FROM "DayCounters" WHERE "OfficeId" = @o AND "Date" = @d
            """,
            r => (r.Get<int>("Priority"), r.Get<int>("Open")),
            key);
        var ranked = BallotDraw.Draw(seed, entries.Values.Select(e => new BallotEntrant(e.Code, e.Weight, e.AgeGroup != AgeGroup.Adult)), priorityPlaces, openPlaces);
        s.Execute("""UPDATE "DayCounters" SET "Held" = FALSE WHERE "OfficeId" = @o AND "Date" = @d""", key);
        // The winners, booked one by one in rank order; then every entry's rank, result and weight, and
        // the notices of those not drawn, set-based: a draw of 100,000 entries holds the writer briefly.
        var results = new List<BallotResults.DrawRow>(ranked.Count);
        var booked = 0;
        foreach (var r in ranked)
        {
            var e = entries[r.Entrant.EntryId];
            var won = r.Result == DrawResult.Won;
            var bookingId = won ? Book(s, office, day, e, r.Rank, actor, now) : null;
            booked += bookingId is null ? 0 : 1;
            results.Add(new BallotResults.DrawRow(e.Id, r.Rank, won ? 1 : 0, bookingId, pseudonyms.Identity(e.PersonKey)));
        }

        BallotResults.Write(s, drawId, results, office.Id, now, database.Provider == DatabaseProvider.Postgres);

        var winners = ranked.Count(r => r.Result == DrawResult.Won);
        var seedHex = Convert.ToHexStringLower(seed);
        s.Execute(
            """
            UPDATE "BallotDraws" SET "Seed" = @seed, "PriorityPlaces" = @pp, "OpenPlaces" = @op, "Entrants" = @n, "Winners" = @w WHERE "Id" = @id
            """,
            ("@seed", seedHex), ("@pp", priorityPlaces), ("@op", openPlaces), ("@n", ranked.Count), ("@w", winners), ("@id", drawId));
        LedgerWrites.Audit(
            s, now, actor, AuditAction.Drawn, office.Id, null, null,
            SystemReason.Of(
                ReasonCode.BallotDraw, Iso(draw.Date), Number(ranked.Count), Number(priorityPlaces + openPlaces), Number(winners), draw.Commitment, seedHex));
        return new DrawDone(office.Code, draw.Date, ranked.Count, priorityPlaces + openPlaces, winners, booked);
    }

    /// <summary>
    /// Books a winner by the one way to a place (<see cref="PlaceGiving"/>): the same facts, the same
    /// Core rules and the same claims as any booking, the place from the day's shares held for the draw.
    /// Null when Core refuses the winner now (they hold another booking by then, or their number was
    /// blacklisted since): the place then stays for first come after the draw.
    /// </summary>
    private long? Book(SqlSession s, Office office, DayPlan day, DrawEntry e, int rank, Actor actor, DateTime now)
    {
        var phone = PhoneNumber.FromE164(e.Phone);
        var plan = new BookingPlan(office.Id, office.Code, phone, e.Name, e.PersonKey, e.BirthDate, e.Address, e.AgeGroup, [day], [], RefusalReason.DayFull, rules, now);
        var request = new PlaceRequest(
            new IncomingRecord(e.MessageId, office.Id, phone, string.Empty, now), plan, new Identities(e.PersonKey, pseudonyms.Identity(e.PersonKey)),
            new PlaceSource.DrawnDay(day), actor, SystemReason.Of(ReasonCode.DrawnBooking, e.Code, Number(rank)));
        if (PlaceGiving.Give(s, request, ownsUnit: false) is not Placed placed)
        {
            return null;
        }

        // The entry's message now leads to the booking: CEK finds it like any other.
        s.Execute("""UPDATE "Messages" SET "BookingId" = @b WHERE "MessageId" = @m""", ("@b", placed.BookingId), ("@m", e.MessageId));
        LedgerWrites.Notify(s, OutboxKind.BallotWon, placed.BookingId, office.Id, e.Phone, now, now);
        return placed.BookingId;
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);

    private sealed record DrawEntry(
        long Id, string Code, string PersonKey, string Phone, string Name, DateOnly BirthDate, string? Address, AgeGroup AgeGroup, int Weight, string MessageId);
}

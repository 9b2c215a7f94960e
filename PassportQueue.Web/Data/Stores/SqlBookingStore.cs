using PassportQueue.Core.Audit;
using PassportQueue.Core.Blacklist;
using PassportQueue.Core.Bookings;
using PassportQueue.Core.Messages;
using PassportQueue.Core.Phones;
using PassportQueue.Web.Data.Sql;

namespace PassportQueue.Web.Data.Stores;

/// <summary>
/// The engine's storage. A booking is one unit of work in the write batcher: the number's
/// standing and ownership are checked and claimed, a numbered place is taken by a conditional
/// update on the day's counter, and the booking, its audit lines and the message with its one
/// outcome are written, all in one transaction. A refusal undoes the unit's writes and stores
/// the refusal (and any flag) instead.
/// </summary>
public sealed class SqlBookingStore(WriteBatcher writes, Database database, ChangeFeed feed) : IBookingStore
{
    private const int CodeAttempts = 8;

    /// <inheritdoc />
    public Task<MessageOutcome> RecordAsync(IncomingRecord message, MessageOutcome outcome, CancellationToken cancellationToken) =>
        writes.RunAsync(s => Store(s, message, outcome, null), cancellationToken);

    /// <inheritdoc />
    public async Task<MessageOutcome> BookAsync(IncomingRecord message, BookingPlan plan, CancellationToken cancellationToken)
    {
        var outcome = await writes.RunAsync(s => Book(s, message, plan), cancellationToken);
        if (outcome is BookingConfirmed)
        {
            feed.Publish(plan.OfficeCode);
        }

        return outcome;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<DateOnly>> DatesWithPlacesAsync(
        int officeId, IReadOnlyList<DateOnly> dates, bool priority, int max, CancellationToken cancellationToken) =>
        database.ReadAsync(s => DatesWithPlaces(s, officeId, dates, priority, max), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<BookingView>> ActiveBookingsAsync(PhoneNumber phone, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<BookingView>>(
            // Every booking comes from a message, and messages are indexed by number: the bookings need no index of their own on it.
            s => s.List(
                BookingRows.Select + """
                     WHERE b."Id" IN (SELECT m."BookingId" FROM "Messages" m WHERE m."Phone" = @p AND m."BookingId" IS NOT NULL)
                       AND b."State" IN (0, 1) ORDER BY b."SlotStartUtc"
                    """,
                BookingRows.Map,
                ("@p", phone.E164)),
            cancellationToken);

    private static MessageOutcome? StoredOutcome(SqlSession s, string messageId) =>
        s.Scalar<string>("""SELECT "Outcome" FROM "Messages" WHERE "MessageId" = @id""", ("@id", messageId)) is { } json
            ? OutcomeJson.Read(json)
            : null;

    /// <summary>
    /// Stores the message with its outcome. The message id is the key: if another delivery of
    /// the same message got there first (another process), this unit is undone and that
    /// delivery's outcome is the answer.
    /// </summary>
    private static MessageOutcome Store(SqlSession s, IncomingRecord m, MessageOutcome outcome, long? bookingId)
    {
        var stored = s.Execute(
            """
            INSERT INTO "Messages" ("MessageId", "OfficeId", "Phone", "Body", "ReceivedAtUtc", "Outcome", "BookingId")
            VALUES (@id, @office, @phone, @body, @at, @outcome, @booking) ON CONFLICT ("MessageId") DO NOTHING
            """,
            ("@id", m.MessageId), ("@office", m.OfficeId), ("@phone", m.Phone.E164), ("@body", m.Body), ("@at", m.ReceivedAtUtc),
            ("@outcome", OutcomeJson.Write(outcome)), ("@booking", bookingId));
        if (stored == 1)
        {
            return outcome;
        }

        s.UndoUnit();
        return StoredOutcome(s, m.MessageId) ?? throw new InvalidOperationException("A conflicting message has no stored outcome.");
    }

    private static MessageOutcome Book(SqlSession s, IncomingRecord m, BookingPlan plan)
    {
        var phone = plan.Phone.E164;
        var facts = Facts.Read(s, phone, plan.PersonKey);
        if (facts.Number?.Standing == PhoneStanding.Blacklisted)
        {
            return Store(s, m, new BookingRefused(RefusalReason.Blacklisted, []), null);
        }

        if (facts.ActiveBooking is { } active)
        {
            if (active.Phone == phone)
            {
                return Store(s, m, new BookingRefused(RefusalReason.PersonHasActiveBooking, [], active.Code), null);
            }

            LedgerWrites.Flag(s, phone, FlagReason.SeveralNumbers, $"already booked from {PhoneNumber.FromE164(active.Phone).Masked}", null, Actor.System, plan.NowUtc);
            return Store(s, m, new BookingRefused(RefusalReason.PersonHasActiveBooking, []), null);
        }

        var (refusal, isOwner, newOwner) = ClaimNumber(s, plan, facts);
        if (refusal is null)
        {
            if (TakePlace(s, plan) is { } place)
            {
                var booking = InsertBooking(s, m, plan, place, isOwner);
                var applicant = Actor.Applicant(phone);
                if (newOwner)
                {
                    LedgerWrites.Audit(s, plan.NowUtc, applicant, AuditAction.OwnerRegistered, plan.OfficeId, booking.Id, phone, "first adult booked from this number");
                }

                LedgerWrites.Audit(s, plan.NowUtc, applicant, AuditAction.Booked, plan.OfficeId, booking.Id, phone, $"message {m.MessageId}");
                return Store(s, m, new BookingConfirmed(booking.View), booking.Id);
            }

            refusal = plan.WhenFull;
        }

        // Nothing of the attempt stays: the number's claim, the counted dependant, any place.
        s.UndoUnit();
        if (refusal is RefusalReason.NumberBelongsToAnotherAdult or RefusalReason.PersonUsesAnotherNumber)
        {
            var flag = refusal == RefusalReason.NumberBelongsToAnotherAdult ? FlagReason.AnotherAdult : FlagReason.SeveralNumbers;
            LedgerWrites.Flag(s, phone, flag, $"tried to book {plan.Name}", null, Actor.System, plan.NowUtc);
        }

        var next = refusal is RefusalReason.DayFull or RefusalReason.NoPlacesInWindow
            ? DatesWithPlaces(s, plan.OfficeId, plan.Alternatives, plan.IsPriorityApplicant, BookingEngine.SuggestedDates)
            : [];
        return Store(s, m, new BookingRefused(refusal.Value, next), null);
    }

    /// <summary>
    /// The personal-number rule: the first adult booked from a number owns it, and a person owns
    /// one number; balita and lansia count as the number's dependants, up to the rules' limit.
    /// The unique index on the owner and the conditional updates hold the rule across processes.
    /// </summary>
    private static (RefusalReason? Refusal, bool IsOwner, bool NewOwner) ClaimNumber(SqlSession s, BookingPlan plan, Facts facts)
    {
        var phone = plan.Phone.E164;
        var number = facts.Number;
        if (number?.Owner == plan.PersonKey)
        {
            return (null, true, false);
        }

        if (plan.AgeGroup == AgeGroup.Adult)
        {
            if (number?.Owner is not null)
            {
                return (RefusalReason.NumberBelongsToAnotherAdult, false, false);
            }

            if (facts.OwnsAnotherNumber)
            {
                return (RefusalReason.PersonUsesAnotherNumber, false, false);
            }

            var claimed = number is null
                ? s.Execute(
                    """
                    INSERT INTO "Phones" ("Number", "OwnerPersonKey", "OwnerName", "Dependants", "NoShows", "Standing", "FirstSeenUtc")
                    VALUES (@p, @k, @n, 0, 0, 0, @now)
                    """,
                    ("@p", phone), ("@k", plan.PersonKey), ("@n", plan.Name), ("@now", plan.NowUtc))
                : s.Execute(
                    """UPDATE "Phones" SET "OwnerPersonKey" = @k, "OwnerName" = @n WHERE "Number" = @p AND "OwnerPersonKey" IS NULL""",
                    ("@k", plan.PersonKey), ("@n", plan.Name), ("@p", phone));
            if (claimed != 1)
            {
                return (RefusalReason.NumberBelongsToAnotherAdult, false, false);
            }

            return (null, true, true);
        }

        if (number is null)
        {
            LedgerWrites.EnsurePhone(s, phone, plan.NowUtc);
        }

        var added = s.Execute(
            """INSERT INTO "PhoneDependants" ("Number", "PersonKey") VALUES (@p, @k) ON CONFLICT ("Number", "PersonKey") DO NOTHING""",
            ("@p", phone), ("@k", plan.PersonKey));
        var counted = added == 0 || s.Execute(
            """UPDATE "Phones" SET "Dependants" = "Dependants" + 1 WHERE "Number" = @p AND "Dependants" < @max""",
            ("@p", phone), ("@max", plan.Rules.MaxDependantsPerNumber)) == 1;
        return counted ? (null, false, false) : (RefusalReason.TooManyDependants, false, false);
    }

    /// <summary>
    /// Takes a place on the first date with one, by a conditional update of the day's counter:
    /// from the priority share first for balita and lansia, else from the open share. The
    /// counter numbers the places in the order they are taken; the n-th place is in slot
    /// (n - 1) / places per slot, so slots fill earliest first.
    /// </summary>
    private static Place? TakePlace(SqlSession s, BookingPlan plan)
    {
        foreach (var day in plan.Days)
        {
            var key = new (string, object?)[] { ("@o", plan.OfficeId), ("@d", day.Date) };
            var taken = TakeShare(s, plan, key);
            if (taken is null)
            {
                // No place, or no counter yet. Create the counter if it is missing and try once more:
                // on PostgreSQL another node may have created it since this transaction looked
                // (its insert wins, ours does nothing), and the second update sees it.
                EnsureCounter(s, plan.OfficeId, day);
                taken = TakeShare(s, plan, key);
            }

            if (taken is { } place)
            {
                return new Place(day, day.Slots[(place.Number - 1) / day.PlacesPerSlot], place.Number, place.Priority);
            }
        }

        return null;
    }

    /// <summary>Takes a share of the day's quota; returns the place's number in the day and whether it is a priority place.</summary>
    private static (int Number, bool Priority)? TakeShare(SqlSession s, BookingPlan plan, (string, object?)[] key)
    {
        if (plan.IsPriorityApplicant && s.Scalar<int?>(
                """
                UPDATE "DayCounters" SET "PriorityTaken" = "PriorityTaken" + 1
                WHERE "OfficeId" = @o AND "Date" = @d AND "PriorityTaken" < "PriorityQuota"
                RETURNING "OpenTaken" + "PriorityTaken"
                """,
                key) is { } priority)
        {
            return (priority, true);
        }

        return s.Scalar<int?>(
            """
            UPDATE "DayCounters" SET "OpenTaken" = "OpenTaken" + 1
            WHERE "OfficeId" = @o AND "Date" = @d AND "OpenTaken" + "PriorityQuota" < "Quota"
            RETURNING "OpenTaken" + "PriorityTaken"
            """,
            key) is { } open
            ? (open, false)
            : null;
    }

    /// <summary>Creates a day's counter with the quota and slot size in force now, unless it exists.</summary>
    private static void EnsureCounter(SqlSession s, int officeId, DayPlan day) =>
        s.Execute(
            """
            INSERT INTO "DayCounters" ("OfficeId", "Date", "Quota", "PriorityQuota", "PlacesPerSlot", "SlotsPerDay", "OpenTaken", "PriorityTaken", "Arrived")
            VALUES (@o, @d, @q, @pq, @places, @slots, 0, 0, 0) ON CONFLICT ("OfficeId", "Date") DO NOTHING
            """,
            ("@o", officeId), ("@d", day.Date), ("@q", day.Quota), ("@pq", day.PriorityQuota), ("@places", day.PlacesPerSlot),
            ("@slots", day.Slots.Count));

    private static (long Id, BookingView View) InsertBooking(SqlSession s, IncomingRecord m, BookingPlan plan, Place place, bool isOwner)
    {
        for (var attempt = 0; attempt < CodeAttempts; attempt++)
        {
            // 40 random bits: a clash is rare but possible, and the unique index is the judge.
            var code = BookingCode.New(plan.OfficeCode).Value;
            var id = s.Scalar<long?>(
                """
                INSERT INTO "Bookings" ("Code", "OfficeId", "Phone", "PersonKey", "Name", "BirthDate", "Address", "AgeGroup", "IsOwner",
                    "IsPriority", "Date", "DayPlace", "SlotIndex", "SlotStartUtc", "CheckInDeadlineUtc", "State", "MessageId", "CreatedAtUtc", "UpdatedAtUtc")
                VALUES (@code, @o, @p, @k, @n, @birth, @addr, @age, @owner, @prio, @d, @place, @slot, @start, @deadline, 0, @msg, @now, @now)
                ON CONFLICT ("Code") DO NOTHING RETURNING "Id"
                """,
                ("@code", code), ("@o", plan.OfficeId), ("@p", plan.Phone.E164), ("@k", plan.PersonKey), ("@n", plan.Name),
                ("@birth", plan.BirthDate), ("@addr", plan.Address), ("@age", plan.AgeGroup), ("@owner", isOwner), ("@prio", place.Priority),
                ("@d", place.Day.Date), ("@place", place.Number), ("@slot", place.Slot.Index), ("@start", place.Slot.StartUtc), ("@deadline", place.Slot.DeadlineUtc),
                ("@msg", m.MessageId), ("@now", plan.NowUtc));
            if (id is { } bookingId)
            {
                return (bookingId, new BookingView(
                    code, plan.OfficeCode, plan.Name, plan.BirthDate, plan.AgeGroup, isOwner, place.Day.Date, place.Slot.Index,
                    place.Slot.StartUtc, place.Slot.DeadlineUtc, BookingState.Booked));
            }
        }

        throw new InvalidOperationException("Could not draw an unused booking code.");
    }

    /// <summary>Which of the dates have a place; a day with no counter yet has every place free.</summary>
    private static IReadOnlyList<DateOnly> DatesWithPlaces(SqlSession s, int officeId, IReadOnlyList<DateOnly> dates, bool priority, int max)
    {
        if (dates.Count == 0)
        {
            return [];
        }

        var full = s.List(
            """
            SELECT "Date" FROM "DayCounters"
            WHERE "OfficeId" = @o AND "Date" >= @from AND "OpenTaken" + "PriorityQuota" >= "Quota"
              AND (@priority = 0 OR "PriorityTaken" >= "PriorityQuota")
            """,
            r => r.GetFieldValue<DateOnly>(0),
            ("@o", officeId), ("@from", dates.Min()), ("@priority", priority ? 1 : 0)).ToHashSet();
        return [.. dates.Where(d => !full.Contains(d)).Take(max)];
    }

    private sealed record NumberState(PhoneStanding Standing, string? Owner);

    /// <summary>What the database knows about the number and the person, read in one statement.</summary>
    private sealed record Facts(NumberState? Number, bool OwnsAnotherNumber, (string Code, string Phone)? ActiveBooking)
    {
        public static Facts Read(SqlSession s, string phone, string personKey)
        {
            var rows = s.List(
                """
                SELECT 0, "Number", "Standing", "OwnerPersonKey" FROM "Phones" WHERE "Number" = @p OR "OwnerPersonKey" = @k
                UNION ALL
                SELECT 1, "Phone", "State", "Code" FROM "Bookings" WHERE "PersonKey" = @k AND "State" IN (0, 1)
                """,
                r => (Kind: r.GetInt32(0), Number: r.GetString(1), State: r.GetInt32(2), Text: r.IsDBNull(3) ? null : r.GetString(3)),
                ("@p", phone), ("@k", personKey));
            NumberState? number = null;
            var ownsAnother = false;
            (string, string)? active = null;
            foreach (var row in rows)
            {
                if (row.Kind == 1)
                {
                    active = (row.Text!, row.Number);
                }
                else if (row.Number == phone)
                {
                    number = new NumberState((PhoneStanding)row.State, row.Text);
                }
                else
                {
                    ownsAnother = true;
                }
            }

            return new Facts(number, ownsAnother, active);
        }
    }

    private sealed record Place(DayPlan Day, SlotPlan Slot, int Number, bool Priority);
}

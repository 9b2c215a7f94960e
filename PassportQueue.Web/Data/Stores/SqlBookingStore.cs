using PassportQueue.Core.Audit;
using PassportQueue.Core.Blacklist;
using PassportQueue.Core.Bookings;
using PassportQueue.Core.Messages;
using PassportQueue.Core.Phones;
using PassportQueue.Web.Data.Sql;

namespace PassportQueue.Web.Data.Stores;

/// <summary>
/// The engine's storage. A booking is one unit of work in the write queue: the message is
/// claimed by its id, the number's standing and ownership are checked and updated, a place is
/// taken by conditional updates on the day and slot counters, and the booking, its audit line
/// and the message's outcome are written, all in one transaction.
/// </summary>
public sealed class SqlBookingStore(WriteBatcher writes, Database database) : IBookingStore
{
    private const int CodeAttempts = 8;

    /// <inheritdoc />
    public Task<MessageOutcome> RecordAsync(IncomingRecord message, MessageOutcome outcome, CancellationToken cancellationToken) =>
        writes.RunAsync(s => ClaimMessage(s, message) ?? Finish(s, message, outcome, null), cancellationToken);

    /// <inheritdoc />
    public Task<MessageOutcome> BookAsync(IncomingRecord message, BookingPlan plan, CancellationToken cancellationToken) =>
        writes.RunAsync(s => ClaimMessage(s, message) ?? Book(s, message, plan), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<DateOnly>> DatesWithPlacesAsync(
        int officeId, IReadOnlyList<DateOnly> dates, bool priority, int max, CancellationToken cancellationToken) =>
        database.ReadAsync(s => DatesWithPlaces(s, officeId, dates, priority, max), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<BookingView>> ActiveBookingsAsync(PhoneNumber phone, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<BookingView>>(
            s => s.List(BookingRows.Select + """ WHERE b."Phone" = @p AND b."State" IN (0, 1) ORDER BY b."SlotStartUtc" """, BookingRows.Map, ("@p", phone.E164)),
            cancellationToken);

    /// <summary>Claims the message id; if another delivery already holds it, returns that delivery's outcome.</summary>
    private static MessageOutcome? ClaimMessage(SqlSession s, IncomingRecord m)
    {
        var claimed = s.Execute(
            """
            INSERT INTO "Messages" ("MessageId", "OfficeId", "Phone", "Body", "ReceivedAtUtc", "Outcome")
            VALUES (@id, @office, @phone, @body, @at, '') ON CONFLICT ("MessageId") DO NOTHING
            """,
            ("@id", m.MessageId), ("@office", m.OfficeId), ("@phone", m.Phone.E164), ("@body", m.Body), ("@at", m.ReceivedAtUtc));
        if (claimed == 1)
        {
            return null;
        }

        var stored = s.Scalar<string>("""SELECT "Outcome" FROM "Messages" WHERE "MessageId" = @id""", ("@id", m.MessageId));
        return OutcomeJson.Read(stored!);
    }

    private static MessageOutcome Finish(SqlSession s, IncomingRecord m, MessageOutcome outcome, long? bookingId)
    {
        s.Execute(
            """UPDATE "Messages" SET "Outcome" = @outcome, "BookingId" = @booking WHERE "MessageId" = @id""",
            ("@outcome", OutcomeJson.Write(outcome)), ("@booking", bookingId), ("@id", m.MessageId));
        return outcome;
    }

    private static MessageOutcome Book(SqlSession s, IncomingRecord m, BookingPlan plan)
    {
        var phone = plan.Phone.E164;
        var applicant = Actor.Applicant(phone);
        LedgerWrites.EnsurePhone(s, phone, plan.NowUtc);
        var number = s.Row(
            """SELECT "Standing", "OwnerPersonKey" FROM "Phones" WHERE "Number" = @p""",
            r => (Standing: (PhoneStanding)r.GetInt32(0), Owner: r.IsDBNull(1) ? null : r.GetString(1)),
            ("@p", phone));
        if (number.Standing == PhoneStanding.Blacklisted)
        {
            return Finish(s, m, new BookingRefused(RefusalReason.Blacklisted, []), null);
        }

        var active = s.Row(
            """SELECT "Code", "Phone" FROM "Bookings" WHERE "PersonKey" = @k AND "State" IN (0, 1)""",
            r => (Code: r.GetString(0), Phone: r.GetString(1)),
            ("@k", plan.PersonKey));
        if (active.Code is not null)
        {
            if (active.Phone == phone)
            {
                return Finish(s, m, new BookingRefused(RefusalReason.PersonHasActiveBooking, [], active.Code), null);
            }

            LedgerWrites.Flag(s, phone, FlagReason.SeveralNumbers, $"already booked from {PhoneNumber.FromE164(active.Phone).Masked}", null, Actor.System, plan.NowUtc);
            return Finish(s, m, new BookingRefused(RefusalReason.PersonHasActiveBooking, []), null);
        }

        s.Execute("SAVEPOINT booking");
        var (refusal, isOwner) = ClaimNumber(s, plan, number.Owner);
        if (refusal is null)
        {
            if (TakePlace(s, plan) is { } place && InsertBooking(s, m, plan, place, isOwner) is { } booking)
            {
                s.Execute("RELEASE SAVEPOINT booking");
                LedgerWrites.Audit(s, plan.NowUtc, applicant, AuditAction.Booked, plan.OfficeId, booking.Id, phone, $"message {m.MessageId}");
                return Finish(s, m, new BookingConfirmed(booking.View), booking.Id);
            }

            refusal = plan.WhenFull;
        }

        s.Execute("ROLLBACK TO SAVEPOINT booking");
        s.Execute("RELEASE SAVEPOINT booking");
        var flag = refusal switch
        {
            RefusalReason.NumberBelongsToAnotherAdult => FlagReason.AnotherAdult,
            RefusalReason.PersonUsesAnotherNumber => FlagReason.SeveralNumbers,
            _ => (FlagReason?)null,
        };
        if (flag is { } reason)
        {
            LedgerWrites.Flag(s, phone, reason, TriedToBook(plan), null, Actor.System, plan.NowUtc);
        }

        var next = refusal is RefusalReason.DayFull or RefusalReason.NoPlacesInWindow
            ? DatesWithPlaces(s, plan.OfficeId, plan.Alternatives, plan.IsPriorityApplicant, BookingEngine.SuggestedDates)
            : [];
        return Finish(s, m, new BookingRefused(refusal.Value, next), null);
    }

    /// <summary>The personal-number rule: adults own their number; balita and lansia count as its dependants.</summary>
    private static (RefusalReason? Refusal, bool IsOwner) ClaimNumber(SqlSession s, BookingPlan plan, string? owner)
    {
        var phone = plan.Phone.E164;
        if (owner == plan.PersonKey)
        {
            return (null, true);
        }

        if (plan.AgeGroup == AgeGroup.Adult)
        {
            if (owner is not null)
            {
                return (RefusalReason.NumberBelongsToAnotherAdult, false);
            }

            var otherNumber = s.Scalar<string>("""SELECT "Number" FROM "Phones" WHERE "OwnerPersonKey" = @k""", ("@k", plan.PersonKey));
            if (otherNumber is not null)
            {
                return (RefusalReason.PersonUsesAnotherNumber, false);
            }

            var claimed = s.Execute(
                """UPDATE "Phones" SET "OwnerPersonKey" = @k, "OwnerName" = @n WHERE "Number" = @p AND "OwnerPersonKey" IS NULL""",
                ("@k", plan.PersonKey), ("@n", plan.Name), ("@p", phone));
            if (claimed != 1)
            {
                return (RefusalReason.NumberBelongsToAnotherAdult, false);
            }

            LedgerWrites.Audit(s, plan.NowUtc, Actor.Applicant(phone), AuditAction.OwnerRegistered, plan.OfficeId, null, phone, "first adult booked from this number");
            return (null, true);
        }

        var added = s.Execute(
            """INSERT INTO "PhoneDependants" ("Number", "PersonKey") VALUES (@p, @k) ON CONFLICT ("Number", "PersonKey") DO NOTHING""",
            ("@p", phone), ("@k", plan.PersonKey));
        if (added == 1)
        {
            var counted = s.Execute(
                """UPDATE "Phones" SET "Dependants" = "Dependants" + 1 WHERE "Number" = @p AND "Dependants" < @max""",
                ("@p", phone), ("@max", plan.Rules.MaxDependantsPerNumber));
            if (counted != 1)
            {
                return (RefusalReason.TooManyDependants, false);
            }
        }

        return (null, false);
    }

    /// <summary>Takes a place on the first date with one: the day's share, then the earliest slot with room.</summary>
    private static (DayPlan Day, SlotPlan Slot, bool Priority)? TakePlace(SqlSession s, BookingPlan plan)
    {
        foreach (var day in plan.Days)
        {
            s.Execute("SAVEPOINT day");
            EnsureCounters(s, plan.OfficeId, day);
            var key = new (string, object?)[] { ("@o", plan.OfficeId), ("@d", day.Date) };
            var priority = plan.IsPriorityApplicant && s.Execute(
                """UPDATE "DayCounters" SET "PriorityTaken" = "PriorityTaken" + 1 WHERE "OfficeId" = @o AND "Date" = @d AND "PriorityTaken" < "PriorityQuota" """,
                key) == 1;
            var counted = priority || s.Execute(
                """UPDATE "DayCounters" SET "OpenTaken" = "OpenTaken" + 1 WHERE "OfficeId" = @o AND "Date" = @d AND "OpenTaken" + "PriorityQuota" < "Quota" """,
                key) == 1;
            var slotIndex = counted
                ? s.Scalar<int?>(
                    """
                    UPDATE "SlotCounters" SET "Taken" = "Taken" + 1
                    WHERE "OfficeId" = @o AND "Date" = @d AND "Taken" < "Capacity" AND "SlotIndex" = (
                        SELECT "SlotIndex" FROM "SlotCounters"
                        WHERE "OfficeId" = @o AND "Date" = @d AND "Taken" < "Capacity" ORDER BY "SlotIndex" LIMIT 1)
                    RETURNING "SlotIndex"
                    """,
                    key)
                : null;
            if (slotIndex is { } index)
            {
                s.Execute("RELEASE SAVEPOINT day");
                return (day, day.Slots[index], priority);
            }

            s.Execute("ROLLBACK TO SAVEPOINT day");
            s.Execute("RELEASE SAVEPOINT day");
        }

        return null;
    }

    private static void EnsureCounters(SqlSession s, int officeId, DayPlan day)
    {
        var created = s.Execute(
            """
            INSERT INTO "DayCounters" ("OfficeId", "Date", "Quota", "PriorityQuota", "OpenTaken", "PriorityTaken", "Arrived")
            VALUES (@o, @d, @q, @pq, 0, 0, 0) ON CONFLICT ("OfficeId", "Date") DO NOTHING
            """,
            ("@o", officeId), ("@d", day.Date), ("@q", day.Quota), ("@pq", day.PriorityQuota));
        if (created == 0)
        {
            return;
        }

        foreach (var slot in day.Slots)
        {
            s.Execute(
                """INSERT INTO "SlotCounters" ("OfficeId", "Date", "SlotIndex", "Capacity", "Taken") VALUES (@o, @d, @i, @c, 0)""",
                ("@o", officeId), ("@d", day.Date), ("@i", slot.Index), ("@c", slot.Capacity));
        }
    }

    private static (long Id, BookingView View)? InsertBooking(
        SqlSession s, IncomingRecord m, BookingPlan plan, (DayPlan Day, SlotPlan Slot, bool Priority) place, bool isOwner)
    {
        for (var attempt = 0; attempt < CodeAttempts; attempt++)
        {
            // 40 random bits: a clash is rare but possible, and the unique index is the judge.
            var code = BookingCode.New(plan.OfficeCode).Value;
            var id = s.Scalar<long?>(
                """
                INSERT INTO "Bookings" ("Code", "OfficeId", "Phone", "PersonKey", "Name", "BirthDate", "Address", "AgeGroup", "IsOwner",
                    "IsPriority", "Date", "SlotIndex", "SlotStartUtc", "CheckInDeadlineUtc", "State", "MessageId", "CreatedAtUtc", "UpdatedAtUtc")
                VALUES (@code, @o, @p, @k, @n, @birth, @addr, @age, @owner, @prio, @d, @slot, @start, @deadline, 0, @msg, @now, @now)
                ON CONFLICT ("Code") DO NOTHING RETURNING "Id"
                """,
                ("@code", code), ("@o", plan.OfficeId), ("@p", plan.Phone.E164), ("@k", plan.PersonKey), ("@n", plan.Name),
                ("@birth", plan.BirthDate), ("@addr", plan.Address), ("@age", plan.AgeGroup), ("@owner", isOwner), ("@prio", place.Priority),
                ("@d", place.Day.Date), ("@slot", place.Slot.Index), ("@start", place.Slot.StartUtc), ("@deadline", place.Slot.DeadlineUtc),
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

    private static string TriedToBook(BookingPlan plan) => $"tried to book {plan.Name}";
}

using PassportQueue.Core.Bookings;
using PassportQueue.Core.Bookings.Admission;
using PassportQueue.Core.Phones;
using PassportQueue.Web.Data.Sql;
using PassportQueue.Web.Data;

namespace PassportQueue.Web.Places;

/// <summary>
/// The claims a booking makes once <see cref="AdmissionRules"/> allowed it, each atomic and
/// guarded by the database: the number's owner (a conditional update and a unique index on the
/// owner), a dependant (a conditional update of the count), a numbered place (a conditional
/// update of the day's counter, check constraints, a unique place number) and a unique code.
/// None decides anything: a claim that fails says so, and the rules say what that means.
/// </summary>
internal static class BookingClaims
{
    private const int CodeAttempts = 8;

    /// <summary>Makes the claim on the number; false when another request made a conflicting one first.</summary>
    public static bool ClaimNumber(SqlSession s, BookingPlan plan, NumberClaim claim, bool numberKnown)
    {
        var phone = plan.Phone.E164;
        switch (claim)
        {
            case NumberClaim.NewOwner when !numberKnown:
                return s.Execute(
                    """
                    INSERT INTO "Phones" ("Number", "OwnerPersonKey", "OwnerName", "Dependants", "NoShows", "Standing", "FirstSeenUtc")
                    VALUES (@p, @k, @n, 0, 0, @clear, @now)
                    """,
                    ("@p", phone), ("@k", plan.PersonKey), ("@n", plan.Name), ("@clear", PhoneStanding.Clear), ("@now", plan.NowUtc)) == 1;
            case NumberClaim.NewOwner:
                return s.Execute(
                    """UPDATE "Phones" SET "OwnerPersonKey" = @k, "OwnerName" = @n WHERE "Number" = @p AND "OwnerPersonKey" IS NULL""",
                    ("@k", plan.PersonKey), ("@n", plan.Name), ("@p", phone)) == 1;
            case NumberClaim.NewDependant:
                if (!numberKnown)
                {
                    LedgerWrites.EnsurePhone(s, phone, plan.NowUtc);
                }

                var added = s.Execute(
                    """INSERT INTO "PhoneDependants" ("Number", "PersonKey") VALUES (@p, @k) ON CONFLICT ("Number", "PersonKey") DO NOTHING""",
                    ("@p", phone), ("@k", plan.PersonKey));
                return added == 0 || s.Execute(
                    """UPDATE "Phones" SET "Dependants" = "Dependants" + 1 WHERE "Number" = @p AND "Dependants" < @max""",
                    ("@p", phone), ("@max", plan.Rules.MaxDependantsPerNumber)) == 1;
            default:
                return true;
        }
    }

    /// <summary>
    /// Takes a place on the first of the plan's days with one: from the priority share first for
    /// balita and lansia, else from the open share. The counter numbers places in the order they
    /// are taken (after any skipped: see <see cref="DayPlan.FirstPlace"/>); the n-th place is in slot
    /// (n - 1) / places per slot, so slots fill earliest first and none holds more than its places.
    /// </summary>
    public static TakenPlace? TakePlace(SqlSession s, BookingPlan plan)
    {
        foreach (var day in plan.Days)
        {
            var key = new (string, object?)[] { ("@o", plan.OfficeId), ("@d", day.Date) };
            Skip(s, day, key);
            var number = TakeShare(s, plan, key);
            if (number is null)
            {
                // No place, or no counter yet. Create the counter if it is missing and try once more:
                // on PostgreSQL another node may have created it since this transaction looked
                // (its insert wins, ours does nothing), and the second update sees it.
                EnsureCounter(s, plan.OfficeId, day);
                Skip(s, day, key);
                number = TakeShare(s, plan, key);
            }

            if (number is { } place)
            {
                return PlaceOf(day, place.Number, place.Priority);
            }
        }

        return null;
    }

    /// <summary>Inserts the booking with a fresh code; the unique index on codes is the judge of a clash.</summary>
    public static (long Id, BookingView View) InsertBooking(SqlSession s, IncomingRecord m, BookingPlan plan, TakenPlace place, bool isOwner)
    {
        for (var attempt = 0; attempt < CodeAttempts; attempt++)
        {
            // 40 random bits: a clash is rare but possible.
            var code = BookingCode.New(plan.OfficeCode).Value;
            var id = s.Scalar<long?>(
                """
                INSERT INTO "Bookings" ("Code", "OfficeId", "Phone", "PersonKey", "Name", "BirthDate", "Address", "AgeGroup", "IsOwner",
                    "IsPriority", "Date", "DayPlace", "SlotIndex", "SlotStartUtc", "CheckInDeadlineUtc", "State", "MessageId", "CreatedAtUtc", "UpdatedAtUtc")
                VALUES (@code, @o, @p, @k, @n, @birth, @addr, @age, @owner, @prio, @d, @place, @slot, @start, @deadline, @booked, @msg, @now, @now)
                ON CONFLICT ("Code") DO NOTHING RETURNING "Id"
                """,
                ("@code", code), ("@o", plan.OfficeId), ("@p", plan.Phone.E164), ("@k", plan.PersonKey), ("@n", plan.Name),
                ("@birth", plan.BirthDate), ("@addr", plan.Address), ("@age", plan.AgeGroup), ("@owner", isOwner), ("@prio", place.Priority),
                ("@d", place.Day.Date), ("@place", place.Number), ("@slot", place.Slot.Index), ("@start", place.Slot.StartUtc),
                ("@deadline", place.Slot.DeadlineUtc), ("@booked", BookingState.Booked), ("@msg", m.MessageId), ("@now", plan.NowUtc));
            if (id is { } bookingId)
            {
                return (bookingId, View(plan, code, place, isOwner));
            }
        }

        throw new InvalidOperationException("Could not draw an unused booking code.");
    }

    /// <summary>What the applicant is told about a booking just made.</summary>
    public static BookingView View(BookingPlan plan, string code, TakenPlace place, bool isOwner) =>
        new(code, plan.OfficeCode, plan.Name, plan.BirthDate, plan.AgeGroup, isOwner, place.Day.Date, place.Slot.Index,
            place.Slot.StartUtc, place.Slot.DeadlineUtc, BookingState.Booked);

    /// <summary>The place with number <paramref name="number"/> of <paramref name="day"/>: its slot is (number - 1) / places per slot.</summary>
    public static TakenPlace PlaceOf(DayPlan day, int number, bool priority) =>
        new(day, day.Slots[(number - 1) / day.PlacesPerSlot], number, priority);

    /// <summary>On the day itself, passes over the place numbers of slots whose check-in has closed.</summary>
    private static void Skip(SqlSession s, DayPlan day, (string, object?)[] key)
    {
        if (day.FirstPlace > 1)
        {
            s.Execute(
                """
                UPDATE "DayCounters" SET "Skipped" = @before - "OpenTaken" - "PriorityTaken"
                WHERE "OfficeId" = @o AND "Date" = @d AND "OpenTaken" + "PriorityTaken" + "Skipped" < @before
                """,
                [.. key, ("@before", Math.Min(day.FirstPlace - 1, day.Capacity))]);
        }
    }

    /// <summary>
    /// Takes a share of the day's quota; returns the place's number in the day and whether it is a
    /// priority place. A day held for its draw gives no place first-come.
    /// </summary>
    private static (int Number, bool Priority)? TakeShare(SqlSession s, BookingPlan plan, (string, object?)[] key) =>
        TakeShare(s, plan.IsPriorityApplicant, key, PriorityFirstCome, OpenFirstCome);

    /// <summary>A winner's place, taken by the draw itself while the day is held for it.</summary>
    public static TakenPlace? TakeDrawnPlace(SqlSession s, int officeId, DayPlan day, bool priority) =>
        TakeShare(s, priority, [("@o", officeId), ("@d", day.Date)], PriorityDrawn, OpenDrawn) is { } place
            ? PlaceOf(day, place.Number, place.Priority)
            : null;

    /// <summary>Whether a day's places are held for its draw.</summary>
    public static bool IsHeld(SqlSession s, int officeId, DateOnly date) =>
        s.Scalar<bool?>("""SELECT "Held" FROM "DayCounters" WHERE "OfficeId" = @o AND "Date" = @d""", ("@o", officeId), ("@d", date)) == true;

    // The guards of Core's DayPlaces.Take, the rule of which share a place comes from: a priority applicant from the
    // priority share while it lasts, anyone from the open share, no place past the slots, none first come while the day
    // is held for its draw. The check constraints CK_DayCounters_* and UX_Bookings_DayPlace guard them again.
    private const string PriorityShare =
        """
        UPDATE "DayCounters" SET "PriorityTaken" = "PriorityTaken" + 1
        WHERE "OfficeId" = @o AND "Date" = @d AND "PriorityTaken" < "PriorityQuota"
          AND "OpenTaken" + "PriorityTaken" + "Skipped" < "SlotsPerDay" * "PlacesPerSlot"
        """;

    private const string OpenShare =
        """
        UPDATE "DayCounters" SET "OpenTaken" = "OpenTaken" + 1
        WHERE "OfficeId" = @o AND "Date" = @d AND "OpenTaken" + "PriorityQuota" < "Quota"
          AND "OpenTaken" + "PriorityTaken" + "Skipped" < "SlotsPerDay" * "PlacesPerSlot"
        """;

    private const string Place = """ RETURNING "OpenTaken" + "PriorityTaken" + "Skipped" AS "Place" """;

    private const string PriorityFirstCome = PriorityShare + """ AND NOT "Held" """ + Place;

    private const string OpenFirstCome = OpenShare + """ AND NOT "Held" """ + Place;

    private const string PriorityDrawn = PriorityShare + Place;

    private const string OpenDrawn = OpenShare + Place;

    private static (int Number, bool Priority)? TakeShare(SqlSession s, bool priorityApplicant, (string, object?)[] key, string priorityShare, string openShare)
    {
        if (priorityApplicant && s.Scalar<int?>(priorityShare, key) is { } priority)
        {
            return (priority, true);
        }

        return s.Scalar<int?>(openShare, key) is { } open ? (open, false) : null;
    }

    /// <summary>Creates a day's counter with the quota and slot size in force now, unless it exists.</summary>
    public static void EnsureCounter(SqlSession s, int officeId, DayPlan day) =>
        s.Execute(
            """
            INSERT INTO "DayCounters" ("OfficeId", "Date", "Quota", "PriorityQuota", "PlacesPerSlot", "SlotsPerDay", "OpenTaken", "PriorityTaken", "Skipped", "Arrived")
            VALUES (@o, @d, @q, @pq, @places, @slots, 0, 0, 0, 0) ON CONFLICT ("OfficeId", "Date") DO NOTHING
            """,
            ("@o", officeId), ("@d", day.Date), ("@q", day.Quota), ("@pq", day.PriorityQuota), ("@places", day.PlacesPerSlot),
            ("@slots", day.Slots.Count));
}

/// <summary>A place taken: its day, slot, number in the day, and whether it came from the priority share.</summary>
internal sealed record TakenPlace(DayPlan Day, SlotPlan Slot, int Number, bool Priority);

using PassportQueue.Core.Bookings;
using PassportQueue.Core.Bookings.Admission;
using PassportQueue.Web.Data.Sql;
using PassportQueue.Web.Data;
using PassportQueue.Web.Places;

namespace PassportQueue.Web.Bookings;

internal partial class BulkBookings
{
    private const string EnsureCountersSql = """
        INSERT INTO "DayCounters" ("OfficeId", "Date", "Quota", "PriorityQuota", "PlacesPerSlot", "SlotsPerDay", "OpenTaken", "PriorityTaken", "Skipped", "Arrived")
        SELECT u.o, u.d, u.q, u.pq, u.pps, u.slots, 0, 0, 0, 0
        FROM unnest(@co::integer[], @cd::date[], @cq::integer[], @cpq::integer[], @cpps::integer[], @cslots::integer[]) AS u(o, d, q, pq, pps, slots)
        ORDER BY u.o, u.d
        ON CONFLICT ("OfficeId", "Date") DO NOTHING
        """;

    private const string LockCountersSql = DayCountRows.Select + """
         c JOIN unnest(@co::integer[], @cd::date[]) AS k(o, d) ON c."OfficeId" = k.o AND c."Date" = k.d
        ORDER BY c."OfficeId", c."Date" FOR UPDATE OF c
        """;

    private const string OtherCountersSql = DayCountRows.Select + """
         c JOIN unnest(@ao::integer[], @afrom::date[], @ato::date[]) AS r(o, f, t) ON c."OfficeId" = r.o AND c."Date" BETWEEN r.f AND r.t
        """;

    private const string CountersSql = """
        UPDATE "DayCounters" c SET "OpenTaken" = u.open, "PriorityTaken" = u.prio, "Skipped" = u.skipped
        FROM unnest(@uo::integer[], @ud::date[], @uopen::integer[], @uprio::integer[], @uskip::integer[]) AS u(o, d, open, prio, skipped)
        WHERE c."OfficeId" = u.o AND c."Date" = u.d
        """;

    private const string NewNumbersSql = """
        INSERT INTO "Phones" ("Number", "OwnerPersonKey", "OwnerName", "Dependants", "NoShows", "Standing", "FirstSeenUtc")
        SELECT u.p, u.k, u.n, 0, 0, @clear, u.at FROM unnest(@np::text[], @nk::text[], @nn::text[], @nat::timestamptz[]) AS u(p, k, n, at)
        ON CONFLICT ("Number") DO NOTHING
        """;

    private const string NewOwnersSql = """
        UPDATE "Phones" p SET "OwnerPersonKey" = u.k, "OwnerName" = u.n
        FROM unnest(@op::text[], @ok::text[], @on::text[]) AS u(p, k, n)
        WHERE p."Number" = u.p AND p."OwnerPersonKey" IS NULL
        """;

    private const string DependantNumbersSql = """
        INSERT INTO "Phones" ("Number", "Dependants", "NoShows", "Standing", "FirstSeenUtc")
        SELECT u.p, 0, 0, @clear, u.at FROM unnest(@dp::text[], @dat::timestamptz[]) AS u(p, at)
        ON CONFLICT ("Number") DO NOTHING
        """;

    // Written in the form SqlSession.Statement.Exactly gives others: a data-modifying WITH cannot be nested in another.
    private const string NewDependantsSql = """
        WITH added AS (
            INSERT INTO "PhoneDependants" ("Number", "PersonKey") SELECT u.p, u.k FROM unnest(@dp::text[], @dk::text[]) AS u(p, k)
            ON CONFLICT ("Number", "PersonKey") DO NOTHING RETURNING "Number"),
        changed AS (
            UPDATE "Phones" p SET "Dependants" = p."Dependants" + 1
            FROM added a JOIN unnest(@dp::text[], @dmax::integer[]) AS m(p, max) ON m.p = a."Number"
            WHERE p."Number" = a."Number" AND p."Dependants" < m.max
            RETURNING 1)
        SELECT 1 / (CASE WHEN count(*) = @expected THEN 1 ELSE 0 END) AS "Checked" FROM changed
        """;

    private const string BookingsSql = """
        INSERT INTO "Bookings" ("Code", "OfficeId", "Phone", "PersonKey", "Name", "BirthDate", "Address", "AgeGroup", "IsOwner",
            "IsPriority", "Date", "DayPlace", "SlotIndex", "SlotStartUtc", "CheckInDeadlineUtc", "State", "MessageId", "CreatedAtUtc", "UpdatedAtUtc")
        SELECT u.code, u.o, u.p, u.k, u.n, u.birth, u.addr, u.age, u.owner, u.prio, u.d, u.place, u.slot, u.start, u.deadline, @booked, u.msg, u.at, u.at
        FROM unnest(@bcode::text[], @bo::integer[], @bp::text[], @bk::text[], @bn::text[], @bbirth::date[], @baddr::text[], @bage::integer[],
            @bowner::boolean[], @bprio::boolean[], @bd::date[], @bplace::integer[], @bslot::integer[], @bstart::timestamptz[], @bdeadline::timestamptz[],
            @bmsg::text[], @bat::timestamptz[])
            AS u(code, o, p, k, n, birth, addr, age, owner, prio, d, place, slot, start, deadline, msg, at)
        ON CONFLICT ("Code") DO NOTHING
        """;

    private const string StandingsSql = """
        UPDATE "BallotStandings" SET "LostInARow" = 0 WHERE "PersonKey" = ANY(@sk::text[]) AND "LostInARow" > 0
        """;

    private const string AuditSql = """
        INSERT INTO "AuditEntries" ("AtUtc", "Actor", "Action", "OfficeId", "BookingId", "Phone", "Reason")
        SELECT u.at, u.actor, u.action, u.office, b."Id", u.phone, u.reason
        FROM unnest(@aat::timestamptz[], @aactor::text[], @aaction::integer[], @aoffice::integer[], @acode::text[], @aphone::text[], @areason::text[])
            WITH ORDINALITY AS u(at, actor, action, office, code, phone, reason, n)
        JOIN "Bookings" b ON b."Code" = u.code
        ORDER BY u.n
        """;

    private const string MessagesSql = """
        INSERT INTO "Messages" ("MessageId", "OfficeId", "Phone", "Body", "ReceivedAtUtc", "Outcome", "BookingId")
        SELECT u.id, u.office, u.phone, u.body, u.at, u.outcome, b."Id"
        FROM unnest(@mid::text[], @moffice::integer[], @mphone::text[], @mbody::text[], @mat::timestamptz[], @moutcome::text[], @mcode::text[])
            AS u(id, office, phone, body, at, outcome, code)
        LEFT JOIN "Bookings" b ON b."Code" = u.code
        ON CONFLICT ("MessageId") DO NOTHING
        """;
}

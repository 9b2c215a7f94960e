using PassportQueue.Core.Bookings;
using PassportQueue.Core.Bookings.Admission;
using PassportQueue.Web.Data.Sql;
using PassportQueue.Web.Data;
using PassportQueue.Web.Places;

namespace PassportQueue.Web.Bookings;

/// <summary>One booking message for <see cref="BulkBookings"/>.</summary>
internal sealed record BookRequest(IncomingRecord Message, BookingPlan Plan, Identities Identities);

/// <summary>
/// A write batch's booking messages in two round trips for the whole batch instead of about five
/// each (PostgreSQL, where each statement is a round trip to the server):
/// <list type="number">
/// <item>one batch of statements creates the counters of the days asked for that do not exist yet,
/// locks them (in a fixed order), reads the counters of the dates a refusal may offer, and reads
/// every request's facts (<see cref="AdmissionFactsRows.BulkSql"/>);</item>
/// <item>Core decides each request in turn (<see cref="AdmissionRules"/>) and takes its place from
/// the locked counts (<see cref="DayPlaces.Take"/>);</item>
/// <item>one batch of statements writes it all: the counters, the numbers' claims, the bookings,
/// their audit lines, the reset of lost-draw runs and the messages with their outcomes, and, when
/// the run answered the whole write batch, the commit.</item>
/// </list>
/// The database still guards every rule: the locked counters' check constraints, the unique place
/// number, the one-active-booking and one-owner indexes, and the claims' conditions. Any statement
/// that changes fewer rows than decided (checked by the server itself) or that the database
/// refuses fails, and then nothing of the bulk run stays: the write batcher undoes it and every request runs alone as before, in the
/// same transaction. A message delivered before gets the answer stored for it, as one by one.
/// Requests that always run alone: one with an e-KTP photo, one whose number, person or message id
/// an earlier request of the batch has, and a refusal that raises a flag.
/// </summary>
internal sealed class BulkBookings : BulkWork<BookRequest, MessageOutcome>
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

    /// <inheritdoc />
    public override IReadOnlyList<MessageOutcome?> Run(SqlSession session, IReadOnlyList<BookRequest> requests)
    {
        var results = new MessageOutcome?[requests.Count];
        var pending = Together(requests);
        if (pending.Count == 0)
        {
            return results;
        }

        var (facts, stored, locked, others) = Read(session, requests, pending);
        var answers = new List<BulkAnswer>(pending.Count);
        foreach (var i in pending)
        {
            if (stored[i] is { } earlier)
            {
                // Delivered again: the answer given the first time, and nothing written.
                results[i] = earlier;
                continue;
            }

            var known = facts[i]!;

            var plan = requests[i].Plan;
            switch (AdmissionRules.Decide(plan, known))
            {
                case AdmissionRefused { Flag: null } refusal:
                    answers.Add(new BulkAnswer(i, refusal));
                    break;
                case AdmissionGranted { Claim: var claim }:
                    answers.Add(Place(i, plan, claim, known.Number is not null, locked));
                    break;
            }
        }

        foreach (var answer in answers)
        {
            answer.Outcome = answer.Place is { } place
                ? new BookingConfirmed(BookingClaims.View(requests[answer.Index].Plan, answer.Code!, place, PlaceGiving.IsOwner(answer.Claim)))
                : Refused(requests[answer.Index].Plan, answer, locked, others);
        }

        // Every request answered here (none left to run alone): the write may end the transaction.
        var everyAnswered = pending.Count == requests.Count && pending.All(i => stored[i] is not null || answers.Exists(a => a.Index == i));
        Write(session, requests, answers, locked, everyAnswered);
        foreach (var answer in answers)
        {
            results[answer.Index] = answer.Outcome;
        }

        return results;
    }

    /// <summary>The requests that can go together: no photo, and no number, person or message id an earlier one of them has.</summary>
    private static List<int> Together(IReadOnlyList<BookRequest> requests)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var together = new List<int>(requests.Count);
        for (var i = 0; i < requests.Count; i++)
        {
            var (m, plan, identities) = requests[i];
            string[] keys = ["p:" + plan.Phone.E164, "k:" + identities.Plain, "k:" + identities.Pseudonym, "m:" + m.MessageId];
            var overlaps = keys.Any(seen.Contains);
            foreach (var key in keys)
            {
                seen.Add(key);
            }

            if (m.Photo is null && !overlaps)
            {
                together.Add(i);
            }
        }

        return together;
    }

    /// <summary>
    /// The first round trip: the days' counters made and locked, the other dates' counters, and each
    /// request's facts, or the outcome stored for its message if it was delivered before.
    /// </summary>
    private static (AdmissionFacts?[] Facts, MessageOutcome?[] Stored, Dictionary<(int, DateOnly), Counter> Locked, Dictionary<(int, DateOnly), Counter> Others) Read(
        SqlSession s, IReadOnlyList<BookRequest> requests, List<int> pending)
    {
        var days = pending
            .SelectMany(i => requests[i].Plan.Days.Select(d => (requests[i].Plan.OfficeId, Day: d)))
            .DistinctBy(d => (d.OfficeId, d.Day.Date))
            .ToList();
        var ranges = pending
            .Where(i => requests[i].Plan.Alternatives.Count > 0)
            .GroupBy(i => requests[i].Plan.OfficeId)
            .Select(g => (Office: g.Key, From: g.Min(i => requests[i].Plan.Alternatives.Min(d => d.Date)), To: g.Max(i => requests[i].Plan.Alternatives.Max(d => d.Date))))
            .ToList();
        var read = s.Batch(
            [
                new(EnsureCountersSql,
                    ("@co", days.ConvertAll(d => d.OfficeId).ToArray()), ("@cd", days.ConvertAll(d => d.Day.Date).ToArray()),
                    ("@cq", days.ConvertAll(d => d.Day.Quota).ToArray()), ("@cpq", days.ConvertAll(d => d.Day.PriorityQuota).ToArray()),
                    ("@cpps", days.ConvertAll(d => d.Day.PlacesPerSlot).ToArray()), ("@cslots", days.ConvertAll(d => d.Day.Slots.Count).ToArray())),
                new(LockCountersSql, ("@co", days.ConvertAll(d => d.OfficeId).ToArray()), ("@cd", days.ConvertAll(d => d.Day.Date).ToArray())),
                new(OtherCountersSql,
                    ("@ao", ranges.ConvertAll(r => r.Office).ToArray()), ("@afrom", ranges.ConvertAll(r => r.From).ToArray()),
                    ("@ato", ranges.ConvertAll(r => r.To).ToArray())),
                new(AdmissionFactsRows.BulkSql,
                    ("@p", pending.ConvertAll(i => requests[i].Plan.Phone.E164).ToArray()),
                    ("@k", pending.ConvertAll(i => requests[i].Identities.Plain).ToArray()),
                    ("@kh", pending.ConvertAll(i => requests[i].Identities.Pseudonym).ToArray()),
                    ("@m", pending.ConvertAll(i => requests[i].Message.MessageId).ToArray())),
            ],
            r => (Locked: Counters(r), Others: Next(r) ? Counters(r) : [], Facts: Next(r) ? FactRows(r, pending) : []));

        var byRequest = read.Facts.ToLookup(f => f.Index, f => f.Row);
        var facts = new AdmissionFacts?[requests.Count];
        var stored = new MessageOutcome?[requests.Count];
        foreach (var i in pending)
        {
            var mine = byRequest[i];
            if (mine.FirstOrDefault(r => r.IsStoredMessage) is { Text: { } outcome })
            {
                stored[i] = OutcomeJson.Read(outcome);
            }
            else
            {
                facts[i] = AdmissionFactsRows.Fold(mine, requests[i].Plan, requests[i].Identities);
            }
        }

        return (facts, stored, read.Locked, read.Others);
    }

    private static bool Next(System.Data.Common.DbDataReader reader) =>
        reader.NextResult() ? true : throw new InvalidOperationException("The batch returned fewer result sets than it has queries.");

    private static Dictionary<(int, DateOnly), Counter> Counters(System.Data.Common.DbDataReader reader)
    {
        var counters = new Dictionary<(int, DateOnly), Counter>();
        while (reader.Read())
        {
            var (office, count, held) = DayCountRows.Map(reader);
            counters[(office, count.Date)] = new Counter(count, held);
        }

        return counters;
    }

    private static List<(int Index, AdmissionFactsRows.Row Row)> FactRows(System.Data.Common.DbDataReader reader, List<int> pending)
    {
        var rows = new List<(int, AdmissionFactsRows.Row)>();
        while (reader.Read())
        {
            rows.Add((pending[reader.Get<int>("Index")], AdmissionFactsRows.Row.Read(reader)));
        }

        return rows;
    }

    /// <summary>Takes the request's place from the locked counts, on the first of its days with one; none taken leaves the counts as they were.</summary>
    private static BulkAnswer Place(int index, BookingPlan plan, NumberClaim claim, bool numberKnown, Dictionary<(int, DateOnly), Counter> locked)
    {
        var before = plan.Days.Select(d => (Key: (plan.OfficeId, d.Date), Counter: locked[(plan.OfficeId, d.Date)])).ToList();
        foreach (var day in plan.Days)
        {
            var key = (plan.OfficeId, day.Date);
            var counter = locked[key];
            var (count, taken) = DayPlaces.Take(day, counter.Count, plan.IsPriorityApplicant, counter.Held);
            locked[key] = counter with { Count = count, Changed = counter.Changed || count != counter.Count };
            if (taken is not null)
            {
                return new BulkAnswer(index, null)
                {
                    Claim = claim,
                    NumberKnown = numberKnown,
                    Code = BookingCode.New(plan.OfficeCode).Value,
                    Place = BookingClaims.PlaceOf(day, taken.Number, taken.Priority),
                };
            }
        }

        before.ForEach(b => locked[b.Key] = b.Counter);
        return new BulkAnswer(index, AdmissionRules.NoPlace(plan)) { NoPlace = true };
    }

    /// <summary>A refusal's outcome: the dates it offers from the counts as this batch leaves them; a single day held for its draw is "draw pending".</summary>
    private static BookingRefused Refused(BookingPlan plan, BulkAnswer answer, Dictionary<(int, DateOnly), Counter> locked, Dictionary<(int, DateOnly), Counter> others)
    {
        var refusal = answer.Refusal!;
        if (answer.NoPlace && plan.Days.Count == 1 && locked[(plan.OfficeId, plan.Days[0].Date)].Held)
        {
            return new BookingRefused(RefusalReason.DrawPending, []);
        }

        if (!refusal.SuggestDates)
        {
            return new BookingRefused(refusal.Reason, [], refusal.ExistingCode);
        }

        var open = new Dictionary<DateOnly, DayCount>();
        foreach (var day in plan.Alternatives)
        {
            var key = (plan.OfficeId, day.Date);
            // As the counters' query of a single booking reads them: a day held for its draw is left out.
            if ((locked.TryGetValue(key, out var counter) || others.TryGetValue(key, out counter)) && !counter.Held)
            {
                open[day.Date] = counter.Count;
            }
        }

        return new BookingRefused(
            refusal.Reason, SqlBookingStore.DatesWithPlaces(plan.Alternatives, open, plan.IsPriorityApplicant, BookingEngine.SuggestedDates), refusal.ExistingCode);
    }

    /// <summary>
    /// The second round trip: everything decided, written; a statement that changes fewer rows than
    /// decided fails on the server. When the run answered every request of the batch, the commit goes
    /// with it (if the write batcher allows).
    /// </summary>
    private static void Write(SqlSession s, IReadOnlyList<BookRequest> requests, List<BulkAnswer> answers, Dictionary<(int, DateOnly), Counter> locked, bool everyAnswered)
    {
        if (answers.Count == 0)
        {
            return;
        }

        var booked = answers.FindAll(a => a.Place is not null);
        var changed = locked.Where(c => c.Value.Changed).ToList();
        var statements = new List<SqlSession.Statement>();
        void Add(int rows, string sql, params (string, object?)[] args)
        {
            if (rows > 0)
            {
                statements.Add(SqlSession.Statement.Exactly(rows, sql, args));
            }
        }

        Add(changed.Count, CountersSql,
            ("@uo", changed.ConvertAll(c => c.Key.Item1).ToArray()), ("@ud", changed.ConvertAll(c => c.Key.Item2).ToArray()),
            ("@uopen", changed.ConvertAll(c => c.Value.Count.OpenTaken).ToArray()), ("@uprio", changed.ConvertAll(c => c.Value.Count.PriorityTaken).ToArray()),
            ("@uskip", changed.ConvertAll(c => c.Value.Count.Skipped).ToArray()));
        var newNumbers = booked.FindAll(a => a is { Claim: NumberClaim.NewOwner, NumberKnown: false }).ConvertAll(a => requests[a.Index].Plan);
        Add(newNumbers.Count, NewNumbersSql,
            ("@np", newNumbers.ConvertAll(p => p.Phone.E164).ToArray()), ("@nk", newNumbers.ConvertAll(p => p.PersonKey).ToArray()),
            ("@nn", newNumbers.ConvertAll(p => p.Name).ToArray()), ("@nat", newNumbers.ConvertAll(p => Utc(p.NowUtc)).ToArray()),
            ("@clear", (int)Core.Phones.PhoneStanding.Clear));
        var newOwners = booked.FindAll(a => a is { Claim: NumberClaim.NewOwner, NumberKnown: true }).ConvertAll(a => requests[a.Index].Plan);
        Add(newOwners.Count, NewOwnersSql,
            ("@op", newOwners.ConvertAll(p => p.Phone.E164).ToArray()), ("@ok", newOwners.ConvertAll(p => p.PersonKey).ToArray()),
            ("@on", newOwners.ConvertAll(p => p.Name).ToArray()));
        var dependants = booked.FindAll(a => a.Claim == NumberClaim.NewDependant).ConvertAll(a => requests[a.Index].Plan);
        if (dependants.Count > 0)
        {
            // The number's record exists or is made (changing no row when it exists), then each dependant is counted.
            statements.Add(new SqlSession.Statement(
                DependantNumbersSql,
                ("@dp", dependants.ConvertAll(p => p.Phone.E164).ToArray()), ("@dat", dependants.ConvertAll(p => Utc(p.NowUtc)).ToArray()),
                ("@clear", (int)Core.Phones.PhoneStanding.Clear)));
            statements.Add(new SqlSession.Statement(
                NewDependantsSql,
                ("@dp", dependants.ConvertAll(p => p.Phone.E164).ToArray()), ("@dk", dependants.ConvertAll(p => p.PersonKey).ToArray()),
                ("@dmax", dependants.ConvertAll(p => p.Rules.MaxDependantsPerNumber).ToArray()), ("@expected", dependants.Count)));
        }

        Add(booked.Count, BookingsSql, BookingArguments(requests, booked));
        if (booked.Count > 0)
        {
            statements.Add(new SqlSession.Statement(StandingsSql, ("@sk", booked.ConvertAll(a => requests[a.Index].Identities.Pseudonym).ToArray())));
        }

        // The bookings' audit lines, each joined to its booking by code, in the order they are listed.
        var lines = booked.SelectMany(a => BookedLines(requests[a.Index], a.Claim).Select(l => (a.Code, Line: l))).ToList();
        Add(lines.Count, AuditSql,
            ("@aat", lines.ConvertAll(l => Utc(l.Line.At)).ToArray()), ("@aactor", lines.ConvertAll(l => l.Line.Actor.Value).ToArray()),
            ("@aaction", lines.ConvertAll(l => (int)l.Line.Action).ToArray()), ("@aoffice", lines.ConvertAll(l => l.Line.OfficeId).ToArray()),
            ("@acode", lines.ConvertAll(l => l.Code).ToArray()), ("@aphone", lines.ConvertAll(l => l.Line.Phone).ToArray()),
            ("@areason", lines.ConvertAll(l => LedgerWrites.Truncate(l.Line.Reason)).ToArray()));

        var messages = answers.ConvertAll(a => requests[a.Index].Message);
        Add(answers.Count, MessagesSql,
            ("@mid", messages.ConvertAll(m => m.MessageId).ToArray()), ("@moffice", messages.ConvertAll(m => m.OfficeId).ToArray()),
            ("@mphone", messages.ConvertAll(m => m.Phone.E164).ToArray()), ("@mbody", messages.ConvertAll(m => m.Body).ToArray()),
            ("@mat", messages.ConvertAll(m => Utc(m.ReceivedAtUtc)).ToArray()),
            ("@moutcome", answers.ConvertAll(a => OutcomeJson.Write(a.Outcome!)).ToArray()), ("@mcode", answers.ConvertAll(a => a.Code).ToArray()));

        s.Batch(statements, commit: everyAnswered);
    }

    private static (string, object?)[] BookingArguments(IReadOnlyList<BookRequest> requests, List<BulkAnswer> booked)
    {
        var plans = booked.ConvertAll(a => requests[a.Index].Plan);
        var places = booked.ConvertAll(a => a.Place!);
        return
        [
            ("@bcode", booked.ConvertAll(a => a.Code).ToArray()), ("@bo", plans.ConvertAll(p => p.OfficeId).ToArray()),
            ("@bp", plans.ConvertAll(p => p.Phone.E164).ToArray()), ("@bk", plans.ConvertAll(p => p.PersonKey).ToArray()),
            ("@bn", plans.ConvertAll(p => p.Name).ToArray()), ("@bbirth", plans.ConvertAll(p => p.BirthDate).ToArray()),
            ("@baddr", plans.ConvertAll(p => p.Address).ToArray()), ("@bage", plans.ConvertAll(p => (int)p.AgeGroup).ToArray()),
            ("@bowner", booked.ConvertAll(a => PlaceGiving.IsOwner(a.Claim)).ToArray()), ("@bprio", places.ConvertAll(p => p.Priority).ToArray()),
            ("@bd", places.ConvertAll(p => p.Day.Date).ToArray()), ("@bplace", places.ConvertAll(p => p.Number).ToArray()),
            ("@bslot", places.ConvertAll(p => p.Slot.Index).ToArray()), ("@bstart", places.ConvertAll(p => Utc(p.Slot.StartUtc)).ToArray()),
            ("@bdeadline", places.ConvertAll(p => Utc(p.Slot.DeadlineUtc)).ToArray()),
            ("@bmsg", booked.ConvertAll(a => requests[a.Index].Message.MessageId).ToArray()),
            ("@bat", plans.ConvertAll(p => Utc(p.NowUtc)).ToArray()), ("@booked", (int)BookingState.Booked),
        ];
    }

    /// <summary>A first-come booking's audit lines, as <see cref="PlaceGiving"/> writes them one by one.</summary>
    private static IEnumerable<AuditLine> BookedLines(BookRequest request, NumberClaim claim) =>
        PlaceGiving.BookedLines(
            request.Plan, claim, Core.Audit.Actor.Applicant(request.Plan.Phone.E164), Core.Audit.SystemReason.Of(Core.Audit.ReasonCode.BookedByMessage, request.Message.MessageId));

    private static DateTime Utc(DateTime instant) => DateTime.SpecifyKind(instant, DateTimeKind.Utc);

    /// <summary>A locked day's count as this batch leaves it, whether it is held for a draw, and whether the batch changed it.</summary>
    private sealed record Counter(DayCount Count, bool Held, bool Changed = false);

    /// <summary>What the bulk run decided for one request.</summary>
    private sealed class BulkAnswer(int index, AdmissionRefused? refusal)
    {
        public int Index { get; } = index;

        public AdmissionRefused? Refusal { get; } = refusal;

        public bool NoPlace { get; init; }

        public NumberClaim Claim { get; init; }

        public bool NumberKnown { get; init; }

        public string? Code { get; init; }

        public TakenPlace? Place { get; init; }

        public MessageOutcome? Outcome { get; set; }
    }
}

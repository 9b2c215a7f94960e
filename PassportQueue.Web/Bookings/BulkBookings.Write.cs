using PassportQueue.Core.Bookings;
using PassportQueue.Core.Bookings.Admission;
using PassportQueue.Web.Data.Sql;
using PassportQueue.Web.Data;
using PassportQueue.Web.Places;

namespace PassportQueue.Web.Bookings;

internal partial class BulkBookings
{
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
}

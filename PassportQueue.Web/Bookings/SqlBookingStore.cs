using PassportQueue.Core.Messages;
using PassportQueue.Web.Data.Records;
using PassportQueue.Core.Ballot;
using System.Globalization;
using PassportQueue.Core.Audit;
using PassportQueue.Core.Bookings;
using PassportQueue.Core.Queue;
using PassportQueue.Core.Bookings.Admission;
using PassportQueue.Core.Phones;
using PassportQueue.Core.Retention;
using PassportQueue.Web.Data.Sql;
using PassportQueue.Web.Ballot;
using PassportQueue.Web.Counters;
using PassportQueue.Web.Data;
using PassportQueue.Web.Places;

namespace PassportQueue.Web.Bookings;

/// <summary>
/// The engine's storage. A booking is one unit of work in the write batcher: the facts about the
/// number and the person are read, <see cref="AdmissionRules"/> decides, the claims it allows are
/// made atomically (<see cref="BookingClaims"/>), and the booking, its audit lines and the message
/// with its one outcome are written, all in one transaction. A refusal undoes the unit's writes
/// and stores the refusal (and any flag) instead.
/// </summary>
public sealed class SqlBookingStore(WriteBatcher writes, Database database, ChangeFeed feed, Pseudonyms pseudonyms, DrawSeeds seeds, BookingRules rules) : IBookingStore
{
    // On PostgreSQL a batch's bookings go together, in a few round trips for all of them.
    private readonly BulkBookings? _bulk = database.Provider == DatabaseProvider.Postgres && database.BulkWrites ? new BulkBookings() : null;

    /// <inheritdoc />
    public Task<MessageOutcome> RecordAsync(IncomingRecord message, MessageOutcome outcome, CancellationToken cancellationToken) =>
        writes.RunAsync(s => MessageRows.Store(s, message, outcome, null), cancellationToken);

    /// <inheritdoc />
    public async Task<MessageOutcome> BookAsync(IncomingRecord message, BookingPlan plan, CancellationToken cancellationToken)
    {
        // A person whose earlier data was pseudonymised is still the same person: the store matches both.
        var identities = new Identities(plan.PersonKey, pseudonyms.Identity(plan.PersonKey));
        // One writer loop per office and day: loops touch different counters and need not wait for each other.
        var lane = HashCode.Combine(plan.OfficeId, plan.Days[0].Date);
        var outcome = await writes.RunAsync(_bulk, new BookRequest(message, plan, identities), s => Book(s, message, plan, identities), lane, cancellationToken);
        if (outcome is BookingConfirmed)
        {
            feed.Publish(plan.OfficeCode);
        }

        return outcome;
    }

    /// <inheritdoc />
    public async Task<MessageOutcome> EnterAsync(IncomingRecord message, BookingPlan plan, EntryRoute period, CancellationToken cancellationToken)
    {
        var identities = new Identities(plan.PersonKey, pseudonyms.Identity(plan.PersonKey));
        var outcome = await writes.RunAsync(s => Enter(s, message, plan, identities, period, seeds), cancellationToken);
        if (outcome is EntryReceived)
        {
            feed.Publish(new Change(ChangeKind.Ballot, plan.OfficeCode));
        }

        return outcome;
    }

    /// <inheritdoc />
    public async Task<MessageOutcome> AcceptOfferAsync(IncomingRecord message, CancellationToken cancellationToken)
    {
        var outcome = await writes.RunAsync(
            s => OfferRows.Accept(s, message, new Offering(rules, pseudonyms)) is { } taken
                ? taken is BookingRefused ? MessageRows.Store(s, message, taken, null) : taken
                : MessageRows.Store(s, message, new CommandAnswered(Command.Accept, []), null),
            cancellationToken);
        if (outcome is BookingConfirmed confirmed)
        {
            feed.Publish(confirmed.Booking.OfficeCode);
        }

        return outcome;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<DateOnly>> DatesWithPlacesAsync(
        int officeId, IReadOnlyList<DayPlan> days, bool priority, int max, CancellationToken cancellationToken) =>
        database.ReadAsync(s => DatesWithPlaces(s, officeId, days, priority, max), cancellationToken);

    /// <inheritdoc />
    public Task<MessageOutcome> ReportAsync(IncomingRecord message, string text, CancellationToken cancellationToken) =>
        writes.RunAsync(
            s =>
            {
                // The message id is unique on both tables: a redelivery finds the stored message and its outcome, and adds no second report.
                var id = s.Scalar<long?>(
                    """
                    INSERT INTO "ScalperReports" ("OfficeId", "ReporterPhone", "Text", "MessageId", "ReceivedAtUtc")
                    VALUES (@office, @phone, @text, @id, @at) ON CONFLICT ("MessageId") DO NOTHING RETURNING "Id"
                    """,
                    ("@office", message.OfficeId), ("@phone", message.Phone.E164), ("@text", text[..Math.Min(text.Length, MessageParser.MaxLength)]),
                    ("@id", message.MessageId), ("@at", message.ReceivedAtUtc));
                return id is { } reportId
                    ? MessageRows.Store(s, message, new ReportReceived(reportId), null)
                    : MessageRows.Stored(s, message.MessageId) ?? throw new InvalidOperationException("A stored report has no stored message.");
            },
            cancellationToken);

    /// <inheritdoc />
    public Task<BookingView?> FindCodeAsync(BookingCode code, CancellationToken cancellationToken) =>
        database.ReadAsync(
            s => s.List(BookingRows.Select + """ WHERE b."Code" = @code""", BookingRows.Map, ("@code", code.Value)) is [var view] ? view : null,
            cancellationToken);

    /// <inheritdoc />
    public Task<QueueAnswered> QueueAsync(Core.Offices.Office office, PhoneNumber phone, DateOnly today, CancellationToken cancellationToken) =>
        database.ReadAsync(s => TodayQueue.Answer(s, office, phone, today), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<EntryStanding>> EntriesAsync(PhoneNumber phone, DateOnly from, CancellationToken cancellationToken) =>
        database.ReadAsync(s => BallotRows.EntriesOf(s, phone, from), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<BookingView>> ActiveBookingsAsync(PhoneNumber phone, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<BookingView>>(
            // Every booking comes from a message, and messages are indexed by number: the bookings need no index of their own on it.
            s => s.List(
                BookingRows.Select + $"""
                     WHERE b."Id" IN (SELECT m."BookingId" FROM "Messages" m WHERE m."Phone" = @p AND m."BookingId" IS NOT NULL)
                       AND b."State" IN {StateSql.Active} ORDER BY b."SlotStartUtc"
                    """,
                BookingRows.Map,
                ("@p", phone.E164)),
            cancellationToken);

    /// <summary>First come: the one way to a place (<see cref="PlaceGiving"/>), as the whole unit of this message.</summary>
    private static MessageOutcome Book(SqlSession s, IncomingRecord m, BookingPlan plan, Identities identities)
    {
        var request = new PlaceRequest(
            m, plan, identities, PlaceSource.FirstCome, Actor.Applicant(plan.Phone.E164), SystemReason.Of(ReasonCode.BookedByMessage, m.MessageId));
        return PlaceGiving.Give(s, request, ownsUnit: true) switch
        {
            Placed placed => MessageRows.Store(s, m, new BookingConfirmed(placed.View), placed.BookingId),
            // A single day held for its draw gives no place first come: the applicant is told the draw is pending.
            NotPlaced { NoPlace: true } when plan.Days.Count == 1 && BookingClaims.IsHeld(s, plan.OfficeId, plan.Days[0].Date) =>
                MessageRows.Store(s, m, new BookingRefused(RefusalReason.DrawPending, []), null),
            NotPlaced notPlaced => Refuse(s, m, plan, notPlaced.Refusal),
            _ => throw new InvalidOperationException("A place is given or not."),
        };
    }

    /// <summary>
    /// An entry: the same facts and rules as a booking, the same claim on the number, then one entry
    /// per person in the day's draw (a unique index decides between two at once). The draw exists
    /// already (the ballot job commits to it ahead); if not, the first entry makes it.
    /// </summary>
    private static MessageOutcome Enter(SqlSession s, IncomingRecord m, BookingPlan plan, Identities identities, EntryRoute route, DrawSeeds seeds)
    {
        var facts = AdmissionFactsRows.Read(s, plan, identities);
        var decision = AdmissionRules.Decide(plan, facts);
        if (decision is AdmissionRefused refused)
        {
            return Refuse(s, m, plan, refused with { SuggestDates = false });
        }

        var day = plan.Days[0];
        var (drawId, state) = BallotRows.Ensure(s, plan.OfficeId, route, day, seeds);
        if (state != BallotDrawState.Open)
        {
            return MessageRows.Store(s, m, new BookingRefused(RefusalReason.DrawPending, []), null);
        }

        var claim = ((AdmissionGranted)decision).Claim;
        if (!BookingClaims.ClaimNumber(s, plan, claim, facts.Number is not null))
        {
            s.UndoUnit();
            return Refuse(s, m, plan, AdmissionRules.ClaimLost(plan, claim) with { SuggestDates = false });
        }

        var lost = s.Scalar<int?>("""SELECT "LostInARow" FROM "BallotStandings" WHERE "PersonKey" = @k""", ("@k", identities.Pseudonym)) ?? 0;
        var weight = BallotWeight.Of(lost, plan.Rules.BallotWeightCap);
        var code = EntryCode.New();
        var phone = plan.Phone.E164;
        var entered = s.Scalar<long?>(
            """
            INSERT INTO "BallotEntries" ("DrawId", "EntryCode", "PersonKey", "Phone", "Name", "BirthDate", "Address", "AgeGroup", "IsOwner",
                "Weight", "MessageId", "CreatedAtUtc")
            VALUES (@draw, @code, @k, @p, @n, @birth, @addr, @age, @owner, @weight, @msg, @now)
            ON CONFLICT ("DrawId", "PersonKey") DO NOTHING RETURNING "Id"
            """,
            ("@draw", drawId), ("@code", code), ("@k", plan.PersonKey), ("@p", phone), ("@n", plan.Name), ("@birth", plan.BirthDate),
            ("@addr", plan.Address), ("@age", plan.AgeGroup), ("@owner", PlaceGiving.IsOwner(claim)), ("@weight", weight),
            ("@msg", m.MessageId), ("@now", plan.NowUtc));
        if (entered is null)
        {
            // The person entered this draw already: the number's claim made now is undone with the rest.
            s.UndoUnit();
            return MessageRows.Store(s, m, new BookingRefused(RefusalReason.AlreadyEntered, []), null);
        }

        var applicant = Actor.Applicant(phone);
        if (claim == NumberClaim.NewOwner)
        {
            LedgerWrites.Audit(s, plan.NowUtc, applicant, AuditAction.OwnerRegistered, plan.OfficeId, null, phone, SystemReason.Of(ReasonCode.FirstAdultOnNumber));
        }

        LedgerWrites.Audit(
            s, plan.NowUtc, applicant, AuditAction.Entered, plan.OfficeId, null, phone,
            SystemReason.Of(ReasonCode.BallotEntry, code, day.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), weight.ToString(CultureInfo.InvariantCulture)));
        return MessageRows.Store(s, m, new EntryReceived(day.Date, code, route.ClosesUtc, weight), null);
    }

    private static MessageOutcome Refuse(SqlSession s, IncomingRecord m, BookingPlan plan, AdmissionRefused refused)
    {
        if (refused.Flag is { } flag)
        {
            LedgerWrites.Flag(s, plan.Phone.E164, flag.Reason, flag.Evidence.Stored, null, Actor.System, plan.NowUtc);
        }

        var next = refused.SuggestDates
            ? DatesWithPlaces(s, plan.OfficeId, plan.Alternatives, plan.IsPriorityApplicant, BookingEngine.SuggestedDates)
            : [];
        return MessageRows.Store(s, m, new BookingRefused(refused.Reason, next, refused.ExistingCode), null);
    }

    /// <summary>The days that still have a place by <see cref="DayPlaces"/>, read from their counters; at most <paramref name="max"/>.</summary>
    private static IReadOnlyList<DateOnly> DatesWithPlaces(SqlSession s, int officeId, IReadOnlyList<DayPlan> days, bool priority, int max)
    {
        if (days.Count == 0)
        {
            return [];
        }

        var counts = s.List(
            DayCountRows.Select + """ WHERE "OfficeId" = @o AND "Date" >= @from AND "Date" <= @to AND NOT "Held" """,
            DayCountRows.Map,
            ("@o", officeId), ("@from", days.Min(d => d.Date)), ("@to", days.Max(d => d.Date))).ToDictionary(c => c.Count.Date, c => c.Count);
        return DatesWithPlaces(days, counts, priority, max);
    }

    /// <summary>The days of <paramref name="days"/> that <paramref name="counts"/> (not held) say have a place; at most <paramref name="max"/>.</summary>
    internal static IReadOnlyList<DateOnly> DatesWithPlaces(IReadOnlyList<DayPlan> days, IReadOnlyDictionary<DateOnly, DayCount> counts, bool priority, int max) =>
        [.. days.Where(d => DayPlaces.HasPlace(d, counts.GetValueOrDefault(d.Date), priority)).Select(d => d.Date).Take(max)];
}

/// <summary>A day's counter as <see cref="DayPlaces"/> reads it, with its office and whether it is held for a draw.</summary>
internal static class DayCountRows
{
    public const string Select =
        """
        SELECT "OfficeId" AS "OfficeId", "Date" AS "Date", "Quota" AS "Quota", "PriorityQuota" AS "PriorityQuota", "OpenTaken" AS "OpenTaken",
               "PriorityTaken" AS "PriorityTaken", "Skipped" AS "Skipped", "SlotsPerDay" * "PlacesPerSlot" AS "Capacity", "Held" AS "Held"
        FROM "DayCounters"
        """;

    public static (int OfficeId, DayCount Count, bool Held) Map(System.Data.Common.DbDataReader r) =>
        (r.Get<int>("OfficeId"),
         new DayCount(r.Get<DateOnly>("Date"), r.Get<int>("Quota"), r.Get<int>("PriorityQuota"), r.Get<int>("OpenTaken"), r.Get<int>("PriorityTaken"),
            r.Get<int>("Skipped"), r.Get<int>("Capacity")),
         r.Get<bool>("Held"));
}

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
internal sealed partial class BulkBookings : BulkWork<BookRequest, MessageOutcome>
{
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

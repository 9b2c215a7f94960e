using PassportQueue.Core.Bookings;
using PassportQueue.Core.Bookings.Admission;
using PassportQueue.Web.Data.Sql;
using PassportQueue.Web.Data;
using PassportQueue.Web.Places;

namespace PassportQueue.Web.Bookings;

internal partial class BulkBookings
{
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
}

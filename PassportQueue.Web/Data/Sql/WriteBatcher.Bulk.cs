using System.Data.Common;
using System.Threading.Channels;
using PassportQueue.Web.Telemetry;

namespace PassportQueue.Web.Data.Sql;

public partial class WriteBatcher
{
    /// <summary>
    /// Runs the batch's bulk requests, a bulk kind at a time, in a savepoint each; returns the units
    /// left to run alone, in the batch's order. A bulk run that throws is undone and its requests
    /// run alone, unless the server gave up the whole transaction (then the batch runs again) or
    /// cannot be reached (then the batch fails, as any unit's would).
    /// </summary>
    private List<WorkItem> RunBulk(SqlSession session, List<WorkItem> batch)
    {
        if (!batch.Exists(item => item.Bulk is not null))
        {
            return batch;
        }

        var groups = batch.Where(item => item.Bulk is not null).GroupBy(item => item.Bulk!).ToList();
        foreach (var group in groups)
        {
            var items = group.ToList();
            // A bulk run that is all of the batch may commit with its last round trip.
            session.MayCommitWithBatch = items.Count == batch.Count;
            session.BeginUnit();
            try
            {
                items[0].RunBulk(session, items);
                session.EndUnit();
                var together = items.Count(item => item.Done);
                Interlocked.Add(ref _answeredInBulk, together);
                PassportQueueMetrics.Bulk(together, items.Count - together, undone: false);
            }
            catch (Exception ex) when (!Database.IsTransactionRetryable(ex) && !Database.IsUnavailable(ex))
            {
                // Refused by the database or by the bulk run's own checks, on a connection still
                // usable: undone alone. A lost connection or a deadlock fails or reruns the whole batch.
                session.UndoUnit();
                session.EndUnit();
                items.ForEach(item => item.Reset());
                PassportQueueMetrics.Bulk(0, items.Count, undone: true);
                LogBulkFailed(_logger, ex, items.Count);
            }
        }

        return batch.FindAll(item => !item.Done);
    }
}

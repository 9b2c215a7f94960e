using System.Data.Common;
using System.Threading.Channels;
using PassportQueue.Web.Telemetry;

namespace PassportQueue.Web.Data.Sql;

public partial class WriteBatcher
{
    private void Commit(DbConnection connection, SqlSession session, List<WorkItem> batch)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        using var transaction = connection.BeginTransaction();
        session.Transaction = transaction;
        try
        {
            var alone = RunBulk(session, batch);
            if (session.Committed)
            {
                // The bulk run answered the whole batch and committed with its last statements.
                PassportQueueMetrics.Batch(batch.Count, System.Diagnostics.Stopwatch.GetElapsedTime(started));
                batch.ForEach(item => item.Publish());
                return;
            }

            foreach (var item in alone)
            {
                for (var attempt = 1; ; attempt++)
                {
                    session.BeginUnit();
                    var done = item.Run(session);
                    if (!done)
                    {
                        session.UndoUnit();
                    }

                    session.EndUnit();
                    if (!done && Database.IsTransactionRetryable(item.Error!))
                    {
                        // A deadlock between nodes: only giving up the whole transaction frees the other side.
                        System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(item.Error!);
                    }

                    if (done || attempt == MaxUnitAttempts || !Database.IsConcurrentDuplicate(item.Error!))
                    {
                        break;
                    }
                }
            }

            session.FlushDeferred();
            PassportQueueMetrics.RoundTrip();
            transaction.Commit();
        }
        finally
        {
            session.Transaction = null;
        }

        PassportQueueMetrics.Batch(batch.Count, System.Diagnostics.Stopwatch.GetElapsedTime(started));
        foreach (var item in batch)
        {
            item.Publish();
        }
    }
}

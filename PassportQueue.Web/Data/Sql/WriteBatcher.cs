using System.Data.Common;
using System.Threading.Channels;
using PassportQueue.Web.Telemetry;

namespace PassportQueue.Web.Data.Sql;

/// <summary>
/// Group commit. Writes from every request of this process queue here; one loop takes all that
/// are waiting, runs each in its own savepoint inside one transaction, commits once (one fsync),
/// and only then completes each caller's task. A caller's answer therefore never goes out before
/// its write is durable, and one fsync serves many concurrent writers.
/// </summary>
/// <remarks>
/// The queue is a throughput device, not the guard of any invariant: each unit of work keeps
/// the invariants through unique indexes, check constraints and conditional updates, so they
/// hold just as well when several processes write to the same database. On PostgreSQL, where
/// other nodes' transactions run beside this one, a unit that meets a unique key another node
/// just committed is rolled back to its savepoint and run again (it then sees that row), and a
/// batch the server aborts to break a deadlock is run again whole.
/// </remarks>
public sealed partial class WriteBatcher : IAsyncDisposable
{
    /// <summary>Most units of work in one transaction, unless the database needs fewer.</summary>
    public const int MaxBatch = 256;

    /// <summary>Most runs of one unit that met a row another node committed meanwhile (see <see cref="Database.IsConcurrentDuplicate"/>).</summary>
    public const int MaxUnitAttempts = 4;

    /// <summary>Most runs of one batch whose transaction the server gave up (see <see cref="Database.IsTransactionRetryable"/>).</summary>
    public const int MaxBatchAttempts = 5;

    private readonly Channel<WorkItem> _channel = Channel.CreateUnbounded<WorkItem>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Func<CancellationToken, Task<DbConnection>> _open;
    private readonly ILogger<WriteBatcher> _logger;
    private readonly int _maxBatch;
    private readonly Task _loop;

    /// <param name="open">Opens the connection the loop keeps.</param>
    /// <param name="logger">Where failed and retried batches are logged.</param>
    /// <param name="maxBatch">Most units in one transaction (see <see cref="Database.MaxUnitsPerTransaction"/>).</param>
    public WriteBatcher(Func<CancellationToken, Task<DbConnection>> open, ILogger<WriteBatcher> logger, int maxBatch = MaxBatch)
    {
        _open = open;
        _logger = logger;
        _maxBatch = maxBatch;
        _loop = Task.Run(LoopAsync);
    }

    /// <summary>
    /// Runs a unit of work in the next transaction and returns its result once committed.
    /// If the unit throws, its savepoint is rolled back and the exception comes back here;
    /// the rest of the batch still commits. Cancelling stops the wait, not the write.
    /// </summary>
    public Task<T> RunAsync<T>(Func<SqlSession, T> work, CancellationToken cancellationToken = default)
    {
        var item = new WorkItem<T>(work);
        ObjectDisposedException.ThrowIf(!_channel.Writer.TryWrite(item), this);
        return item.Task.WaitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _channel.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
    }

    private async Task LoopAsync()
    {
        var batch = new List<WorkItem>(_maxBatch);
        DbConnection? connection = null;
        SqlSession? session = null;
        while (await _channel.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (batch.Count < _maxBatch && _channel.Reader.TryRead(out var item))
            {
                batch.Add(item);
            }

            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    if (connection is null)
                    {
                        connection = await _open(CancellationToken.None).ConfigureAwait(false);
                        session = new SqlSession(connection);
                    }

                    Commit(connection, session!, batch);
                    break;
                }
                catch (Exception ex) when (attempt < MaxBatchAttempts && Database.IsTransactionRetryable(ex))
                {
                    // The whole transaction was rolled back; nothing of it stays, so it may run again.
                    session?.DiscardDeferred();
                    LogBatchRetried(_logger, ex, batch.Count, attempt);
                }
#pragma warning disable CA1031 // The loop must survive any failure: each caller gets the exception instead.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    LogBatchFailed(_logger, ex, batch.Count);
                    foreach (var item in batch)
                    {
                        item.Fail(ex);
                    }

                    session?.Dispose();
                    session = null;
                    if (connection is not null)
                    {
                        await connection.DisposeAsync().ConfigureAwait(false);
                        connection = null;
                    }

                    break;
                }
            }

            batch.Clear();
        }

        session?.Dispose();
        if (connection is not null)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static void Commit(DbConnection connection, SqlSession session, List<WorkItem> batch)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        using var transaction = connection.BeginTransaction();
        session.Transaction = transaction;
        try
        {
            foreach (var item in batch)
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "A write batch of {Count} units was given up by the server (attempt {Attempt}) and runs again")]
    private static partial void LogBatchRetried(ILogger logger, Exception exception, int count, int attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "A write batch of {Count} units failed and was rolled back")]
    private static partial void LogBatchFailed(ILogger logger, Exception exception, int count);

    private abstract class WorkItem
    {
        /// <summary>What the last run threw, if it threw.</summary>
        public abstract Exception? Error { get; }

        /// <summary>Runs the work; false when it threw (its error is kept for <see cref="Publish"/>).</summary>
        public abstract bool Run(SqlSession session);

        /// <summary>Completes the caller's task after the commit.</summary>
        public abstract void Publish();

        /// <summary>Fails the caller's task: nothing of the batch was committed.</summary>
        public abstract void Fail(Exception exception);
    }

    private sealed class WorkItem<T>(Func<SqlSession, T> work) : WorkItem
    {
        private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T? _result;
        private Exception? _error;

        public Task<T> Task => _completion.Task;

        public override Exception? Error => _error;

        public override bool Run(SqlSession session)
        {
            _error = null;
            try
            {
                _result = work(session);
                return true;
            }
#pragma warning disable CA1031 // The unit's own failure goes back to its caller, not to the batch.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                _error = ex;
                return false;
            }
        }

        public override void Publish()
        {
            if (_error is null)
            {
                _completion.TrySetResult(_result!);
            }
            else
            {
                _completion.TrySetException(_error);
            }
        }

        public override void Fail(Exception exception) => _completion.TrySetException(_error ?? exception);
    }
}

using System.Data.Common;
using System.Threading.Channels;
using PassportQueue.Web.Telemetry;

namespace PassportQueue.Web.Data.Sql;

/// <summary>
/// Group commit. Writes from every request of this process queue here; a loop takes all that
/// are waiting, runs each in its own savepoint inside one transaction, commits once (one fsync),
/// and only then completes each caller's task. A caller's answer therefore never goes out before
/// its write is durable, and one fsync serves many concurrent writers.
/// </summary>
/// <remarks>
/// <para>
/// Units of one kind may run together in a <see cref="BulkWork{TRequest, TResult}"/> (one savepoint
/// for all of them; what it leaves, or all of it if it fails, runs unit by unit). A process may run
/// several loops, each with its own connection and transactions; work with the same lane key always
/// goes to the same loop (on SQLite there is one: the file has one writer at a time).
/// </para>
/// <para>
/// The queue is a throughput device, not the guard of any invariant: each unit of work keeps
/// the invariants through unique indexes, check constraints and conditional updates, so they
/// hold just as well when several processes write to the same database. On PostgreSQL, where
/// other nodes' transactions run beside this one, a unit that meets a unique key another node
/// just committed is rolled back to its savepoint and run again (it then sees that row), and a
/// batch the server aborts to break a deadlock is run again whole.
/// </para>
/// </remarks>
public sealed partial class WriteBatcher : IAsyncDisposable
{
    /// <summary>Most units of work in one transaction, unless the database needs fewer.</summary>
    public const int MaxBatch = 256;

    /// <summary>Most runs of one unit that met a row another node committed meanwhile (see <see cref="Database.IsConcurrentDuplicate"/>).</summary>
    public const int MaxUnitAttempts = 4;

    /// <summary>Most runs of one batch whose transaction the server gave up (see <see cref="Database.IsTransactionRetryable"/>).</summary>
    public const int MaxBatchAttempts = 5;

    private readonly Channel<WorkItem>[] _lanes;
    private readonly Func<CancellationToken, Task<DbConnection>> _open;
    private readonly ILogger<WriteBatcher> _logger;
    private readonly int _maxBatch;
    private readonly int _maxUnits;
    private readonly Task[] _loops;
    private long _answeredInBulk;
    private int _waiting;

    /// <param name="open">Opens the connection a loop keeps.</param>
    /// <param name="logger">Where failed and retried batches are logged.</param>
    /// <param name="maxUnits">Most units with a savepoint of their own in one transaction (see <see cref="Database.MaxUnitsPerTransaction"/>).</param>
    /// <param name="writers">
    /// Loops, each with its connection and its own transactions (see <see cref="Database.Writers"/>).
    /// Work with a lane key always goes to the same loop; work without one to the first.
    /// </param>
    public WriteBatcher(Func<CancellationToken, Task<DbConnection>> open, ILogger<WriteBatcher> logger, int maxUnits = MaxBatch, int writers = 1)
    {
        _open = open;
        _logger = logger;
        _maxUnits = maxUnits;
        _maxBatch = Math.Max(maxUnits, MaxBatch);
        _lanes = [.. Enumerable.Range(0, Math.Max(1, writers)).Select(_ => System.Threading.Channels.Channel.CreateUnbounded<WorkItem>(new UnboundedChannelOptions { SingleReader = true }))];
        _loops = [.. _lanes.Select((lane, n) => Start(lane, n))];
    }

    /// <summary>
    /// Runs a unit of work in the next transaction and returns its result once committed.
    /// If the unit throws, its savepoint is rolled back and the exception comes back here;
    /// the rest of the batch still commits. Cancelling stops the wait, not the write.
    /// </summary>
    public Task<T> RunAsync<T>(Func<SqlSession, T> work, CancellationToken cancellationToken = default)
    {
        var item = new WorkItem<T>(work);
        Interlocked.Increment(ref _waiting);
        ObjectDisposedException.ThrowIf(!_lanes[0].Writer.TryWrite(item), this);
        Queued?.Invoke();
        return item.Task.WaitAsync(cancellationToken);
    }

    /// <summary>
    /// Runs <paramref name="request"/> in the next transaction with the other requests of
    /// <paramref name="bulk"/> waiting with it, all in one go; a request the bulk run leaves
    /// unanswered (or every request, when <paramref name="bulk"/> is null) runs alone as
    /// <paramref name="alone"/>. Returns the result once committed.
    /// </summary>
    /// <param name="lane">
    /// Work with the same key goes to the same writer loop (for bookings: the office and day), so
    /// that loops touch different rows and need not wait for each other's locks.
    /// </param>
    public Task<TResult> RunAsync<TRequest, TResult>(
        BulkWork<TRequest, TResult>? bulk, TRequest request, Func<SqlSession, TResult> alone, int lane, CancellationToken cancellationToken = default)
        where TResult : class
    {
        WorkItem item = bulk is null ? new WorkItem<TResult>(alone) : new BulkItem<TRequest, TResult>(bulk, request, alone);
        var channel = _lanes[(int)((uint)lane % (uint)_lanes.Length)];
        Interlocked.Increment(ref _waiting);
        ObjectDisposedException.ThrowIf(!channel.Writer.TryWrite(item), this);
        Queued?.Invoke();
        return ((WorkItem<TResult>)item).Task.WaitAsync(cancellationToken);
    }

    /// <summary>Raised after a unit of work is queued (diagnostics, and tests that need a batch of known units).</summary>
    public event Action? Queued;

    /// <summary>Units queued and not yet taken into a batch, over every writer loop.</summary>
    public int Waiting => Volatile.Read(ref _waiting);

    /// <summary>Requests this batcher's bulk runs answered so far (those left to run alone not counted).</summary>
    public long AnsweredInBulk => Interlocked.Read(ref _answeredInBulk);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        foreach (var lane in _lanes)
        {
            lane.Writer.TryComplete();
        }

        await Task.WhenAll(_loops).ConfigureAwait(false);
    }

    /// <summary>
    /// Each loop has a thread of its own: its statements block while the database works, and a
    /// thread-pool thread blocked that way would be one fewer for the requests.
    /// </summary>
    private Task Start(Channel<WorkItem> lane, int number)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                Loop(lane);
                done.SetResult();
            }
#pragma warning disable CA1031 // Whatever ends the loop is handed to whoever waits for it.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                done.SetException(ex);
            }
        })
        {
            IsBackground = true,
            Name = "pq-writer-" + number.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        thread.Start();
        return done.Task;
    }

    private void Loop(Channel<WorkItem> lane)
    {
        var batch = new List<WorkItem>(_maxBatch);
        DbConnection? connection = null;
        SqlSession? session = null;
        while (lane.Reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            // Bulk requests take no savepoint each (unless their bulk run is undone): a batch may hold
            // more of them than of units that each need a savepoint.
            var units = 0;
            while (batch.Count < _maxBatch && units < _maxUnits && lane.Reader.TryRead(out var item))
            {
                batch.Add(item);
                Interlocked.Decrement(ref _waiting);
                units += item.Bulk is null ? 1 : 0;
            }

            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    if (connection is null)
                    {
                        connection = _open(CancellationToken.None).GetAwaiter().GetResult();
                        session = new SqlSession(connection);
                    }

                    Commit(connection, session!, batch);
                    break;
                }
                catch (Exception ex) when (attempt < MaxBatchAttempts && Database.IsTransactionRetryable(ex))
                {
                    // The whole transaction was rolled back; nothing of it stays, so it may run again.
                    session?.DiscardDeferred();
                    batch.ForEach(item => item.Reset());
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
                    connection?.Dispose();
                    connection = null;
                    break;
                }
            }

            batch.Clear();
        }

        session?.Dispose();
        connection?.Dispose();
    }

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

    [LoggerMessage(Level = LogLevel.Warning, Message = "A bulk run of {Count} requests failed and was undone; they run one by one")]
    private static partial void LogBulkFailed(ILogger logger, Exception exception, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A write batch of {Count} units was given up by the server (attempt {Attempt}) and runs again")]
    private static partial void LogBatchRetried(ILogger logger, Exception exception, int count, int attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "A write batch of {Count} units failed and was rolled back")]
    private static partial void LogBatchFailed(ILogger logger, Exception exception, int count);

    private abstract class WorkItem
    {
        /// <summary>The bulk kind this unit belongs to, if it may run in bulk.</summary>
        public virtual object? Bulk => null;

        /// <summary>Whether a bulk run answered this unit already.</summary>
        public bool Done { get; protected set; }

        /// <summary>Runs <paramref name="items"/> (this unit's bulk kind, this one first) in one go; marks those answered.</summary>
        public virtual void RunBulk(SqlSession session, List<WorkItem> items) => throw new NotSupportedException();

        /// <summary>Forgets what a bulk run answered: it was undone.</summary>
        public virtual void Reset() => Done = false;

        /// <summary>What the last run threw, if it threw.</summary>
        public abstract Exception? Error { get; }

        /// <summary>Runs the work; false when it threw (its error is kept for <see cref="Publish"/>).</summary>
        public abstract bool Run(SqlSession session);

        /// <summary>Completes the caller's task after the commit.</summary>
        public abstract void Publish();

        /// <summary>Fails the caller's task: nothing of the batch was committed.</summary>
        public abstract void Fail(Exception exception);
    }

    private class WorkItem<T>(Func<SqlSession, T> work) : WorkItem
    {
        private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T? _result;
        private Exception? _error;

        /// <summary>The answer of a bulk run, published after the commit like a unit's own.</summary>
        protected void Answer(T result)
        {
            _result = result;
            _error = null;
            Done = true;
        }

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

    private sealed class BulkItem<TRequest, TResult>(BulkWork<TRequest, TResult> bulk, TRequest request, Func<SqlSession, TResult> alone)
        : WorkItem<TResult>(alone)
        where TResult : class
    {
        public override object? Bulk => bulk;

        public override void RunBulk(SqlSession session, List<WorkItem> items)
        {
            var members = items.ConvertAll(item => (BulkItem<TRequest, TResult>)item);
            var results = bulk.Run(session, members.ConvertAll(item => item._request));
            for (var i = 0; i < members.Count; i++)
            {
                if (results[i] is { } result)
                {
                    members[i].Answer(result);
                }
            }
        }

        private readonly TRequest _request = request;
    }
}

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

    [LoggerMessage(Level = LogLevel.Warning, Message = "A bulk run of {Count} requests failed and was undone; they run one by one")]
    private static partial void LogBulkFailed(ILogger logger, Exception exception, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A write batch of {Count} units was given up by the server (attempt {Attempt}) and runs again")]
    private static partial void LogBatchRetried(ILogger logger, Exception exception, int count, int attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "A write batch of {Count} units failed and was rolled back")]
    private static partial void LogBatchFailed(ILogger logger, Exception exception, int count);

}

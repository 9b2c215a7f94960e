using System.Threading.Channels;
using Npgsql;
using PassportQueue.Web.Data.Sql;

namespace PassportQueue.Web.Data;

/// <summary>
/// Carries <see cref="ChangeFeed"/> changes between the nodes sharing one PostgreSQL database with
/// LISTEN/NOTIFY: what this node commits is sent as a notification, and what other nodes send is
/// delivered to this node's dashboards and caches. After losing its listening connection it
/// tells every subscriber that anything may have changed, since notifications sent meanwhile are lost.
/// </summary>
public sealed partial class PostgresChangeRelay(Database database, ChangeFeed feed, ILogger<PostgresChangeRelay> logger) : BackgroundService
{
    /// <summary>The notification channel.</summary>
    public const string Channel = "passportqueue_changes";

    private static readonly TimeSpan Reconnect = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan StartWait = TimeSpan.FromSeconds(10);

    // At most one round of notifications per window: in a burst of bookings every commit would
    // otherwise cost the server a notification, while a dashboard needs one reload per moment.
    private static readonly TimeSpan Window = TimeSpan.FromMilliseconds(100);
    private readonly string _node = Guid.NewGuid().ToString("N")[..12];
    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Channel<Change> _outgoing = System.Threading.Channels.Channel.CreateUnbounded<Change>(new UnboundedChannelOptions { SingleReader = true });
    private volatile bool _serving;

    /// <summary>Completes once this node listens for the other nodes' changes.</summary>
    public Task Listening => _listening.Task;

    /// <summary>Starts listening before the app reports itself started, so no change made after that is missed.</summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await base.StartAsync(cancellationToken);
        try
        {
            await Listening.WaitAsync(StartWait, cancellationToken);
        }
        catch (TimeoutException)
        {
            // The loop keeps trying; when it connects, every subscriber is told to reload.
            LogNotListeningYet(logger);
        }

        _serving = true;
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        feed.MadeHere += Enqueue;
        stoppingToken.Register(() => feed.MadeHere -= Enqueue);
        return Task.WhenAll(ListenAsync(stoppingToken), SendAsync(stoppingToken));
    }

    private void Enqueue(Change change) => _outgoing.Writer.TryWrite(change);

    /// <summary>Sends what this node changed; the changes of one window at one office become one notification.</summary>
    private async Task SendAsync(CancellationToken ct)
    {
        var pending = new HashSet<Change>();
        // Changes a failed send kept are sent again before waiting for new ones.
        while (pending.Count > 0 || await _outgoing.Reader.WaitToReadAsync(ct).ConfigureAwait(false))
        {
            while (_outgoing.Reader.TryRead(out var change))
            {
                pending.Add(change);
            }

            try
            {
                await using var connection = await database.PostgresSource!.OpenConnectionAsync(ct).ConfigureAwait(false);
                foreach (var change in pending)
                {
                    await using var command = connection.CreateCommand();
                    command.CommandText = "SELECT pg_notify(@channel, @payload)";
                    command.Parameters.AddWithValue("channel", Channel);
                    command.Parameters.AddWithValue("payload", $"{_node}|{change.Kind}|{change.OfficeCode}");
                    await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                }

                pending.Clear();
                await Task.Delay(Window, ct).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
            {
                // Kept for the next try. Should this node stop first, other nodes' dashboards stay one change behind until their next one.
                LogSendFailed(logger, ex);
                await Task.Delay(Reconnect, ct).ConfigureAwait(false);
            }
        }
    }

    private async Task ListenAsync(CancellationToken ct)
    {
        var missedSome = false;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await using var connection = await database.PostgresSource!.OpenConnectionAsync(ct).ConfigureAwait(false);
                connection.Notification += (_, e) => Receive(e.Payload);
                await using (var listen = connection.CreateCommand())
                {
                    listen.CommandText = $"LISTEN {Channel}";
                    await listen.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                }

                // Connected after the node began serving (a reconnect, or a slow start): changes may have been missed.
                var resync = missedSome || _serving;
                _listening.TrySetResult();
                if (resync)
                {
                    feed.Deliver(new Change(ChangeKind.Settings, Change.AllOffices));
                    feed.Deliver(new Change(ChangeKind.Bookings, Change.AllOffices));
                }

                while (true)
                {
                    await connection.WaitAsync(ct).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or TimeoutException or InvalidOperationException)
            {
                missedSome = true;
                LogListenFailed(logger, ex);
                await Task.Delay(Reconnect, ct).ConfigureAwait(false);
            }
        }
    }

    private void Receive(string payload)
    {
        var parts = payload.Split('|');
        if (parts.Length == 3 && parts[0] != _node && Enum.TryParse<ChangeKind>(parts[1], out var kind))
        {
            feed.Deliver(new Change(kind, parts[2]));
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Not yet listening for other nodes' changes; starting anyway")]
    private static partial void LogNotListeningYet(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not notify other nodes of changes; trying again")]
    private static partial void LogSendFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lost the connection listening for other nodes' changes; reconnecting")]
    private static partial void LogListenFailed(ILogger logger, Exception exception);
}

using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace PassportQueue.Web.Channel;

/// <summary>
/// Per-number message rate over a sliding minute. The first message over the limit is answered
/// once (and the number flagged by the caller); the rest of the flood gets silence until the
/// rate drops. Kept per process: with several nodes each applies the limit to what it sees.
/// </summary>
public sealed class FloodGuard(IOptions<WhatsAppOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, FloodWindow> _windows = new(StringComparer.Ordinal);
    private long _checks;

    /// <summary>What to do with one more message from a number. A redelivery of a message already counted is not counted again.</summary>
    public FloodVerdict Check(string phone, string messageId, DateTimeOffset at)
    {
        // Numbers quiet for a minute are forgotten now and then, so that memory follows the current traffic.
        if (Interlocked.Increment(ref _checks) % 20_000 == 0)
        {
            Trim();
        }

        var now = at.UtcTicks;
        var id = messageId.GetHashCode(StringComparison.Ordinal);
        var limit = options.Value.MessagesPerMinute;
        var window = _windows.GetOrAdd(phone, _ => new FloodWindow());
        lock (window)
        {
            while (window.Times.Count > 0 && now - window.Times.Peek().At >= TimeSpan.TicksPerMinute)
            {
                window.Times.Dequeue();
            }

            if (window.Times.Any(t => t.MessageId == id))
            {
                return FloodVerdict.Allowed;
            }

            if (window.Times.Count < limit)
            {
                window.Times.Enqueue((now, id));
                window.Throttled = false;
                return FloodVerdict.Allowed;
            }

            var first = !window.Throttled;
            window.Throttled = true;
            return first ? FloodVerdict.Throttle : FloodVerdict.Ignore;
        }
    }

    /// <summary>Forgets numbers that have been quiet for a minute; called now and then.</summary>
    public void Trim()
    {
        var now = time.GetUtcNow().UtcTicks;
        foreach (var (phone, window) in _windows)
        {
            lock (window)
            {
                if (window.Times.Count == 0 || now - window.Times.Last().At >= TimeSpan.TicksPerMinute)
                {
                    _windows.TryRemove(phone, out _);
                }
            }
        }
    }

    private sealed class FloodWindow
    {
        /// <summary>Recent messages: when (UTC ticks) and a hash of the message id, to count a redelivery once.</summary>
        public Queue<(long At, int MessageId)> Times { get; } = new(2);

        public bool Throttled { get; set; }
    }
}

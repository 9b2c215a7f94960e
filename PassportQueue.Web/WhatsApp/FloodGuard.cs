using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace PassportQueue.Web.WhatsApp;

/// <summary>
/// Per-number message rate over a sliding minute. The first message over the limit is answered
/// once (and the number flagged by the caller); the rest of the flood gets silence until the
/// rate drops. Kept per process: with several nodes each applies the limit to what it sees.
/// </summary>
public sealed class FloodGuard(IOptions<WhatsAppOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Window> _windows = new(StringComparer.Ordinal);

    /// <summary>What to do with one more message from a number. A redelivery of a message already counted is not counted again.</summary>
    public FloodVerdict Check(string phone, string messageId)
    {
        var now = time.GetUtcNow();
        var limit = options.Value.MessagesPerMinute;
        var window = _windows.GetOrAdd(phone, _ => new Window());
        lock (window)
        {
            while (window.Times.Count > 0 && now - window.Times.Peek().At >= TimeSpan.FromMinutes(1))
            {
                window.Times.Dequeue();
            }

            if (window.Times.Any(t => t.MessageId == messageId))
            {
                return FloodVerdict.Allowed;
            }

            if (window.Times.Count < limit)
            {
                window.Times.Enqueue((now, messageId));
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
        var now = time.GetUtcNow();
        foreach (var (phone, window) in _windows)
        {
            lock (window)
            {
                if (window.Times.Count == 0 || now - window.Times.Last().At >= TimeSpan.FromMinutes(1))
                {
                    _windows.TryRemove(phone, out _);
                }
            }
        }
    }

    private sealed class Window
    {
        public Queue<(DateTimeOffset At, string MessageId)> Times { get; } = new();

        public bool Throttled { get; set; }
    }
}

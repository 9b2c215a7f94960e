using System.Globalization;
using PassportQueue.Core.Bookings;

namespace PassportQueue.Core.Rings;

public static partial class RingSignals
{
    /// <summary>
    /// At least <see cref="RingRules.BurstNumbers"/> numbers that first wrote within
    /// <see cref="RingRules.BurstSeconds"/> seconds after one of the <paramref name="releasesUtc"/>, each with
    /// exactly one message, a booking request, and nothing else since.
    /// </summary>
    public static IEnumerable<DetectedSignal> ReleaseBurst(IReadOnlyList<NumberActivity> numbers, IEnumerable<DateTime> releasesUtc, RingRules rules)
    {
        foreach (var release in releasesUtc.Distinct())
        {
            var burst = numbers
                .Where(n => n.Messages == 1 && n.Bookings == 1 && n.FirstSeenUtc >= release && (n.FirstSeenUtc - release).TotalSeconds <= rules.BurstSeconds)
                .OrderBy(n => n.FirstSeenUtc).ThenBy(n => n.Phone, StringComparer.Ordinal)
                .ToList();
            if (burst.Count >= rules.BurstNumbers)
            {
                yield return new DetectedSignal(
                    SignalKind.ReleaseBurst, "burst|" + release.ToString("yyyy-MM-ddTHH:mm:ss", Invariant),
                    Chain(burst.Select(n => n.Phone)),
                    [.. burst.Take(MaxEvidenceLines).Select(n => new EvidenceLine(null, n.Phone, string.Empty, default, null, n.FirstSeenUtc))],
                    [release.ToString("yyyy-MM-ddTHH:mm:ss", Invariant), Count(burst.Count), Count(rules.BurstSeconds)]);
            }
        }
    }

    /// <summary>At least <see cref="RingRules.SeriesLength"/> of the numbers are consecutive (…001, …002, …003).</summary>
    public static IEnumerable<DetectedSignal> NumberSeries(IReadOnlyList<NumberActivity> numbers, RingRules rules)
    {
        var sorted = numbers
            .Select(n => (n, Value: ulong.TryParse(n.Phone.TrimStart('+'), NumberStyles.None, Invariant, out var v) ? v : 0))
            .Where(x => x.Value > 0).DistinctBy(x => x.Value).OrderBy(x => x.Value).ToList();
        var run = new List<NumberActivity>();
        for (var i = 0; i <= sorted.Count; i++)
        {
            if (i < sorted.Count && run.Count > 0 && sorted[i].Value == sorted[i - 1].Value + 1)
            {
                run.Add(sorted[i].n);
                continue;
            }

            if (run.Count >= rules.SeriesLength)
            {
                yield return new DetectedSignal(
                    SignalKind.NumberSeries, $"series|{run[0].Phone}", Chain(run.Select(n => n.Phone)),
                    [.. run.Take(MaxEvidenceLines).Select(n => new EvidenceLine(null, n.Phone, string.Empty, default, null, n.FirstSeenUtc))],
                    [run[0].Phone, run[^1].Phone, Count(run.Count)]);
            }

            run = i < sorted.Count ? [sorted[i].n] : [];
        }
    }

    /// <summary>
    /// Numbers and addresses with at least <see cref="RingRules.NoShowMinBookings"/> bookings past their
    /// day whose no-show rate is at least <see cref="RingRules.NoShowFactor"/> times the office's and at
    /// least one half.
    /// </summary>
    public static IEnumerable<DetectedSignal> NoShowRate(IReadOnlyList<BookingFact> pastBookings, RingRules rules)
    {
        if (pastBookings.Count == 0)
        {
            yield break;
        }

        var average = pastBookings.Count(b => b.Forfeited) / (double)pastBookings.Count;
        var byNumber = pastBookings.GroupBy(b => (Kind: NodeKind.Number, Key: b.Phone));
        var byAddress = pastBookings.Where(b => b.Address is not null).GroupBy(b => (Kind: NodeKind.Address, Key: AddressKey.For(b.Address!)));
        foreach (var group in byNumber.Concat(byAddress))
        {
            var total = group.Count();
            var rate = group.Count(b => b.Forfeited) / (double)total;
            if (total >= rules.NoShowMinBookings && rate >= 0.5 && rate >= rules.NoShowFactor * average)
            {
                var node = new RingNode(group.Key.Kind, group.Key.Key);
                yield return new DetectedSignal(
                    SignalKind.NoShowRate, $"no-show|{group.Key.Kind}|{group.Key.Key}",
                    [new RingEdge(node, node)], Evidence(group.Where(b => b.Forfeited)),
                    [Count(group.Count(b => b.Forfeited)), Count(total), Percent(rate), Percent(average)]);
            }
        }
    }
}

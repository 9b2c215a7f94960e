namespace PassportQueue.Core.Rings;

/// <summary>A stored signal as the ring view reads it: its id, kind and edges.</summary>
public sealed record SignalEdges(long SignalId, SignalKind Kind, IReadOnlyList<RingEdge> Edges);

/// <summary>
/// A ring: the connected group of numbers, identities, addresses and photos that signals link,
/// with the signals that link them. Its id is the lowest id of its signals.
/// </summary>
public sealed record Ring(long Id, IReadOnlyList<RingNode> Nodes, IReadOnlyList<SignalEdges> Signals)
{
    /// <summary>The ring's numbers, in order.</summary>
    public IEnumerable<string> Numbers => Nodes.Where(n => n.Kind == NodeKind.Number).Select(n => n.Key);
}

/// <summary>Finds the rings in a set of signals: the connected parts of the graph their edges draw (union-find).</summary>
public static class RingGraph
{
    /// <summary>The rings the signals make, the largest first.</summary>
    public static IReadOnlyList<Ring> Build(IEnumerable<SignalEdges> signals)
    {
        var all = signals.ToList();
        var parent = new Dictionary<RingNode, RingNode>();
        RingNode Find(RingNode n)
        {
            if (!parent.TryGetValue(n, out var p))
            {
                parent[n] = n;
                return n;
            }

            if (p == n)
            {
                return n;
            }

            var root = Find(p);
            parent[n] = root;
            return root;
        }

        foreach (var edge in all.SelectMany(s => s.Edges))
        {
            var (a, b) = (Find(edge.From), Find(edge.To));
            if (a != b)
            {
                parent[a] = b;
            }
        }

        return [.. all.Where(s => s.Edges.Count > 0)
            .GroupBy(s => Find(s.Edges[0].From))
            .Select(g => new Ring(
                g.Min(s => s.SignalId),
                [.. g.SelectMany(s => s.Edges).SelectMany(e => new[] { e.From, e.To }).Distinct().OrderBy(n => n.Kind).ThenBy(n => n.Key, StringComparer.Ordinal)],
                [.. g.OrderBy(s => s.SignalId)]))
            .OrderByDescending(r => r.Nodes.Count).ThenBy(r => r.Id)];
    }
}

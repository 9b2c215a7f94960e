using System.Globalization;
using PassportQueue.Core.Phones;
using PassportQueue.Core.Rings;

namespace PassportQueue.Web.Rings;

/// <summary>A node placed in the picture, with its short label and how it is marked.</summary>
public sealed record PlacedNode(RingNode Node, double X, double Y, string Label, PhoneStanding? Standing);

/// <summary>An edge of the picture between two placed nodes, with the signals that draw it.</summary>
public sealed record PlacedEdge(PlacedNode From, PlacedNode To, IReadOnlyList<SignalKind> Kinds);

/// <summary>
/// The picture of a ring as SVG coordinates: numbers on an outer circle, identities, addresses and
/// photos on an inner one, in a fixed order, so the same ring always looks the same. A circle
/// needs no layout engine; the graph of a ring is small (tens of nodes).
/// </summary>
public static class RingPicture
{
    /// <summary>The picture's width and height (SVG user units).</summary>
    public const double Size = 560;

    /// <summary>Places the ring's nodes and edges.</summary>
    public static (IReadOnlyList<PlacedNode> Nodes, IReadOnlyList<PlacedEdge> Edges) Place(RingView ring)
    {
        var numbers = ring.Nodes.Where(n => n.Kind == NodeKind.Number).ToList();
        var others = ring.Nodes.Where(n => n.Kind != NodeKind.Number).ToList();
        var photoIndex = 0;
        var placed = new Dictionary<RingNode, PlacedNode>();
        void OnCircle(List<RingNode> nodes, double radius, double turn)
        {
            for (var i = 0; i < nodes.Count; i++)
            {
                var angle = (2 * Math.PI * i / Math.Max(1, nodes.Count)) + turn - (Math.PI / 2);
                var (x, y) = nodes.Count == 1 && radius < Size / 4 ? (Size / 2, Size / 2) : ((Size / 2) + (radius * Math.Cos(angle)), (Size / 2) + (radius * Math.Sin(angle)));
                var node = nodes[i];
                placed[node] = new PlacedNode(node, Math.Round(x, 1), Math.Round(y, 1), Label(node, ref photoIndex),
                    node.Kind == NodeKind.Number ? ring.StandingOf(node.Key) : null);
            }
        }

        OnCircle(numbers, Size * 0.40, 0);
        OnCircle(others, others.Count == 1 ? 0 : Size * 0.20, Math.PI / Math.Max(1, others.Count));
        var edges = ring.Signals
            .SelectMany(s => s.Edges.Where(e => e.From != e.To).Select(e => (Key: Ordered(e), s.Kind)))
            .GroupBy(x => x.Key)
            .Select(g => new PlacedEdge(placed[g.Key.From], placed[g.Key.To], [.. g.Select(x => x.Kind).Distinct()]))
            .ToList();
        return ([.. placed.Values], edges);
    }

    private static RingEdge Ordered(RingEdge e) =>
        (e.From.Kind, e.From.Key).CompareTo((e.To.Kind, e.To.Key)) <= 0 ? e : new RingEdge(e.To, e.From);

    private static string Label(RingNode node, ref int photo) => node.Kind switch
    {
        NodeKind.Number => "…" + node.Key[Math.Max(0, node.Key.Length - 6)..],
        NodeKind.Identity => Short(node.Key[..Math.Max(0, node.Key.LastIndexOf('|'))]),
        NodeKind.Address => Short(node.Key),
        _ => "#" + (++photo).ToString(CultureInfo.InvariantCulture),
    };

    private static string Short(string text) => text.Length <= 16 ? text : text[..15] + "…";
}

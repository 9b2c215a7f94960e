using System.Globalization;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using PassportQueue.Core.Phones;
using PassportQueue.Core.Rings;
using PassportQueue.Web.Accounts;
using PassportQueue.Web.Rings;

namespace PassportQueue.Web.Rings;

/// <summary>
/// One ring: its picture (numbers, identities, addresses and photos as nodes, the signals' links as
/// edges, flagged and blacklisted numbers marked), the evidence of every signal, and the
/// supervisor's one decision for the whole ring, with a reason, audited per number.
/// </summary>
public sealed partial class Ring
{
    private const double Size = RingPicture.Size;

    private readonly HashSet<string> _picked = new(StringComparer.Ordinal);

    private RingView? _ring;

    private IReadOnlyDictionary<string, string> _names = new Dictionary<string, string>();

    private bool _loaded;

    private Choice _choice = Choice.All;

    private string? _reason;

    private string? _notice;

    private Severity _noticeSeverity;

    [Parameter]
    public long Id { get; set; }

    [Inject]
    private RingQueries Queries { get; set; } = default!;

    [Inject]
    private RingDecisions Decisions { get; set; } = default!;

    [Inject]
    private StaffNames People { get; set; } = default!;

    protected override async Task OnStaffInitializedAsync() => await LoadAsync();

    private async Task LoadAsync()
    {
        _ring = await Queries.RingOfAsync(Id, Me.Scope, CancellationToken.None);
        _names = await People.NamesAsync(_ring?.Signals.Select(s => s.DecidedBy) ?? [], CancellationToken.None);
        _picked.Clear();
        _picked.UnionWith(_ring?.Numbers ?? []);
        _loaded = true;
    }

    private void Pick(string number, bool on)
    {
        if (on)
        {
            _picked.Add(number);
        }
        else
        {
            _picked.Remove(number);
        }
    }

    private async Task DecideAsync()
    {
        if (_ring is null)
        {
            return;
        }

        var (decision, numbers) = _choice switch
        {
            Choice.All => (RingDecision.Blacklist, _ring.Numbers),
            Choice.Pick => (RingDecision.Blacklist, (IReadOnlyList<string>)[.. _picked]),
            _ => (RingDecision.Clear, (IReadOnlyList<string>)[]),
        };
        var status = await Decisions.DecideAsync(_ring.Id, decision, [.. numbers], _reason, Me.Actor, Me.Scope, CancellationToken.None);
        (_notice, _noticeSeverity) = status switch
        {
            RingDecisionStatus.Done => (L["Done"].Value, Severity.Success),
            RingDecisionStatus.ReasonRequired => (L["ReasonRequired"].Value, Severity.Warning),
            _ => (L["Ring_NotOpen"].Value, Severity.Info),
        };
        if (status != RingDecisionStatus.ReasonRequired)
        {
            _reason = null;
            await LoadAsync();
        }
    }

    private static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static string StandingColour(PhoneStanding? standing) => standing switch
    {
        PhoneStanding.Blacklisted => "#c62828",
        PhoneStanding.Flagged => "#ffa000",
        _ => "#0d47a1",
    };

    private static string EdgeColour(SignalKind kind) => kind switch
    {
        SignalKind.SamePhoto => "#ef6c00",
        SignalKind.SameAddress => "#2e7d32",
        SignalKind.ReleaseBurst or SignalKind.NumberSeries => "#1565c0",
        SignalKind.PossibleSamePerson => "#6a1b9a",
        _ => "#616161",
    };

    private string NodeTitle(PlacedNode node) => node.Node.Kind switch
    {
        NodeKind.Number => $"{node.Node.Key} ({L[$"Standing_{node.Standing}"]})",
        NodeKind.Identity => node.Node.Key.Replace("|", " · ", StringComparison.Ordinal),
        _ => node.Node.Key,
    };

    private enum Choice
    {
        All,
        Pick,
        Clear,
    }
}

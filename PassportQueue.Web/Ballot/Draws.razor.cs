using Microsoft.AspNetCore.Components;
using PassportQueue.Core.Offices;
using PassportQueue.Web.Components.Common;
using PassportQueue.Web.Data;

namespace PassportQueue.Web.Ballot;

/// <summary>For supervisors: an office's draws (coming, open with their entries live, drawn with results), and a draw's entries in draw order.</summary>
public sealed partial class Draws : IDisposable
{
    private const int Shown = 60;
    private const int EntriesShown = 500;

    [Inject]
    private OfficeDirectory Offices { get; set; } = default!;

    [Inject]
    private BallotQueries Queries { get; set; } = default!;

    [Inject]
    private ChangeFeed Feed { get; set; } = default!;

    [Inject]
    private BallotStore Ballots { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    private string? VoidCode { get; set; }

    private string? VoidReason { get; set; }

    private VoidResult? VoidOutcome { get; set; }

    private LiveUpdates? _live;

    private IReadOnlyList<Office> AllOffices { get; set; } = [];

    private string OfficeCode { get; set; } = string.Empty;

    private Office? Office { get; set; }

    private IReadOnlyList<DrawSummary> DrawList { get; set; } = [];

    private DrawSummary? Picked { get; set; }

    private IReadOnlyList<EntryRow> Entries { get; set; } = [];

    protected override async Task OnStaffInitializedAsync()
    {
        AllOffices = await Offices.AllAsync(CancellationToken.None);
        OfficeCode = Me.OfficeCode ?? (AllOffices.Count > 0 ? AllOffices[0].Code : string.Empty);
        _live = new LiveUpdates(Feed, c => c.Kind != ChangeKind.Settings && c.Concerns(OfficeCode), InvokeAsync, async () =>
        {
            await LoadAsync();
            StateHasChanged();
        });
        await LoadAsync();
    }

    public void Dispose() => _live?.Dispose();

    private async Task LoadAsync()
    {
        Office = Me.MaySee(OfficeCode) ? AllOffices.FirstOrDefault(o => o.Code == OfficeCode) : null;
        if (Office is null)
        {
            return;
        }

        DrawList = await Queries.DrawsAsync(Office.Id, null, Shown, CancellationToken.None, withBooked: true);
        Picked = Picked is { } picked ? DrawList.FirstOrDefault(d => d.Date == picked.Date) : null;
        Entries = Picked is null ? [] : await Queries.EntriesAsync(Office.Id, Picked.Date, EntriesShown, CancellationToken.None);
    }

    private async Task VoidAsync()
    {
        if (Office is null || !Me.MaySee(Office.Code))
        {
            return;
        }

        VoidOutcome = await Ballots.VoidAsync(Office.Code, VoidCode ?? string.Empty, VoidReason, Me.Actor, Clock.GetUtcNow(), CancellationToken.None);
        if (VoidOutcome is VoidResult.VoidedAndOffered or VoidResult.VoidedNotOffered)
        {
            (VoidCode, VoidReason) = (null, null);
        }

        await LoadAsync();
    }

    private async Task PickAsync(DrawSummary draw)
    {
        Picked = draw;
        await LoadAsync();
    }
}

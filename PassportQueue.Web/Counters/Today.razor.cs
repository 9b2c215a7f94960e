using Microsoft.AspNetCore.Components;
using PassportQueue.Core.Bookings;
using PassportQueue.Core.Offices;
using PassportQueue.Web.Components.Common;
using PassportQueue.Web.Data;

namespace PassportQueue.Web.Counters;

/// <summary>An office's day by slot, with counts; updates live when a booking arrives or another officer acts.</summary>
public sealed partial class Today
{
    [Inject]
    private TodayQueries Queries { get; set; } = default!;

    [Inject]
    private OfficeDirectory Offices { get; set; } = default!;

    [Inject]
    private ChangeFeed Feed { get; set; } = default!;

    [Inject]
    private CounterDesk Desk { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    private LiveUpdates? _live;

    private IReadOnlyList<Office> AllOffices { get; set; } = [];

    private string OfficeCode { get; set; } = string.Empty;

    private Office? Office { get; set; }

    private DateOnly Date { get; set; }

    /// <summary>The day shown; today (office time) until the user picks another.</summary>
    private DateTime? Picked { get; set; }

    /// <summary>A day to open the page on, e.g. <c>/hari-ini?tanggal=2026-12-02</c>.</summary>
    [SupplyParameterFromQuery(Name = "tanggal")]
    public string? DateParameter { get; set; }

    private DayOverview? Overview { get; set; }

    private string? Search { get; set; }

    private string? StateFilter { get; set; }

    private string? Notice { get; set; }

    private IEnumerable<DayRow> Visible => (Overview?.Rows ?? [])
        .Where(r => StateFilter is null || r.State.ToString() == StateFilter)
        .Where(r => string.IsNullOrWhiteSpace(Search)
            || r.Name.Contains(Search, StringComparison.OrdinalIgnoreCase)
            || r.Code.Contains(Search, StringComparison.OrdinalIgnoreCase)
            || r.Phone.Contains(Search, StringComparison.Ordinal));

    protected override async Task OnStaffInitializedAsync()
    {
        AllOffices = await Offices.AllAsync(CancellationToken.None);
        OfficeCode = Me.OfficeCode ?? (AllOffices.Count > 0 ? AllOffices[0].Code : string.Empty);
        if (DateOnly.TryParseExact(DateParameter, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day))
        {
            Picked = day.ToDateTime(TimeOnly.MinValue);
        }

        _live = new LiveUpdates(Feed, change => change.Kind != ChangeKind.Ballot && change.Concerns(OfficeCode), InvokeAsync, async () =>
        {
            await ReloadAsync();
            StateHasChanged();
        });
        await ReloadAsync();
    }

    public void Dispose() => _live?.Dispose();

    private async Task ReloadAsync()
    {
        // The scope is enforced here, not only in the menu: a non-admin only ever loads their own office.
        if (!Me.MaySee(OfficeCode))
        {
            OfficeCode = Me.OfficeCode ?? string.Empty;
        }

        Office = AllOffices.FirstOrDefault(o => o.Code == OfficeCode);
        if (Office is null)
        {
            Overview = null;
            return;
        }

        Date = Picked is { } picked ? DateOnly.FromDateTime(picked) : Office.Calendar.LocalDate(Clock.GetUtcNow());
        Picked = Date.ToDateTime(TimeOnly.MinValue);
        Overview = await Queries.DayAsync(Office.Code, Date, CancellationToken.None);
    }

    private async Task ForfeitLateAsync()
    {
        var count = await Desk.ForfeitLateAsync(Me.IsAdmin ? OfficeCode : Me.Scope, Me.Actor, CancellationToken.None);
        Notice = L["Today_Forfeited", count];
        await ReloadAsync();
    }

    private string Time(DateTime utc) => Office is null ? string.Empty : Core.Offices.OfficeTime.Time(System.Globalization.CultureInfo.CurrentCulture, Office, utc);
}

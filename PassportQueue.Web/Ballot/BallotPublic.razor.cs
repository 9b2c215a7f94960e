using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using PassportQueue.Core.Ballot;
using PassportQueue.Core.Offices;
using PassportQueue.Web.Components.Common;
using PassportQueue.Web.Data;

namespace PassportQueue.Web.Ballot;

/// <summary>
/// An office's ballot for everyone, without sign-in and without personal data: how it works, the
/// entry periods open now with their entries so far and commitments, the coming releases, the drawn
/// days' leftover first-come places, and past draws with their seeds and lists. A plain page, not a
/// live connection: at a release moment many thousands watch it, and while entries are open it
/// reloads itself every <see cref="RefreshSeconds"/> seconds.
/// </summary>
public sealed partial class BallotPublic
{
    private const int PastDraws = 30;

    private const int RefreshSeconds = 20;

    [Parameter]
    public string Code { get; set; } = string.Empty;

    [Inject]
    private IStringLocalizer<DashboardText> L { get; set; } = default!;

    [Inject]
    private OfficeDirectory Offices { get; set; } = default!;

    [Inject]
    private BallotQueries Queries { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    private static CultureInfo Culture => CultureInfo.CurrentCulture;

    private Office? Office { get; set; }

    private DateTime Now { get; set; }

    private IReadOnlyList<DrawSummary> Draws { get; set; } = [];

    private IReadOnlyList<NotReleasedRoute> Upcoming { get; set; } = [];

    private IReadOnlyList<(DateOnly Date, int Left)> Leftover { get; set; } = [];

    protected override async Task OnParametersSetAsync()
    {
        Office = Code.Length is >= 2 and <= 5 ? await Offices.FindByCodeAsync(Code.ToUpperInvariant(), CancellationToken.None) : null;
        if (Office is null)
        {
            return;
        }

        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        var now = Clock.GetUtcNow();
        Now = now.UtcDateTime;
        Draws = await Queries.DrawsAsync(Office!.Id, Now, PastDraws, CancellationToken.None);
        Upcoming = BallotSchedule.Upcoming(Office.Calendar, now, 3);
        Leftover = await Queries.LeftoverAsync(Office.Id, Office.Calendar.LocalDate(now), CancellationToken.None);
    }
}

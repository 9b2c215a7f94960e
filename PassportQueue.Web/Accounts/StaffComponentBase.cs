using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Localization;
using PassportQueue.Core.Offices;
using PassportQueue.Web.Accounts;
using PassportQueue.Web.Components.Common;

namespace PassportQueue.Web.Accounts;

/// <summary>
/// A dashboard page: knows the signed-in staff member (and so the office scope every query and
/// action is held to, on the server) and speaks through the dashboard's texts.
/// </summary>
public abstract class StaffComponentBase : ComponentBase
{
    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    [Inject]
    protected IStringLocalizer<DashboardText> L { get; set; } = default!;

    [Inject]
    private Data.OfficeDirectory Directory { get; set; } = default!;

    /// <summary>The user's own office (null for an admin).</summary>
    protected Core.Offices.Office? MyOffice { get; private set; }

    /// <summary>The staff member; pages are [Authorize]d, so this is set before any page logic runs.</summary>
    protected Staff Me { get; private set; } = new("?", "?", "-", IsAdmin: false, IsSupervisor: false);

    protected override async Task OnInitializedAsync()
    {
        if (AuthenticationState is not null && Staff.From((await AuthenticationState).User) is { } staff)
        {
            Me = staff;
            MyOffice = staff.OfficeCode is { } code ? await Directory.FindByCodeAsync(code, CancellationToken.None) : null;
        }

        await OnStaffInitializedAsync();
    }

    /// <summary>An instant in the user's office time (WIB for an admin), e.g. "01-12-2026 07.30 WIB".</summary>
    protected string Local(DateTime utc) => OfficeTime.Stamp(System.Globalization.CultureInfo.CurrentCulture, MyOffice, utc);

    /// <summary>Page initialisation, after <see cref="Me"/> is known.</summary>
    protected virtual Task OnStaffInitializedAsync() => Task.CompletedTask;
}

using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PassportQueue.Core.Offices;
using PassportQueue.Web.Data;
using PassportQueue.Web.Data.Records;

namespace PassportQueue.Web.Accounts;

/// <summary>
/// Staff accounts. Identity's user manager and its database context live for one operation each
/// (a scope of their own), not for the whole circuit: a circuit can stay open for hours.
/// </summary>
public sealed partial class Users
{
    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    [Inject]
    private IServiceScopeFactory Scopes { get; set; } = default!;

    [Inject]
    private OfficeDirectory Offices { get; set; } = default!;

    private IReadOnlyList<Office> AllOffices { get; set; } = [];

    private List<(StaffUser User, IList<string> Roles)> Rows { get; set; } = [];

    private string? Email { get; set; }

    private string? Name { get; set; }

    private string Role { get; set; } = Roles.Officer;

    private string? Office { get; set; }

    private string? Password { get; set; }

    private IReadOnlyList<string> Errors { get; set; } = [];

    private bool Added { get; set; }

    private bool Changed { get; set; }

    private bool SecondFactorReset { get; set; }

    /// <summary>Role and office as the admin has set them in a row, before saving.</summary>
    private Dictionary<string, (string Role, string? Office)> Edits { get; } = [];

    protected override async Task OnStaffInitializedAsync()
    {
        AllOffices = await Offices.AllAsync(CancellationToken.None);
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        await using var scope = Scopes.CreateAsyncScope();
        var manager = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var users = await manager.Users.AsNoTracking().OrderBy(u => u.OfficeCode).ThenBy(u => u.Email).ToListAsync();
        Rows = [];
        Edits.Clear();
        foreach (var user in users)
        {
            var roles = await manager.GetRolesAsync(user);
            Rows.Add((user, roles));
            Edits[user.Id] = (roles.FirstOrDefault() ?? Roles.Officer, user.OfficeCode);
        }
    }

    private (string Role, string? Office) Edit((StaffUser User, IList<string> Roles) row) => Edits[row.User.Id];

    private void SetEdit((StaffUser User, IList<string> Roles) row, string role, string? office) => Edits[row.User.Id] = (role, office);

    private async Task ChangeAccessAsync(StaffUser user)
    {
        var (role, office) = Edits[user.Id];
        await using (var scope = Scopes.CreateAsyncScope())
        {
            var problems = await scope.ServiceProvider.GetRequiredService<StaffAccounts>().ChangeAccessAsync(user.Email ?? string.Empty, role, office, Me.Actor);
            Errors = [.. (problems ?? [AccountProblem.Other]).Select(p => L[$"AccountProblem_{p}"].Value)];
        }

        (Added, Changed, SecondFactorReset) = (false, Errors.Count == 0, false);
        await LoadAsync();
    }

    private async Task AddAsync()
    {
        await using (var scope = Scopes.CreateAsyncScope())
        {
            var problems = await scope.ServiceProvider.GetRequiredService<StaffAccounts>()
                .CreateAsync(Email ?? string.Empty, Name ?? Email ?? string.Empty, Role, Office, Password ?? string.Empty);
            Errors = [.. problems.Select(p => L[$"AccountProblem_{p}"].Value)];
        }

        (Added, Changed, SecondFactorReset) = (Errors.Count == 0, false, false);
        if (Added)
        {
            (Email, Name, Password) = (null, null, null);
            await LoadAsync();
        }
    }

    private async Task SetActiveAsync(StaffUser user, bool active)
    {
        await using (var scope = Scopes.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<StaffAccounts>().SetActiveAsync(user.Email ?? string.Empty, active, Me.Actor);
        }

        await LoadAsync();
    }

    private async Task ResetSecondFactorAsync(StaffUser user)
    {
        await using (var scope = Scopes.CreateAsyncScope())
        {
            SecondFactorReset = await scope.ServiceProvider.GetRequiredService<StaffAccounts>().ResetSecondFactorAsync(user.Email ?? string.Empty, Me.Actor);
        }

        (Added, Changed, Errors) = (false, false, []);
        await LoadAsync();
    }
}

using Microsoft.AspNetCore.Identity;
using PassportQueue.Core.Offices;
using PassportQueue.Web.Data.Records;

namespace PassportQueue.Web.Auth;

/// <summary>Creates staff accounts with a role and an office, for the command line, demo data and the admin pages.</summary>
public sealed class StaffAccounts(UserManager<StaffUser> users, RoleManager<IdentityRole> roles, IOfficeDirectory offices)
{
    /// <summary>Creates an account; returns the problems, or none when it was created.</summary>
    public async Task<IReadOnlyList<AccountProblem>> CreateAsync(string email, string displayName, string role, string? officeCode, string password)
    {
        if (!Roles.All.Contains(role))
        {
            return [AccountProblem.UnknownRole];
        }

        if (role != Roles.Admin && (string.IsNullOrWhiteSpace(officeCode) || await offices.FindByCodeAsync(officeCode, CancellationToken.None) is null))
        {
            return [AccountProblem.OfficeRequired];
        }

        foreach (var name in Roles.All)
        {
            if (!await roles.RoleExistsAsync(name))
            {
                await roles.CreateAsync(new IdentityRole(name));
            }
        }

        var user = new StaffUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = displayName,
            OfficeCode = role == Roles.Admin ? null : officeCode!.ToUpperInvariant(),
        };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return Problems(created);
        }

        var added = await users.AddToRoleAsync(user, role);
        return added.Succeeded ? [] : Problems(added);
    }

    private static AccountProblem[] Problems(IdentityResult result) =>
        [.. result.Errors.Select(e => Enum.TryParse<AccountProblem>(e.Code, out var p) && p != AccountProblem.UnknownRole && p != AccountProblem.OfficeRequired ? p : AccountProblem.Other)];

    /// <summary>
    /// Disables an account (it can no longer sign in; its audit lines stay) or enables it again.
    /// Returns false when there is no such account.
    /// </summary>
    public async Task<bool> SetActiveAsync(string email, bool active)
    {
        if (await users.FindByEmailAsync(email) is not { } user)
        {
            return false;
        }

        await users.SetLockoutEnabledAsync(user, true);
        await users.SetLockoutEndDateAsync(user, active ? null : DateTimeOffset.MaxValue);
        await users.ResetAccessFailedCountAsync(user);
        return true;
    }

    /// <summary>Whether an account with this e-mail exists.</summary>
    public async Task<bool> ExistsAsync(string email) => await users.FindByEmailAsync(email) is not null;
}

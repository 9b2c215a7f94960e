using Microsoft.AspNetCore.Identity;
using PassportQueue.Core.Audit;
using PassportQueue.Core.Offices;
using PassportQueue.Web.Data;
using PassportQueue.Web.Data.Records;

namespace PassportQueue.Web.Accounts;

/// <summary>
/// Staff accounts for the command line, demo data and the admin pages: created with a role and an
/// office; changed, disabled and enabled by an admin, each change audited in the same transaction
/// and renewing the account's security stamp, so that open sessions end within a minute.
/// </summary>
public sealed class StaffAccounts(
    UserManager<StaffUser> users, RoleManager<IdentityRole> roles, IOfficeDirectory offices, PassportQueueDbContext db, TimeProvider time)
{
    /// <summary>Creates an account; returns the problems, or none when it was created.</summary>
    public async Task<IReadOnlyList<AccountProblem>> CreateAsync(string email, string displayName, string role, string? officeCode, string password)
    {
        if (await AccessProblemAsync(role, officeCode) is { } problem)
        {
            return [problem];
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

    /// <summary>
    /// Gives an account another role and office, ending its open sessions; null when there is no such
    /// account. Saving the role and office it has already changes nothing (and ends no session).
    /// </summary>
    public async Task<IReadOnlyList<AccountProblem>?> ChangeAccessAsync(string email, string role, string? officeCode, Actor actor)
    {
        if (await users.FindByEmailAsync(email) is not { } user)
        {
            return null;
        }

        if (await AccessProblemAsync(role, officeCode) is { } problem)
        {
            return [problem];
        }

        var roles = await users.GetRolesAsync(user);
        var office = role == Roles.Admin ? null : officeCode!.ToUpperInvariant();
        if (roles.SequenceEqual([role]) && user.OfficeCode == office)
        {
            return [];
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        await users.RemoveFromRolesAsync(user, roles);
        await users.AddToRoleAsync(user, role);
        user.OfficeCode = office;
        Audit(actor, AuditAction.StaffAccessChanged, email, role, user.OfficeCode);
        // Renewing the stamp saves the user and the audit line, and ends the account's open sessions.
        var saved = await users.UpdateSecurityStampAsync(user);
        if (!saved.Succeeded)
        {
            return Problems(saved);
        }

        await transaction.CommitAsync();
        return [];
    }

    /// <summary>
    /// Disables an account (it can no longer sign in, and its open sessions end; its audit lines stay)
    /// or enables it again. Returns false when there is no such account.
    /// </summary>
    public async Task<bool> SetActiveAsync(string email, bool active, Actor actor)
    {
        if (await users.FindByEmailAsync(email) is not { } user)
        {
            return false;
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        await users.SetLockoutEnabledAsync(user, true);
        await users.SetLockoutEndDateAsync(user, active ? null : DateTimeOffset.MaxValue);
        await users.ResetAccessFailedCountAsync(user);
        await AuditAsync(actor, active ? AuditAction.StaffEnabled : AuditAction.StaffDisabled, user);
        await users.UpdateSecurityStampAsync(user);
        await transaction.CommitAsync();
        return true;
    }

    /// <summary>
    /// Turns the second factor on for an account whose app has just shown a right code, and returns
    /// its recovery codes (shown once; each works once). Audited with the change.
    /// </summary>
    public async Task<IReadOnlyList<string>> EnableSecondFactorAsync(StaffUser user, Actor actor)
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        await AuditAsync(actor, AuditAction.TwoFactorEnabled, user);
        // Both renew the stamp and save the user, the audit line with them.
        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, SecondFactor.RecoveryCodes))?.ToList() ?? [];
        await transaction.CommitAsync();
        return codes;
    }

    /// <summary>
    /// For a lost phone: turns the second factor off, forgets the key and the recovery codes, and
    /// ends the account's sessions. A supervisor or admin enrols a new app at the next sign-in.
    /// Returns false when there is no such account.
    /// </summary>
    public async Task<bool> ResetSecondFactorAsync(string email, Actor actor)
    {
        if (await users.FindByEmailAsync(email) is not { } user)
        {
            return false;
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        await AuditAsync(actor, AuditAction.TwoFactorReset, user);
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 0);
        // A new key nobody has seen: the next enrolment shows it.
        await users.ResetAuthenticatorKeyAsync(user);
        await transaction.CommitAsync();
        return true;
    }

    /// <summary>Whether an account with this e-mail exists.</summary>
    public async Task<bool> ExistsAsync(string email) => await users.FindByEmailAsync(email) is not null;

    private async Task<AccountProblem?> AccessProblemAsync(string role, string? officeCode)
    {
        if (!Roles.All.Contains(role))
        {
            return AccountProblem.UnknownRole;
        }

        return role != Roles.Admin && (string.IsNullOrWhiteSpace(officeCode) || await offices.FindByCodeAsync(officeCode, CancellationToken.None) is null)
            ? AccountProblem.OfficeRequired
            : null;
    }

    private async Task AuditAsync(Actor actor, AuditAction action, StaffUser user) =>
        Audit(actor, action, user.Email ?? user.UserName ?? user.Id, (await users.GetRolesAsync(user)).FirstOrDefault() ?? string.Empty, user.OfficeCode);

    private void Audit(Actor actor, AuditAction action, string email, string role, string? office) =>
        db.AuditEntries.Add(AuditEntry.Record(
            time.GetUtcNow().UtcDateTime, actor, action, null, null, null, SystemReason.Of(ReasonCode.StaffAccess, email, role, office ?? string.Empty).Stored));

    private static AccountProblem[] Problems(IdentityResult result) =>
        [.. result.Errors.Select(e => Enum.TryParse<AccountProblem>(e.Code, out var p) && p != AccountProblem.UnknownRole && p != AccountProblem.OfficeRequired ? p : AccountProblem.Other)];
}

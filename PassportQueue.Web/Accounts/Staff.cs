using System.Security.Claims;
using PassportQueue.Core.Audit;

namespace PassportQueue.Web.Accounts;

/// <summary>Who is acting, read from the signed-in principal: the audit actor and the office scope every query and action is held to.</summary>
public sealed record Staff(string UserName, string DisplayName, string? OfficeCode, bool IsAdmin, bool IsSupervisor)
{
    /// <summary>The audit trail's actor for this user.</summary>
    public Actor Actor => Actor.Staff(UserName);

    /// <summary>The office this user may see and change: their own, or any (null) for an admin.</summary>
    public string? Scope => IsAdmin ? null : OfficeCode ?? "-";

    /// <summary>Whether the user may see or change data of an office.</summary>
    public bool MaySee(string officeCode) => IsAdmin || OfficeCode == officeCode;

    public static Staff? From(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true || user.Identity.Name is not { } name)
        {
            return null;
        }

        return new Staff(
            name,
            user.FindFirstValue(StaffClaims.DisplayName) ?? name,
            user.FindFirstValue(StaffClaims.Office),
            user.IsInRole(Roles.Admin),
            user.IsInRole(Roles.Supervisor) || user.IsInRole(Roles.Admin));
    }
}

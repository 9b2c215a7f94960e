using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using PassportQueue.Web.Data.Records;

namespace PassportQueue.Web.Accounts;

/// <summary>
/// Whether a signed-in staff member may go on: the account still exists, is neither disabled nor
/// locked out, its sign-in used the second factor where the role needs it, and its security stamp is the one signed in with (a change of role or office, a
/// new password, a disable all renew the stamp). The cookie and the dashboard's live connection
/// both ask this, at most <see cref="Interval"/> apart.
/// </summary>
public static class StaffSessions
{
    /// <summary>How long an open session may go unchecked: access taken away ends within this time.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    /// <summary>The account behind the principal when it may go on, else null.</summary>
    public static async Task<StaffUser?> StillValidAsync(SignInManager<StaffUser> signIn, ClaimsPrincipal principal)
    {
        if (SecondFactor.Missing(principal) || await signIn.ValidateSecurityStampAsync(principal) is not { } user)
        {
            return null;
        }

        return await signIn.UserManager.IsLockedOutAsync(user) ? null : user;
    }
}

using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using PassportQueue.Web.Data.Records;

namespace PassportQueue.Web.Accounts;

/// <summary>Puts the user's office and display name into the sign-in cookie, so every request knows its scope.</summary>
public sealed class StaffClaims(UserManager<StaffUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<StaffUser, IdentityRole>(users, roles, options)
{
    public const string Office = "pq:office";
    public const string DisplayName = "pq:name";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(StaffUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.OfficeCode is { } office)
        {
            identity.AddClaim(new Claim(Office, office));
        }

        identity.AddClaim(new Claim(DisplayName, user.DisplayName.Length > 0 ? user.DisplayName : user.Email ?? user.UserName ?? "?"));
        return identity;
    }
}

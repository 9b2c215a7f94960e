using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using PassportQueue.Web.Data.Records;

namespace PassportQueue.Web.Accounts;

/// <summary>The sign-in cookie's check (<see cref="StaffSessions"/>): Identity's security stamp check, and the account not locked out or disabled.</summary>
public sealed class StaffStampValidator(IOptions<SecurityStampValidatorOptions> options, SignInManager<StaffUser> signIn, ILoggerFactory logger)
    : SecurityStampValidator<StaffUser>(options, signIn, logger)
{
    protected override Task<StaffUser?> VerifySecurityStamp(ClaimsPrincipal? principal) =>
        principal is null ? Task.FromResult<StaffUser?>(null) : StaffSessions.StillValidAsync(SignInManager, principal);
}

using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using PassportQueue.Core.Audit;
using PassportQueue.Web.Data.Records;

namespace PassportQueue.Web.Accounts;

/// <summary>Where a sign-in step leaves the person at the sign-in pages.</summary>
public enum SignInStep
{
    /// <summary>Signed in: on to the dashboard.</summary>
    SignedIn,

    /// <summary>The password was right; the authenticator code comes next.</summary>
    SecondFactor,

    /// <summary>The password was right; this role needs an authenticator app, which is enrolled next.</summary>
    Enrol,

    /// <summary>Wrong account, password or code.</summary>
    Refused,

    /// <summary>Locked out after too many failures, or disabled.</summary>
    LockedOut,

    /// <summary>No password step is pending (it expired after five minutes, or never happened): start again.</summary>
    Expired,
}

/// <summary>What the enrolment page shows: the key as a QR code and in groups for typing, or that it is on already.</summary>
public sealed record Enrolment(string Account, string Key, string GroupedKey, string QrCode, bool Enabled);

/// <summary>
/// The dashboard's sign-in, in steps: the password, then the authenticator code (or a recovery
/// code), or the enrolment of an authenticator app for a supervisor or admin who has none yet. A
/// password alone never gives a supervisor or admin a session: between the steps the person holds
/// only Identity's five-minute two-factor cookie. Every attempt is audited.
/// </summary>
public sealed class StaffSignIn(SignInManager<StaffUser> signIn, StaffAccounts accounts, SignInAudit audit)
{
    private UserManager<StaffUser> Users => signIn.UserManager;

    /// <summary>The password step.</summary>
    public async Task<SignInStep> PasswordAsync(string typedEmail, string password, string? client, CancellationToken ct)
    {
        var user = await Users.FindByNameAsync(typedEmail.Trim());
        var result = user is null ? SignInResult.Failed : await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        if (!result.Succeeded || user is null)
        {
            await audit.RecordAsync(typedEmail, client, result, SignInMethod.Password, ct);
            return result.IsLockedOut ? SignInStep.LockedOut : SignInStep.Refused;
        }

        if (user.TwoFactorEnabled || SecondFactor.RequiredFor(await Users.GetRolesAsync(user)))
        {
            await signIn.Context.SignInAsync(
                IdentityConstants.TwoFactorUserIdScheme,
                new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, user.Id)], IdentityConstants.TwoFactorUserIdScheme)));
            return user.TwoFactorEnabled ? SignInStep.SecondFactor : SignInStep.Enrol;
        }

        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim(SecondFactor.MethodClaim, "pwd")]);
        await audit.RecordAsync(typedEmail, client, result, SignInMethod.Password, ct);
        return SignInStep.SignedIn;
    }

    /// <summary>The second step: a code from the authenticator app, or one of the recovery codes.</summary>
    public async Task<SignInStep> CodeAsync(string typed, bool recoveryCode, string? client, CancellationToken ct)
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is not { } user)
        {
            return SignInStep.Expired;
        }

        var result = recoveryCode
            ? await signIn.TwoFactorRecoveryCodeSignInAsync(SecondFactor.CleanRecovery(typed))
            : await signIn.TwoFactorAuthenticatorSignInAsync(SecondFactor.Clean(typed), isPersistent: false, rememberClient: false);
        await audit.RecordAsync(user.UserName ?? user.Id, client, result, recoveryCode ? SignInMethod.RecoveryCode : SignInMethod.Authenticator, ct);
        return result switch
        {
            { Succeeded: true } => SignInStep.SignedIn,
            { IsLockedOut: true } => SignInStep.LockedOut,
            _ => SignInStep.Refused,
        };
    }

    /// <summary>
    /// The account enrolling (signed in, or between the steps) and its authenticator key, made when
    /// it has none; null when nobody is enrolling. The key of an account that has the second factor on
    /// is never shown again.
    /// </summary>
    public async Task<Enrolment?> EnrolmentAsync(ClaimsPrincipal current)
    {
        if (await EnrollingAsync(current) is not { } user)
        {
            return null;
        }

        var account = user.Email ?? user.UserName ?? user.Id;
        if (user.TwoFactorEnabled)
        {
            return new Enrolment(account, string.Empty, string.Empty, string.Empty, Enabled: true);
        }

        var key = await Users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await Users.ResetAuthenticatorKeyAsync(user);
            key = await Users.GetAuthenticatorKeyAsync(user) ?? string.Empty;
            if (current.Identity?.IsAuthenticated == true)
            {
                // A new key renews the stamp: the signed-in officer's cookie follows, so the session goes on.
                await signIn.RefreshSignInAsync(user);
            }
        }

        return new Enrolment(account, key, SecondFactor.Grouped(key), SecondFactor.QrDataUri(SecondFactor.EnrolmentUri(account, key)), Enabled: false);
    }

    /// <summary>
    /// Confirms the enrolment with a code from the app: the second factor is on, the recovery codes are
    /// returned (shown once), and the person is signed in with it. Empty when the code is wrong, null
    /// when nobody is enrolling.
    /// </summary>
    public async Task<IReadOnlyList<string>?> ConfirmAsync(ClaimsPrincipal current, string typed, string? client, CancellationToken ct)
    {
        if (await EnrollingAsync(current) is not { TwoFactorEnabled: false } user)
        {
            return null;
        }

        var account = user.UserName ?? user.Id;
        if (!await Users.VerifyTwoFactorTokenAsync(user, Users.Options.Tokens.AuthenticatorTokenProvider, SecondFactor.Clean(typed)))
        {
            await Users.AccessFailedAsync(user);
            await audit.RecordAsync(account, client, SignInResult.Failed, SignInMethod.Authenticator, ct);
            return [];
        }

        var codes = await accounts.EnableSecondFactorAsync(user, Actor.Staff(account));
        await signIn.Context.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim(SecondFactor.MethodClaim, SecondFactor.Used)]);
        await audit.RecordAsync(account, client, SignInResult.Success, SignInMethod.Authenticator, ct);
        return codes;
    }

    /// <summary>
    /// Development only (the page asks): the current code of a demo account between the steps, when
    /// its key is the published demo key, so the demo can be tried without a phone. Null otherwise.
    /// </summary>
    public async Task<string?> DemoCodeAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is { } user && await Users.GetAuthenticatorKeyAsync(user) == DemoAccounts.AuthenticatorKey
            ? new OtpNet.Totp(OtpNet.Base32Encoding.ToBytes(DemoAccounts.AuthenticatorKey)).ComputeTotp()
            : null;

    private async Task<StaffUser?> EnrollingAsync(ClaimsPrincipal current) =>
        current.Identity?.IsAuthenticated == true
            ? await Users.GetUserAsync(current)
            : await signIn.GetTwoFactorAuthenticationUserAsync();
}

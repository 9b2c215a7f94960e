using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using QRCoder;

namespace PassportQueue.Web.Accounts;

/// <summary>
/// The second factor: supervisors and admins sign in with an authenticator app (TOTP, Identity's own
/// provider) besides their password; officers may. A session of a supervisor or admin without it is
/// not a session: the cookie is refused on every request and the live dashboard ends it.
/// </summary>
public static class SecondFactor
{
    /// <summary>The claim Identity puts on a sign-in made with the second factor (<c>amr=mfa</c>).</summary>
    public const string MethodClaim = "amr";

    public const string Used = "mfa";

    /// <summary>How many recovery codes an enrolment gives; each works once.</summary>
    public const int RecoveryCodes = 10;

    private const string Issuer = "PassportQueue";

    /// <summary>Whether an account with these roles must sign in with the second factor.</summary>
    public static bool RequiredFor(IEnumerable<string> roles) => roles.Any(r => r is Roles.Supervisor or Roles.Admin);

    /// <summary>A signed-in principal whose role needs the second factor and whose sign-in did not use it.</summary>
    public static bool Missing(ClaimsPrincipal principal) =>
        principal.Identity?.IsAuthenticated == true
        && (principal.IsInRole(Roles.Supervisor) || principal.IsInRole(Roles.Admin))
        && !principal.HasClaim(MethodClaim, Used);

    /// <summary>
    /// Identity's stamp check builds a fresh principal every minute and drops how the user signed in;
    /// this carries the second factor over, so a supervisor's session lasts as long as it should.
    /// </summary>
    public static Task KeepOnRefresh(SecurityStampRefreshingPrincipalContext context)
    {
        if (context.CurrentPrincipal?.FindFirst(MethodClaim) is { } method && context.NewPrincipal?.Identity is ClaimsIdentity identity && !identity.HasClaim(MethodClaim, method.Value))
        {
            identity.AddClaim(new Claim(MethodClaim, method.Value));
        }

        return Task.CompletedTask;
    }

    /// <summary>An authenticator code as typed, without the spaces and dashes apps and people put in it.</summary>
    public static string Clean(string? typed) =>
        new([.. (typed ?? string.Empty).Where(c => !char.IsWhiteSpace(c) && c != '-')]);

    /// <summary>A recovery code as Identity keeps it (<c>XXXXX-XXXXX</c>, upper case), however it was typed.</summary>
    public static string CleanRecovery(string? typed)
    {
        var code = Clean(typed).ToUpperInvariant();
        return code.Length == 10 ? $"{code[..5]}-{code[5..]}" : code;
    }

    /// <summary>The key in groups of four, as a person types it into an app by hand.</summary>
    public static string Grouped(string key) =>
        string.Join(' ', key.Chunk(4).Select(c => new string(c))).ToLowerInvariant();

    /// <summary>The <c>otpauth://</c> address an authenticator app reads from the QR code.</summary>
    public static string EnrolmentUri(string account, string key) =>
        $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(account)}?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits=6";

    /// <summary>A QR code of <paramref name="text"/> as a PNG data address, for an img tag.</summary>
    public static string QrDataUri(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        return "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(6));
    }
}

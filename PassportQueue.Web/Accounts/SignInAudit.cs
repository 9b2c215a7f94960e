using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PassportQueue.Core.Audit;
using PassportQueue.Web.Data;
using PassportQueue.Web.Telemetry;

namespace PassportQueue.Web.Accounts;

/// <summary>Which step of the sign-in an attempt was.</summary>
public enum SignInMethod
{
    Password,
    Authenticator,
    RecoveryCode,
}

/// <summary>Every sign-in attempt into the audit trail: who was typed, when, from which address, and the outcome. Never the password or a code.</summary>
public sealed class SignInAudit(IDbContextFactory<PassportQueueDbContext> contexts, TimeProvider time)
{
    /// <summary>The longest account name kept for a refused attempt: what was typed may be anything.</summary>
    private const int MaxTypedLength = 100;

    /// <summary>Every detail an attempt's reason may carry; each has its text (<c>SignIn_Detail_…</c>).</summary>
    public static readonly IReadOnlyList<string> Details =
        ["Password", "LockedOut", "NotAllowed", "SecondFactor", nameof(SignInMethod.Authenticator), nameof(SignInMethod.RecoveryCode)];

    /// <summary>
    /// Records one attempt with Identity's answer. The reason keeps the client address and a detail:
    /// why it was refused, or for a success after the password, the second factor it used.
    /// </summary>
    public async Task RecordAsync(string typedEmail, string? clientAddress, SignInResult result, SignInMethod method, CancellationToken ct)
    {
        var detail = result switch
        {
            { Succeeded: true } => method == SignInMethod.Password ? string.Empty : method.ToString(),
            { IsLockedOut: true } => "LockedOut",
            { IsNotAllowed: true } => "NotAllowed",
            _ => method == SignInMethod.Password ? "Password" : "SecondFactor",
        };
        var who = typedEmail.Trim();
        await using var db = await contexts.CreateDbContextAsync(ct);
        db.AuditEntries.Add(AuditEntry.Record(
            time.GetUtcNow().UtcDateTime,
            Actor.Staff(who[..Math.Min(who.Length, MaxTypedLength)]),
            result.Succeeded ? AuditAction.SignedIn : AuditAction.SignInRefused,
            null,
            null,
            null,
            SystemReason.Of(ReasonCode.SignIn, clientAddress ?? "?", detail).Stored));
        await db.SaveChangesAsync(ct);
        PassportQueueMetrics.SignIn(result.Succeeded ? "succeeded" : detail);
    }
}

using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PassportQueue.Core.Audit;
using PassportQueue.Web.Data;
using PassportQueue.Web.Telemetry;

namespace PassportQueue.Web.Auth;

/// <summary>Every sign-in attempt into the audit trail: who was typed, when, from which address, and the outcome. Never the password.</summary>
public sealed class SignInAudit(IDbContextFactory<PassportQueueDbContext> contexts, TimeProvider time)
{
    /// <summary>The longest account name kept for a refused attempt: what was typed may be anything.</summary>
    private const int MaxTypedLength = 100;

    /// <summary>Records one attempt with Identity's answer.</summary>
    public async Task RecordAsync(string typedEmail, string? clientAddress, SignInResult result, CancellationToken ct)
    {
        var refusal = result switch
        {
            { Succeeded: true } => string.Empty,
            { IsLockedOut: true } => "LockedOut",
            { IsNotAllowed: true } => "NotAllowed",
            _ => "Password",
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
            SystemReason.Of(ReasonCode.SignIn, clientAddress ?? "?", refusal).Stored));
        await db.SaveChangesAsync(ct);
        PassportQueueMetrics.SignIn(result.Succeeded ? "succeeded" : refusal);
    }
}

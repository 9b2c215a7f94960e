using Microsoft.AspNetCore.DataProtection;
using PassportQueue.Core.Ballot;

namespace PassportQueue.Web.Ballot;

/// <summary>A draw's secret seed: made from a cryptographic source, kept encrypted by the data-protection keys until the draw publishes it.</summary>
public sealed class DrawSeeds(IDataProtectionProvider protection)
{
    private readonly IDataProtector _protector = protection.CreateProtector("PassportQueue.BallotSeeds.v1");

    /// <summary>A new seed, encrypted, with its public commitment.</summary>
    public (string Protected, string Commitment) New()
    {
        var seed = BallotDraw.NewSeed();
        return (Convert.ToBase64String(_protector.Protect(seed)), BallotDraw.Commitment(seed));
    }

    /// <summary>The seed of a stored draw.</summary>
    public byte[] Open(string protectedSeed) => _protector.Unprotect(Convert.FromBase64String(protectedSeed));
}

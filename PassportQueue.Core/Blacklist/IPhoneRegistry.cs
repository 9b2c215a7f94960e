using PassportQueue.Core.Audit;
using PassportQueue.Core.Phones;

namespace PassportQueue.Core.Blacklist;

/// <summary>Flags and the blacklist. Every change is audited with who, when and why.</summary>
public interface IPhoneRegistry
{
    /// <summary>The number's record, or null if it never wrote.</summary>
    Task<PhoneRecord?> FindAsync(PhoneNumber phone, CancellationToken cancellationToken);

    /// <summary>Records a flag; a clear number becomes flagged.</summary>
    Task<PhoneChange> FlagAsync(PhoneNumber phone, FlagReason reason, string? detail, Actor actor, CancellationToken cancellationToken);

    /// <summary>A clear or flagged number becomes blacklisted.</summary>
    Task<PhoneChange> BlacklistAsync(PhoneNumber phone, string reason, Actor actor, CancellationToken cancellationToken);

    /// <summary>A flagged number becomes clear.</summary>
    Task<PhoneChange> ClearFlagAsync(PhoneNumber phone, string reason, Actor actor, CancellationToken cancellationToken);

    /// <summary>A blacklisted number becomes clear.</summary>
    Task<PhoneChange> LiftBlacklistAsync(PhoneNumber phone, string reason, Actor actor, CancellationToken cancellationToken);
}

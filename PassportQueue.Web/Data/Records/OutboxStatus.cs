namespace PassportQueue.Web.Data.Records;

/// <summary>Where an outgoing message stands.</summary>
public enum OutboxStatus
{
    /// <summary>Waiting to be sent (or retried).</summary>
    Pending = 0,

    /// <summary>Accepted by the provider.</summary>
    Sent = 1,

    /// <summary>Kept unsent: no provider credentials are configured (shown in the simulator).</summary>
    Held = 2,

    /// <summary>Given up after repeated failures, or impossible (outside the 24-hour window with no template).</summary>
    Failed = 3,
}

namespace PassportQueue.Core.Blacklist;

/// <summary>What a standing change did.</summary>
public enum PhoneChangeStatus
{
    /// <summary>The standing moved.</summary>
    Changed = 0,

    /// <summary>Recorded (a flag) or refused (the number was not in a state the action starts from); the standing stayed.</summary>
    Unchanged = 1,

    /// <summary>A supervisor action without a reason; nothing was written.</summary>
    ReasonRequired = 2,
}

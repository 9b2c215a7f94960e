namespace PassportQueue.Core.Bookings;

/// <summary>What happened to an officer's action at the counter.</summary>
public enum CounterStatus
{
    /// <summary>Done as asked.</summary>
    Done = 0,

    /// <summary>What was typed cannot be a booking code.</summary>
    InvalidCode = 1,

    /// <summary>No such code at this office.</summary>
    NotFound = 2,

    /// <summary>The booking is not in a state that allows the action.</summary>
    WrongState = 3,

    /// <summary>The appointment is on another day.</summary>
    NotToday = 4,

    /// <summary>The check-in deadline passed: the code is now forfeited.</summary>
    Late = 5,

    /// <summary>The action needs a reason.</summary>
    ReasonRequired = 6,
}

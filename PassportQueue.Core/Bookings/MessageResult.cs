using PassportQueue.Core.Offices;

namespace PassportQueue.Core.Bookings;

/// <summary>The engine's answer to a message: the office it reached (if any) and the outcome.</summary>
public sealed record MessageResult(Office? Office, MessageOutcome Outcome);

namespace PassportQueue.Core.Messages;

/// <summary>What an applicant's WhatsApp text means, read without any I/O.</summary>
public abstract record ParsedMessage;

/// <summary>A well-formed booking request.</summary>
/// <param name="Name">The name as written, tidied (single spaces, upper case).</param>
/// <param name="BirthDate">Date of birth.</param>
/// <param name="ArrivalDate">Requested date, for offices whose format carries one.</param>
/// <param name="Address">Home address, for offices whose format carries one.</param>
public sealed record BookingRequest(string Name, DateOnly BirthDate, DateOnly? ArrivalDate, string? Address) : ParsedMessage;

/// <summary>One of the keyword commands.</summary>
/// <param name="Command">Which.</param>
/// <param name="Argument">What follows the keyword, for <see cref="Command.Report"/> and <see cref="Command.VerifyCode"/>; empty when nothing does.</param>
public sealed record CommandMessage(Command Command, string Argument = "") : ParsedMessage;

/// <summary>A message that tried to be a booking but cannot be read as one.</summary>
/// <param name="Problem">What is wrong.</param>
/// <param name="FieldCount">How many fields the message had, for <see cref="ParseProblem.WrongFieldCount"/>.</param>
public sealed record MalformedMessage(ParseProblem Problem, int FieldCount = 0) : ParsedMessage;

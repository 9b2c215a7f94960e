using PassportQueue.Core.Messages;
using PassportQueue.Core.Phones;

namespace PassportQueue.Core.Bookings;

/// <summary>An incoming message as it is stored beside its outcome, with its e-KTP photo if one came.</summary>
public sealed record IncomingRecord(string MessageId, int OfficeId, PhoneNumber Phone, string Body, DateTime ReceivedAtUtc, IncomingPhoto? Photo = null);

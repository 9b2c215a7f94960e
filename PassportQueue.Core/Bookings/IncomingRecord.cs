using PassportQueue.Core.Phones;

namespace PassportQueue.Core.Bookings;

/// <summary>An incoming message as it is stored beside its outcome.</summary>
public sealed record IncomingRecord(string MessageId, int OfficeId, PhoneNumber Phone, string Body, DateTime ReceivedAtUtc);

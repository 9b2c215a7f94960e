using PassportQueue.Core.Messages;
using PassportQueue.Core.Offices;
using PassportQueue.Core.Phones;

namespace PassportQueue.Core.Bookings;

/// <summary>A message whose office, sender and id were resolved and checked once, with the instant it is handled at.</summary>
/// <param name="Office">The office whose number it was sent to.</param>
/// <param name="Sender">The sender's number.</param>
/// <param name="MessageId">The channel's id, at most <see cref="BookingEngine.MaxMessageIdLength"/> characters.</param>
/// <param name="Body">The text, as sent.</param>
/// <param name="ReceivedAt">The one reading of the clock for this message.</param>
/// <param name="HasIdPhoto">Whether an acceptable e-KTP photo came with it.</param>
/// <param name="Photo">That photo, to store with the message; null where the caller keeps no image (the engine's own tests).</param>
public sealed record ReceivedMessage(
    Office Office, PhoneNumber Sender, string MessageId, string Body, DateTimeOffset ReceivedAt, bool HasIdPhoto = false, IncomingPhoto? Photo = null);

using PassportQueue.Core.Bookings;
using PassportQueue.Web.Data.Sql;

namespace PassportQueue.Web.Data;

/// <summary>An incoming message stored with its one outcome (and its e-KTP photo), keyed by the message id.</summary>
internal static class MessageRows
{
    /// <summary>
    /// Stores the message with its outcome, and the photo that came with it. The message id is the
    /// key: if another delivery of the same message got there first (another process), this unit is
    /// undone and that delivery's outcome is the answer.
    /// </summary>
    public static MessageOutcome Store(SqlSession s, IncomingRecord m, MessageOutcome outcome, long? bookingId)
    {
        var stored = s.Execute(
            """
            INSERT INTO "Messages" ("MessageId", "OfficeId", "Phone", "Body", "ReceivedAtUtc", "Outcome", "BookingId")
            VALUES (@id, @office, @phone, @body, @at, @outcome, @booking) ON CONFLICT ("MessageId") DO NOTHING
            """,
            ("@id", m.MessageId), ("@office", m.OfficeId), ("@phone", m.Phone.E164), ("@body", m.Body), ("@at", m.ReceivedAtUtc),
            ("@outcome", OutcomeJson.Write(outcome)), ("@booking", bookingId));
        if (stored != 1)
        {
            s.UndoUnit();
            return Stored(s, m.MessageId) ?? throw new InvalidOperationException("A conflicting message has no stored outcome.");
        }

        if (m.Photo is { } photo)
        {
            s.Execute(
                """
                INSERT INTO "IdPhotos" ("MessageId", "OfficeId", "Phone", "ContentType", "Encrypted", "SizeBytes", "ReceivedAtUtc", "PerceptualHash")
                VALUES (@id, @office, @phone, @type, @data, @size, @at, @hash)
                """,
                ("@id", m.MessageId), ("@office", m.OfficeId), ("@phone", m.Phone.E164), ("@type", photo.ContentType), ("@data", photo.Encrypted),
                ("@size", photo.SizeBytes), ("@at", m.ReceivedAtUtc), ("@hash", photo.PerceptualHash is { } h ? unchecked((long)h) : null));
        }

        return outcome;
    }

    /// <summary>The outcome stored with a message id, or null when none is stored.</summary>
    public static MessageOutcome? Stored(SqlSession s, string messageId) =>
        s.Scalar<string>("""SELECT "Outcome" FROM "Messages" WHERE "MessageId" = @id""", ("@id", messageId)) is { } json
            ? OutcomeJson.Read(json)
            : null;
}

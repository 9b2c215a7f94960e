using PassportQueue.Core.Offices;
using PassportQueue.Web.Data;
using PassportQueue.Web.Data.Stores;
using PassportQueue.Web.Data.Sql;

namespace PassportQueue.Web.WhatsApp;

/// <summary>Development only: the conversation between a number and an office, as the database holds it.</summary>
public sealed class SimulatorHistory(Database database, TimeProvider time)
{
    /// <summary>Incoming messages with the reply each got, and outgoing notifications, oldest first.</summary>
    public Task<List<ChatLine>> ConversationAsync(Office office, string phone, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        return database.ReadAsync(s =>
        {
            var lines = new List<ChatLine>();
            foreach (var (at, body, outcome) in s.List(
                """SELECT "ReceivedAtUtc", "Body", "Outcome" FROM "Messages" WHERE "Phone" = @p AND "OfficeId" = @o ORDER BY "ReceivedAtUtc" """,
                r => (DateTime.SpecifyKind(r.GetDateTime(0), DateTimeKind.Utc), r.GetString(1), r.GetString(2)),
                ("@p", phone), ("@o", office.Id)))
            {
                lines.Add(new ChatLine(at, Incoming: true, body, null));
                lines.Add(new ChatLine(at, Incoming: false, ReplyWriter.Write(OutcomeJson.Read(outcome), office, now), "balasan"));
            }

            lines.AddRange(s.List(
                """SELECT "CreatedAtUtc", "Body", "Status", "Kind" FROM "Outbox" WHERE "Phone" = @p AND "OfficeId" = @o AND "Body" IS NOT NULL""",
                r => new ChatLine(DateTime.SpecifyKind(r.GetDateTime(0), DateTimeKind.Utc), Incoming: false, r.GetString(1),
                    $"notifikasi {(Data.Records.OutboxKind)r.GetInt32(3)} – {(Data.Records.OutboxStatus)r.GetInt32(2)}"),
                ("@p", phone), ("@o", office.Id)));
            return lines.OrderBy(l => l.AtUtc).ToList();
        }, ct);
    }
}

/// <summary>One line of a simulated chat.</summary>
public sealed record ChatLine(DateTime AtUtc, bool Incoming, string Text, string? Note);

using Microsoft.EntityFrameworkCore;
using PassportQueue.Core.Offices;
using PassportQueue.Web.Data;

namespace PassportQueue.Web.Channel.Simulator;

/// <summary>Development only: the conversation between a number and an office, as the database holds it.</summary>
public sealed class SimulatorHistory(IDbContextFactory<PassportQueueDbContext> contexts, TimeProvider time)
{
    /// <summary>Incoming messages with the reply each got, and outgoing notifications, oldest first.</summary>
    public async Task<List<ChatLine>> ConversationAsync(Office office, string phone, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(ct);
        var messages = await db.Messages.AsNoTracking().Where(m => m.Phone == phone && m.OfficeId == office.Id)
            .Select(m => new { m.ReceivedAtUtc, m.Body, m.Outcome }).ToListAsync(ct);
        var notices = await db.Outbox.AsNoTracking().Where(o => o.Phone == phone && o.OfficeId == office.Id && o.Body != null)
            .Select(o => new { o.CreatedAtUtc, o.Body, o.Status, o.Kind }).ToListAsync(ct);
        return
        [
            .. messages.SelectMany(m => new[]
            {
                new ChatLine(m.ReceivedAtUtc, Incoming: true, m.Body, null),
                new ChatLine(m.ReceivedAtUtc, Incoming: false, ReplyWriter.Write(OutcomeJson.Read(m.Outcome), office, now), "balasan"),
            }),
            .. notices.Select(o => new ChatLine(o.CreatedAtUtc, Incoming: false, o.Body!, $"notifikasi {o.Kind} – {o.Status}")),
        ];
    }
}

/// <summary>One line of a simulated chat.</summary>
public sealed record ChatLine(DateTime AtUtc, bool Incoming, string Text, string? Note);

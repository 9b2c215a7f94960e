using PassportQueue.Core.Offices;
using PassportQueue.Web.Data.Records;
using PassportQueue.Web.Telemetry;

namespace PassportQueue.Web.Channel;

/// <summary>
/// Sends the outbox in the background. Each due message is leased, rendered, and sent as free
/// text inside WhatsApp's 24-hour window or as its approved template outside it. A failure is
/// retried with exponential backoff; without the provider's credentials messages are held for the simulator.
/// </summary>
public sealed partial class OutboxSender(
    OutboxStore outbox,
    IOfficeDirectory offices,
    IMessageChannel channel,
    Core.Bookings.BookingRules rules,
    Core.Retention.Pseudonyms pseudonyms,
    TimeProvider time,
    ILogger<OutboxSender> logger)
{
    /// <summary>
    /// A message the provider keeps refusing is given up this long after it was made: a notice about a day's
    /// booking is of no use later. Until then it is tried again however long the provider is down.
    /// </summary>
    public static readonly TimeSpan GiveUpAfter = TimeSpan.FromHours(24);

    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);
    private readonly string _node = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    /// <summary>Sends what is due now; returns how many messages it handled.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var due = await outbox.LeaseDueAsync(_node, now, now + Lease, 20, ct);
        foreach (var message in due)
        {
            await SendAsync(message, now, ct);
        }

        return due.Count;
    }

    /// <summary>Delay before the next attempt: 30 s, 1 min, 2 min … at most 15 minutes, so a queue drains soon after the provider is back.</summary>
    public static TimeSpan Backoff(int attempt) => TimeSpan.FromSeconds(Math.Min(900, 30 * Math.Pow(2, Math.Min(10, Math.Max(0, attempt - 1)))));

    private async Task SendAsync(DueMessage message, DateTime now, CancellationToken ct)
    {
        var (body, office, variables) = await RenderAsync(message, now, ct);
        if (body is null || office is null)
        {
            await outbox.FinishAsync(message.Id, _node, OutboxStatus.Failed, null, null, null, "booking, entry or office not found", now, ct);
            return;
        }

        if (!channel.CanSend)
        {
            await outbox.FinishAsync(message.Id, _node, OutboxStatus.Held, body, null, null, "no provider credentials configured", now, ct);
            return;
        }

        var lastInbound = await outbox.LastInboundAsync(message.Phone, ct);
        var inWindow = lastInbound is { } last && now - last < TimeSpan.FromHours(24);
        // Buttons are session messages: their own Content SID inside the window, nothing outside it.
        var template = message.IsInteractive ? (inWindow ? message.Template : null) : inWindow ? null : channel.Template(message.Kind.ToString());
        if (template is null && (message.IsInteractive || !inWindow))
        {
            await outbox.FinishAsync(message.Id, _node, OutboxStatus.Failed, body, null, null, $"outside the 24-hour window and no template for {message.Kind}", now, ct);
            return;
        }

        var outgoing = new ChannelMessage(
            office.Settings.WhatsAppNumbers.Select(n => Core.Phones.PhoneNumber.TryParse(n, out var p) ? p.E164 : null).First(n => n is not null)!,
            message.Phone,
            body,
            template,
            template is null ? null : variables);
        try
        {
            var providerId = await channel.SendAsync(outgoing, ct);
            await outbox.FinishAsync(message.Id, _node, OutboxStatus.Sent, body, template, providerId, null, now, ct);
        }
#pragma warning disable CA1031 // Any failure of the provider or the network is retried later, never lost.
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            LogSendFailed(logger, message.Id, message.Attempts + 1, ex.Message);
            var final = now + Backoff(message.Attempts + 1) - message.CreatedAtUtc > GiveUpAfter;
            PassportQueueMetrics.OutboxFailed(final ? "failed" : "retried");
            if (final)
            {
                await outbox.FinishAsync(message.Id, _node, OutboxStatus.Failed, body, template, null, ex.Message, now, ct);
            }
            else
            {
                await outbox.RetryAsync(message.Id, _node, ex.Message, now + Backoff(message.Attempts + 1), ct);
            }
        }
    }

    /// <summary>The message's text, its office, and its template's variables; nulls when what it is about is gone.</summary>
    private async Task<(string? Body, Office? Office, string? Variables)> RenderAsync(DueMessage message, DateTime now, CancellationToken ct)
    {
        if (message.IsInteractive)
        {
            return (message.Body, await offices.FindByIdAsync(message.OfficeId, ct), message.TemplateVariables);
        }

        if (message is { Kind: OutboxKind.BallotOffer, EntryId: { } offeredEntry })
        {
            var offer = await outbox.OfferAsync(offeredEntry, ct);
            var offerOffice = offer is null ? null : await offices.FindByCodeAsync(offer.OfficeCode, ct);
            return offer is null || offerOffice is null
                ? (null, null, null)
                : (NotificationWriter.Offer(offer, offerOffice), offerOffice, NotificationWriter.TemplateVariables(offer, offerOffice));
        }

        if (message.EntryId is { } entryId)
        {
            var entry = await outbox.EntryAsync(entryId, rules.BallotWeightCap, pseudonyms.Identity, ct);
            var entryOffice = entry is null ? null : await offices.FindByCodeAsync(entry.OfficeCode, ct);
            return entry is null || entryOffice is null
                ? (null, null, null)
                : (NotificationWriter.NotDrawn(entry, entryOffice, now), entryOffice, NotificationWriter.TemplateVariables(entry, entryOffice, now));
        }

        if (message is { Kind: OutboxKind.TurnNear or OutboxKind.Called, BookingId: { } calledId })
        {
            var call = await outbox.CallNoticeAsync(calledId, ct);
            var callOffice = call is null ? null : await offices.FindByIdAsync(message.OfficeId, ct);
            return call is null || callOffice is null
                ? (null, null, null)
                : (NotificationWriter.Turn(message.Kind, call, callOffice), callOffice, NotificationWriter.TemplateVariables(message.Kind, call, callOffice));
        }

        var booking = message.BookingId is { } bookingId ? await outbox.BookingAsync(bookingId, ct) : null;
        var office = booking is null ? null : await offices.FindByCodeAsync(booking.OfficeCode, ct);
        return booking is null || office is null
            ? (null, null, null)
            : (NotificationWriter.Text(message.Kind, booking, office), office, NotificationWriter.TemplateVariables(booking, office));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {Id} failed on attempt {Attempt}: {Error}")]
    private static partial void LogSendFailed(ILogger logger, long id, int attempt, string error);
}

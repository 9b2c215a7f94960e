using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PassportQueue.Core.Bookings;
using PassportQueue.Core.Messages;
using PassportQueue.Core.Offices;
using PassportQueue.Web.Data;
using PassportQueue.Web.Data.Records;

namespace PassportQueue.Web.Channel;

/// <summary>
/// WhatsApp buttons where a choice follows (an interactive template of the provider, <see cref="IMessageChannel.Template"/>). The
/// webhook's reply is plain text, so the buttons are a follow-up through the outbox, after the plain reply; without a configured
/// template nothing is queued and the reply is the text alone. A tap's payload is handled like the typed text: CEK, SYARAT
/// and ANTREAN are the commands themselves, and a date is <see cref="DateChoice"/>.
/// </summary>
public sealed class ChatButtons(IDbContextFactory<PassportQueueDbContext> contexts, OutboxStore outbox, IMessageChannel channel)
{
    /// <summary>The commands offered after a booking, in the order of the template's buttons.</summary>
    public static readonly string[] AfterBookingCommands = ["CEK", "SYARAT", "ANTREAN"];

    /// <summary>Queues the buttons that follow <paramref name="outcome"/>, if its Content SID is configured; once per booking or refused message.</summary>
    public async Task OfferAsync(ReceivedMessage message, MessageOutcome outcome, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        var at = message.ReceivedAt.UtcDateTime;
        switch (outcome)
        {
            case BookingConfirmed { Booking: var booking } when Buttons("AfterBooking") is { } sid:
                await outbox.QueueInteractiveAsync(
                    OutboxKind.BookingChoices, booking.Code, null, message.Office.Id, message.Sender.E164, sid, Variables(booking), string.Join(" | ", AfterBookingCommands), at, ct);
                break;
            case BookingRefused { OffersDates: true, NextDates: { Count: > 0 and <= 3 } dates }
                when message.Office.Settings.MessageFormat == MessageFormat.ArrivalDate && Buttons($"NextDates{dates.Count}") is { } sid:
                await outbox.QueueInteractiveAsync(
                    OutboxKind.DateChoices, null, message.MessageId, message.Office.Id, message.Sender.E164, sid, Variables(message.Office, dates, message.MessageId),
                    string.Join(" | ", dates.Select(d => DateChoice.Title(d, WhatsAppText.Indonesian))), at, ct);
                break;
        }
    }

    /// <summary>
    /// The refused request typed again with the tapped date, or null when the tap no longer works: the refused message
    /// must be this number's, at this office, and at most <see cref="DateChoice.Lifetime"/> old. A tap already handled (the same
    /// message id again) is what it was then.
    /// </summary>
    public async Task<string?> ExpandAsync(ReceivedMessage message, DateOnly date, string refusedId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        var since = message.ReceivedAt.UtcDateTime - DateChoice.Lifetime;
        await using var db = await contexts.CreateDbContextAsync(ct);
        // A redelivered tap was expanded and stored the first time: it gets that stored answer, however late it comes.
        if (await db.Messages.AsNoTracking().Where(m => m.MessageId == message.MessageId && m.Phone == message.Sender.E164).Select(m => m.Body).SingleOrDefaultAsync(ct) is { } stored)
        {
            return stored;
        }

        var refused = await db.Messages.AsNoTracking()
            .Where(m => m.MessageId == refusedId && m.Phone == message.Sender.E164 && m.OfficeId == message.Office.Id && m.ReceivedAtUtc >= since)
            .Select(m => m.Body).SingleOrDefaultAsync(ct);
        return refused is null ? null : DateChoice.Rewrite(refused, message.Office.Settings.MessageFormat, date);
    }

    /// <summary>The provider's id of the buttons configured under <paramref name="name"/>, when messages can be sent at all.</summary>
    private string? Buttons(string name) => channel.CanSend ? channel.Template(name) : null;

    /// <summary>AfterBooking's variables: 1 the booking code.</summary>
    public static string Variables(BookingView booking) =>
        JsonSerializer.Serialize(new Dictionary<string, string> { ["1"] = booking.Code });

    /// <summary>NextDates<i>n</i>'s variables: 1 the office; then per date its button's title and its payload (2, 3; 4, 5; 6, 7).</summary>
    public static string Variables(Office office, IReadOnlyList<DateOnly> dates, string refusedId)
    {
        var variables = new Dictionary<string, string> { ["1"] = office.Settings.Name };
        for (var i = 0; i < dates.Count; i++)
        {
            variables[(2 + (2 * i)).ToString(CultureInfo.InvariantCulture)] = DateChoice.Title(dates[i], WhatsAppText.Indonesian);
            variables[(3 + (2 * i)).ToString(CultureInfo.InvariantCulture)] = DateChoice.Payload(dates[i], refusedId);
        }

        return JsonSerializer.Serialize(variables);
    }
}

using PassportQueue.Core.Messages;
using PassportQueue.Core.Offices;
using PassportQueue.Core.Phones;

namespace PassportQueue.Core.Bookings;

/// <summary>
/// Turns an applicant's message into exactly one stored outcome: a booking code, a refusal with
/// its reason, or the answer to a command. The WhatsApp webhook and the simulator both call it.
/// </summary>
public sealed class BookingEngine(IOfficeDirectory offices, IBookingStore store, BookingRules rules, TimeProvider time)
{
    /// <summary>How many dates a refusal suggests.</summary>
    public const int SuggestedDates = 3;

    /// <summary>Longest message id stored; a longer one is refused before anything is written.</summary>
    public const int MaxMessageIdLength = 64;

    /// <summary>Longest body stored; the rest of a longer one is not kept.</summary>
    public const int MaxStoredBody = 4096;

    /// <summary>
    /// Resolves a delivery's office, sender and message id, once: the message to handle, or the
    /// reason it cannot be (<see cref="NotAccepted"/>), with the office where it was found.
    /// </summary>
    public async Task<(ReceivedMessage? Message, MessageResult? Refused)> ResolveAsync(
        InboundMessage message, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var office = await offices.FindByNumberAsync(message.To, cancellationToken);
        if (office is null)
        {
            return (null, new MessageResult(null, new NotAccepted(NotAcceptedReason.UnknownOfficeNumber)));
        }

        if (!PhoneNumber.TryParse(message.From, out var phone))
        {
            return (null, new MessageResult(office, new NotAccepted(NotAcceptedReason.InvalidSender)));
        }

        if (string.IsNullOrWhiteSpace(message.MessageId) || message.MessageId.Length > MaxMessageIdLength)
        {
            return (null, new MessageResult(office, new NotAccepted(NotAcceptedReason.InvalidMessageId)));
        }

        return (new ReceivedMessage(office, phone, message.MessageId, message.Body ?? string.Empty, now), null);
    }

    /// <summary>Resolves and handles one message at the engine's clock. Delivering the same message id again returns the same outcome.</summary>
    public async Task<MessageResult> HandleAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        var (received, refused) = await ResolveAsync(message, time.GetUtcNow(), cancellationToken);
        return received is null
            ? refused!
            : new MessageResult(received.Office, await HandleAsync(received with { HasIdPhoto = message.HasIdPhoto }, cancellationToken));
    }

    /// <summary>Handles one resolved message. Delivering the same message id again returns the same outcome.</summary>
    public async Task<MessageOutcome> HandleAsync(ReceivedMessage message, CancellationToken cancellationToken)
    {
        var body = message.Body;
        var record = new IncomingRecord(
            message.MessageId, message.Office.Id, message.Sender, body[..Math.Min(body.Length, MaxStoredBody)], message.ReceivedAt.UtcDateTime, message.Photo);
        return MessageParser.Parse(body, message.Office.Settings.MessageFormat) switch
        {
            CommandMessage { Command: Command.Status } => await store.RecordAsync(
                record,
                new CommandAnswered(
                    Command.Status, await store.ActiveBookingsAsync(message.Sender, cancellationToken),
                    await store.EntriesAsync(message.Sender, message.Office.Calendar.LocalDate(message.ReceivedAt), cancellationToken)),
                cancellationToken),
            CommandMessage { Command: Command.Accept } => await store.AcceptOfferAsync(record, cancellationToken),
            CommandMessage { Command: Command.QueueStatus } => await store.RecordAsync(
                record, await store.QueueAsync(message.Office, message.Sender, message.Office.Calendar.LocalDate(message.ReceivedAt), cancellationToken), cancellationToken),
            CommandMessage { Command: Command.Report, Argument.Length: > 0 } report => await store.ReportAsync(record, report.Argument, cancellationToken),
            CommandMessage { Command: Command.VerifyCode, Argument.Length: > 0 } check => await store.RecordAsync(
                record, await CheckCodeAsync(check.Argument, cancellationToken), cancellationToken),
            CommandMessage command => await store.RecordAsync(record, new CommandAnswered(command.Command, []), cancellationToken),
            MalformedMessage bad => await store.RecordAsync(record, new FormatRejected(bad.Problem, bad.FieldCount), cancellationToken),
            BookingRequest request => await BookAsync(message, record, request, cancellationToken),
            var other => throw new InvalidOperationException($"Unhandled message kind {other.GetType().Name}."),
        };
    }

    /// <summary><c>KODE</c>: whether a code is genuine and still valid, and for which office and day; never whose it is.</summary>
    private async Task<CodeChecked> CheckCodeAsync(string typed, CancellationToken ct)
    {
        if (!BookingCode.TryParse(typed, out var code))
        {
            return new CodeChecked(typed.Length > 32 ? typed[..32] : typed, CodeStanding.NotACode, null, null);
        }

        if (await store.FindCodeAsync(code, ct) is not { } booking)
        {
            return new CodeChecked(code.Value, CodeStanding.Unknown, null, null);
        }

        var standing = booking.State switch
        {
            BookingState.Booked => CodeStanding.Valid,
            BookingState.Arrived => CodeStanding.UsedToday,
            BookingState.Completed or BookingState.Returned => CodeStanding.Used,
            _ => CodeStanding.NoLongerValid,
        };
        var office = await offices.FindByCodeAsync(booking.OfficeCode, ct);
        return new CodeChecked(code.Value, standing, office?.Settings.Name ?? booking.OfficeCode, booking.Date);
    }

    private async Task<MessageOutcome> BookAsync(ReceivedMessage message, IncomingRecord record, BookingRequest request, CancellationToken ct)
    {
        var office = message.Office;
        switch (BookingPlanner.Plan(office, message.Sender, request, message.HasIdPhoto, rules, message.ReceivedAt))
        {
            case PlanAccepted accepted:
                return await store.BookAsync(record, accepted.Plan, ct);
            case PlanEntry entry:
                return await store.EnterAsync(record, entry.Plan, entry.Period, ct);
            case PlanNotReleased notReleased:
                return await store.RecordAsync(record, new EntryNotOpen(notReleased.Date, notReleased.OpensUtc), ct);
            case PlanRefused refused:
                var dates = refused.Alternatives.Count == 0
                    ? []
                    : await store.DatesWithPlacesAsync(office.Id, refused.Alternatives, refused.PriorityApplicant, SuggestedDates, ct);
                return await store.RecordAsync(record, new BookingRefused(refused.Reason, dates), ct);
            default:
                throw new InvalidOperationException("Unhandled plan decision.");
        }
    }
}

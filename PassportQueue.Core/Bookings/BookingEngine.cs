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

    /// <summary>Handles one message. Delivering the same message id again returns the same outcome.</summary>
    public async Task<MessageResult> HandleAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        var office = await offices.FindByNumberAsync(message.To, cancellationToken);
        if (office is null)
        {
            return new MessageResult(null, new NotAccepted("unknown-office-number"));
        }

        if (!PhoneNumber.TryParse(message.From, out var phone))
        {
            return new MessageResult(office, new NotAccepted("invalid-sender"));
        }

        if (string.IsNullOrWhiteSpace(message.MessageId) || message.MessageId.Length > 64)
        {
            return new MessageResult(office, new NotAccepted("invalid-message-id"));
        }

        var now = time.GetUtcNow();
        var body = message.Body ?? string.Empty;
        var record = new IncomingRecord(message.MessageId, office.Id, phone, body[..Math.Min(body.Length, 4096)], now.UtcDateTime);
        var outcome = MessageParser.Parse(body, office.Settings.MessageFormat) switch
        {
            CommandMessage { Command: Command.Status } => await store.RecordAsync(
                record, new CommandAnswered(Command.Status, await store.ActiveBookingsAsync(phone, cancellationToken)), cancellationToken),
            CommandMessage command => await store.RecordAsync(record, new CommandAnswered(command.Command, []), cancellationToken),
            MalformedMessage bad => await store.RecordAsync(record, new FormatRejected(bad.Problem, bad.FieldCount), cancellationToken),
            BookingRequest request => await BookAsync(office, phone, record, request, message.HasIdPhoto, now, cancellationToken),
            var other => throw new InvalidOperationException($"Unhandled message kind {other.GetType().Name}."),
        };
        return new MessageResult(office, outcome);
    }

    private async Task<MessageOutcome> BookAsync(
        Office office, PhoneNumber phone, IncomingRecord record, BookingRequest request, bool hasIdPhoto, DateTimeOffset now, CancellationToken ct)
    {
        switch (BookingPlanner.Plan(office, phone, request, hasIdPhoto, rules, now))
        {
            case PlanAccepted accepted:
                return await store.BookAsync(record, accepted.Plan, ct);
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

using PassportQueue.Core.Audit;
using PassportQueue.Core.Blacklist;
using PassportQueue.Core.Bookings;
using PassportQueue.Core.Messages;
using System.Diagnostics;
using PassportQueue.Core.Offices;
using PassportQueue.Web.Telemetry;

namespace PassportQueue.Web.Channel;

/// <summary>
/// The one path of an incoming WhatsApp message. It reads the clock once, resolves the office,
/// the sender and the message id once (a bad one is refused before anything is written), applies
/// the flood guard, fetches and encrypts an e-KTP photo (stored with the message in the same
/// commit), runs the engine, and renders every reply through <see cref="ReplyWriter"/>.
/// </summary>
public sealed class IncomingMessageHandler(
    BookingEngine engine, FloodGuard flood, IPhoneRegistry registry, IMediaSource media, IdPhotoStore photos, ChatButtons buttons, TimeProvider time)
{
    /// <summary>The reply to one delivery, or null for silence (the rest of a flood).</summary>
    public async Task<WhatsAppReply?> HandleAsync(InboundMessage message, IncomingMedia? attachment, CancellationToken ct)
    {
        using var activity = PassportQueueMetrics.Activities.StartActivity("whatsapp.message");
        var started = time.GetTimestamp();
        var now = time.GetUtcNow();
        var (received, refused) = await engine.ResolveAsync(message, now, ct);
        if (received is null)
        {
            return new WhatsAppReply(ReplyWriter.Write(refused!.Outcome, refused.Office, now), null);
        }

        switch (flood.Check(received.Sender.E164, received.MessageId, now))
        {
            case FloodVerdict.Throttle:
                await registry.FlagAsync(received.Sender, FlagReason.MessageFlood, null, Actor.System, ct);
                return Answer(received.Office, new Throttled(), now, started, activity);
            case FloodVerdict.Ignore:
                return null;
        }

        if (received.Office.Settings.MessageFormat == MessageFormat.AddressWithIdPhoto && attachment is { } item
            && await media.DownloadAsync(item.Url, item.ContentType, ct) is { } image)
        {
            received = received with { HasIdPhoto = true, Photo = photos.Seal(image.ContentType, image.Image) };
        }

        // A tapped date is the refused request typed again with that date; a tap that no longer works changes nothing.
        if (DateChoice.TryRead(received.Body, out var date, out var refusedId))
        {
            if (await buttons.ExpandAsync(received, date, refusedId, ct) is not { } typed)
            {
                return Answer(received.Office, new ChoiceExpired(), now, started, activity);
            }

            received = received with { Body = typed };
        }

        var outcome = await engine.HandleAsync(received, ct);
        await buttons.OfferAsync(received, outcome, ct);
        return Answer(received.Office, outcome, now, started, activity);
    }

    /// <summary>The reply, with the message counted by its office and outcome (never who sent it).</summary>
    private WhatsAppReply Answer(Office office, MessageOutcome outcome, DateTimeOffset now, long started, Activity? activity)
    {
        var kind = outcome switch
        {
            BookingConfirmed => "booked",
            BookingRefused refused => "refused:" + refused.Reason,
            FormatRejected => "format",
            CommandAnswered answered => "command:" + answered.Command,
            Throttled => "throttled",
            EntryReceived => "entered",
            EntryNotOpen => "not-released",
            ReportReceived => "reported",
            CodeChecked => "code-checked",
            QueueAnswered => "queue",
            ChoiceExpired => "choice-expired",
            _ => "not-accepted",
        };
        PassportQueueMetrics.Message(office.Code, kind, time.GetElapsedTime(started));
        activity?.SetTag("pq.office", office.Code).SetTag("pq.outcome", kind);
        return new WhatsAppReply(ReplyWriter.Write(outcome, office, now), outcome is BookingConfirmed { Booking: var booking } ? booking : null);
    }
}

/// <summary>A reply's text, and the booking whose code's QR image goes with it (a confirmation; a redelivery of one too).</summary>
public sealed record WhatsAppReply(string Text, BookingView? QrOf);

/// <summary>The one attachment of a message, as the provider announces it (exactly one; several are no e-KTP photo).</summary>
public sealed record IncomingMedia(string Url, string ContentType);

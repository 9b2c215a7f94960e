using Microsoft.EntityFrameworkCore;
using PassportQueue.Core.Audit;
using PassportQueue.Core.Bookings;
using PassportQueue.Web.Channel;
using PassportQueue.Web.Data.Records;
using PassportQueue.Web.Data.Sql;
using PassportQueue.Tests.Web.Nodes;

namespace PassportQueue.Tests.Web.Channel;

/// <summary>
/// The channel's port is real: a provider that is not Twilio (here a recording fake) plugs in by one registration, and the
/// outbox and the buttons speak to it in channel terms (message, template id, variables, provider message id); no Twilio
/// credentials or REST API are involved.
/// </summary>
public abstract class ChannelPortTests(DatabaseProvider provider)
{
    private const string Budi = "+6281234500001";

    [SkippableFact]
    public async Task TheOutboxSendsANoticeThroughAnotherProvider()
    {
        var channel = new RecordingChannel();
        await using var app = new AppFactory(provider: provider, channel: channel);
        await app.SendAsync(Budi, "#BUDI#25011987#02122026");
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 2, 0, 31, 0, TimeSpan.Zero));
        Assert.Equal(1, await app.Get<CounterDesk>().ForfeitLateAsync(null, Actor.System, default));

        Assert.Equal(1, await app.Get<OutboxSender>().SendDueAsync(default));

        var sent = Assert.Single(channel.Sent);
        Assert.Equal((Budi, "+628111100333", (string?)null), (sent.To, sent.From, sent.Template));
        Assert.Contains("HANGUS", sent.Body, StringComparison.Ordinal);
        var row = await app.QueryAsync(db => db.Outbox.AsNoTracking().SingleAsync());
        Assert.Equal((OutboxStatus.Sent, "fake-1"), (row.Status, row.ProviderMessageId));
    }

    [SkippableFact]
    public async Task ButtonsAfterABookingUseTheProvidersTemplate()
    {
        var channel = new RecordingChannel { Templates = { ["AfterBooking"] = "after-booking-v1" } };
        await using var app = new AppFactory(provider: provider, channel: channel);
        await app.SendAsync(Budi, "#BUDI#25011987#02122026");

        await app.Get<OutboxSender>().SendDueAsync(default);

        var sent = Assert.Single(channel.Sent);
        var code = (await app.QueryAsync(db => db.Bookings.AsNoTracking().SingleAsync())).Code;
        Assert.Equal(("after-booking-v1", $$"""{"1":"{{code}}"}"""), (sent.Template, sent.TemplateVariables));
        var row = await app.QueryAsync(db => db.Outbox.AsNoTracking().SingleAsync());
        Assert.Equal((OutboxKind.BookingChoices, "after-booking-v1", "fake-1"), (row.Kind, row.Template, row.ProviderMessageId));
    }

    /// <summary>A provider that keeps what it is asked to send and answers with its own message ids.</summary>
    private sealed class RecordingChannel : IMessageChannel
    {
        public Dictionary<string, string> Templates { get; } = [];

        public List<ChannelMessage> Sent { get; } = [];

        public bool CanSend => true;

        public string? Template(string name) => Templates.GetValueOrDefault(name);

        public Task<string> SendAsync(ChannelMessage message, CancellationToken cancellationToken)
        {
            lock (Sent)
            {
                Sent.Add(message);
                return Task.FromResult($"fake-{Sent.Count}");
            }
        }
    }

    public sealed class OnSqlite() : ChannelPortTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : ChannelPortTests(DatabaseProvider.Postgres);
}

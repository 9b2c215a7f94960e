using Microsoft.EntityFrameworkCore;
using PassportQueue.Web.Data;
using PassportQueue.Web.Channel.Twilio;
using PassportQueue.Web.Channel.Simulator;

namespace PassportQueue.Tests.Web.Channel.Simulator;

public sealed class SimulatorTests : IAsyncLifetime
{
    private readonly AppFactory _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task GoesThroughTheSignedWebhookAndShowsTheConversation()
    {
        var client = new SimulatorClient(_app.CreateClient(), _app.Get<TwilioAuthToken>());

        var (status, reply) = await client.SendAsync(new Uri("http://localhost/"), "+6281234500001", "+628111100333", "#Budi#25011987#02122026", null, default);
        await client.SendAsync(new Uri("http://localhost/"), "+6281234500001", "+628111100333", "SYARAT", null, default);

        Assert.Equal(200, status);
        var code = (await _app.QueryAsync(db => db.Bookings.SingleAsync())).Code;
        Assert.Contains(code, reply, StringComparison.Ordinal);
        var office = (await _app.Get<OfficeDirectory>().FindByCodeAsync("BGR", default))!;
        var chat = await _app.Get<SimulatorHistory>().ConversationAsync(office, "+6281234500001", default);
        Assert.Equal([true, false, true, false], chat.Select(l => l.Incoming));
        Assert.Equal("#Budi#25011987#02122026", chat[0].Text);
        Assert.Contains(code, chat[1].Text, StringComparison.Ordinal);
        Assert.Contains("Dokumen yang harus dibawa", chat[3].Text, StringComparison.Ordinal);
    }
}

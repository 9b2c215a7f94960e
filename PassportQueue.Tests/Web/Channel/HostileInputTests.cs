using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using PassportQueue.Web.Data.Sql;

namespace PassportQueue.Tests.Web.Channel;

/// <summary>
/// People and bots send garbage. Each hostile message or request gets a clear answer, never a
/// server error, and books nothing.
/// </summary>
public abstract class HostileInputTests(DatabaseProvider provider) : IAsyncLifetime
{
    private const string Sender = "+6281234500001";
    private readonly AppFactory _app = new(provider: provider);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    public static TheoryData<string, string> Messages() => new()
    {
        { "", "Perintah: CEK" },
        { "   \n\t ", "Perintah: CEK" },
        { "#BUDI\u0007\u001b[31m#25011987#02122026", "nama hanya boleh" },
        { "#🙂🙂🙂#25011987#02122026", "nama hanya boleh" },
        { "🙂 halo 🙂", "Perintah: CEK" },
        { "#'; DROP TABLE \"Bookings\";--#25011987#02122026", "nama hanya boleh" },
        { "#Robert'); DELETE FROM Phones;--#25011987#02122026", "nama hanya boleh" },
        { "#<script>alert(1)</script>#25011987#02122026", "nama hanya boleh" },
        { "#<b>BUDI</b>#25011987#02122026", "nama hanya boleh" },
        { "#BUDI#99999999#02122026", "tanggal lahir tidak ada di kalender" },
        { "#BUDI#00000000#02122026", "tanggal lahir tidak ada di kalender" },
        { "#BUDI#01011800#02122026", "tanggal lahir tidak ada di kalender" },
        { "#BUDI#30022000#02122026", "tanggal lahir tidak ada di kalender" },
        { "#BUDI#25011987#31022027", "tanggal kedatangan tidak ada di kalender" },
        { "#BUDI#25011987#01019999", "hanya dapat dipilih sampai 14 hari" },
        { "#BUDI#25011987#02122026#EXTRA#FIELDS", "pesan Anda berisi 5" },
        { "##########", "pesan Anda berisi" },
        { "#", "pesan Anda berisi 0" },
        { "#مرحبا#25011987#02122026", "nama memuat huruf dari abjad lain" },
        { "#BUDI\u202E#25011987#02122026", "nama hanya boleh" },
        { "#BUDI#25011987#02122026\u200B", "Kode booking" },
    };

    [SkippableTheory]
    [MemberData(nameof(Messages))]
    public async Task AnswersAHostileMessageClearlyAndBooksNothing(string body, string expected)
    {
        var reply = await _app.SendAsync(Sender, body);

        Assert.Contains(expected, reply, StringComparison.Ordinal);
        Assert.True(reply.Length <= PassportQueue.Web.Channel.ReplyWriter.MaxLength);
        var bookings = await _app.QueryAsync(db => db.Bookings.CountAsync());
        Assert.Equal(expected == "Kode booking" ? 1 : 0, bookings);
    }

    [SkippableFact]
    public async Task RefusesANulCharacterInTheFormAsMalformed()
    {
        using var response = await _app.PostAsync(AppFactory.Message(Sender, "#BUDI\u0000#25011987#02122026"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Malformed form body.", await response.Content.ReadAsStringAsync());
        Assert.Equal(0, await _app.QueryAsync(db => db.Messages.CountAsync()));
    }

    [SkippableFact]
    public async Task AnswersAVeryLongTextWithinTheSizeLimitAsTooLong()
    {
        var reply = await _app.SendAsync(Sender, "#" + new string('A', 5_000) + "#25011987#02122026");

        Assert.Contains("pesan terlalu panjang", reply, StringComparison.Ordinal);
        Assert.Equal(0, await _app.QueryAsync(db => db.Bookings.CountAsync()));
    }

    [SkippableFact]
    public async Task RefusesAHundredKilobyteBodyBeforeReadingIt()
    {
        using var response = await _app.PostAsync(AppFactory.Message(Sender, new string('x', 100_000)));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(0, await _app.QueryAsync(db => db.Messages.CountAsync()));
    }

    [SkippableTheory]
    [InlineData("application/json", "{\"Body\":\"CEK\"}", HttpStatusCode.UnsupportedMediaType)]
    [InlineData("text/plain", "Body=CEK", HttpStatusCode.UnsupportedMediaType)]
    public async Task RefusesAnotherContentType(string type, string content, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, AppFactory.Url) { Content = new StringContent(content, Encoding.UTF8, type) };
        request.Headers.Add("X-Twilio-Signature", "anything");

        using var response = await _app.CreateClient().SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(0, await _app.QueryAsync(db => db.Messages.CountAsync()));
    }

    [SkippableTheory]
    [InlineData("MessageSid")]
    [InlineData("From")]
    [InlineData("To")]
    public async Task RefusesAFormMissingAField(string missing)
    {
        var form = AppFactory.Message(Sender, "#BUDI#25011987#02122026");
        form.Remove(missing);

        using var response = await _app.PostAsync(form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await _app.QueryAsync(db => db.Messages.CountAsync()));
    }

    [SkippableFact]
    public async Task AnswersAReplayedMessageSidWithADifferentBodyWithTheFirstOutcome()
    {
        var first = await _app.SendAsync(Sender, "#BUDI#25011987#02122026", sid: "SMreplay");

        var replayed = await _app.SendAsync(Sender, "#JOKO#01011980#03122026", sid: "SMreplay");

        Assert.Equal(first, replayed);
        Assert.Equal("BUDI", (await _app.QueryAsync(db => db.Bookings.SingleAsync())).Name);
        Assert.Equal(0, await _app.QueryAsync(db => db.PhoneFlags.CountAsync()));
    }

    [SkippableFact]
    public async Task TreatsAnInvalidSenderAsNothingToActOn()
    {
        var reply = await _app.SendAsync("not-a-phone", "#BUDI#25011987#02122026");

        Assert.Contains("Pesan dari nomor ini tidak dapat diproses", reply, StringComparison.Ordinal);
        Assert.Equal(0, await _app.QueryAsync(db => db.Messages.CountAsync()));
    }

    public sealed class OnSqlite() : HostileInputTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : HostileInputTests(DatabaseProvider.Postgres);
}

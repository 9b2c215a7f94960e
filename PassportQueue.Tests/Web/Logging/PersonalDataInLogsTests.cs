using Microsoft.Extensions.DependencyInjection;
using PassportQueue.Core.Audit;
using PassportQueue.Core.Blacklist;
using PassportQueue.Core.Bookings;
using PassportQueue.Core.Phones;

namespace PassportQueue.Tests.Web.Logging;

/// <summary>Applicants' names, numbers and birth dates never appear in full in what the app logs, whatever happens.</summary>
public sealed class PersonalDataInLogsTests
{
    private const string Budi = "+6281234500001";
    private const string Siti = "+6281234500002";

    [Fact]
    public async Task BookingFlaggingAndFailingLogNoNameNumberOrBirthDate()
    {
        var logs = new CapturedLogs();
        await using var app = new AppFactory(new Dictionary<string, string?> { ["WhatsApp:MessagesPerMinute"] = "3" }) { Logs = logs };

        await app.SendAsync(Budi, "#Budi Santoso#25011987#02122026");
        await app.SendAsync(Budi, "#Siti Aminah#17081990#02122026");
        for (var i = 0; i < 5; i++)
        {
            await app.SendAsync(Siti, "#SITI AMINAH#17081990#99999999");
        }

        await app.SendAsync("+6281234500003", "#Joko Widodo#21061961#02122026", sid: "SM" + new string('x', 80));
        using (var scope = app.Services.CreateAsyncScope())
        {
            var registry = scope.ServiceProvider.GetRequiredService<IPhoneRegistry>();
            await registry.BlacklistAsync(PhoneNumber.Parse(Budi), "calo", Actor.Staff("spv@bgr.test"), default);
            var desk = scope.ServiceProvider.GetRequiredService<CounterDesk>();
            await desk.CheckInAsync("BGR-00000000", "BGR", Actor.Staff("petugas@bgr.test"), default);
        }

        // The capture sees the database commands too, where parameter values would show if sensitive data logging were on.
        Assert.Contains(logs.Lines, l => l.Contains("Executed DbCommand", StringComparison.Ordinal));
        var all = string.Join("\n", logs.Lines);
        foreach (var secret in new[]
        {
            "BUDI SANTOSO", "Budi Santoso", "SITI AMINAH", "Siti Aminah", "Joko Widodo", "JOKO WIDODO",
            "6281234500001", "6281234500002", "6281234500003", "081234500001",
            "25011987", "1987-01-25", "17081990", "1990-08-17", "21061961", "1961-06-21",
        })
        {
            Assert.DoesNotContain(secret, all, StringComparison.OrdinalIgnoreCase);
        }
    }
}

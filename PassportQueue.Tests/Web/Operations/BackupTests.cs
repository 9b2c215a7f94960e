using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PassportQueue.Core.Bookings;
using PassportQueue.Web.Data.Sql;
using PassportQueue.Web.Operations;

namespace PassportQueue.Tests.Web.Operations;

public sealed partial class BackupTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pq-backup-").FullName;

    [Fact]
    public async Task ABackupTakenInTheMiddleOfABurstRestoresEveryBookingAcknowledgedBeforeIt()
    {
        var settings = new Dictionary<string, string?> { ["Offices:BGR:DailyQuota"] = "1000", ["Offices:BGR:PlacesPerSlot"] = "100" };
        var acknowledged = new ConcurrentBag<string>();
        var file = Path.Combine(_folder, "copy.db");
        IReadOnlyList<string> beforeBackup;
        await using (var app = new AppFactory(settings))
        {
            async Task SendAsync(int i)
            {
                var reply = await app.SendAsync(Builders.Sender(i), $"#PEMOHON {Builders.Letters(i)}#01011990#02122026");
                acknowledged.Add(Code().Match(reply).Value);
            }

            await Task.WhenAll(Enumerable.Range(0, 60).Select(SendAsync));
            var during = Task.WhenAll(Enumerable.Range(60, 120).Select(SendAsync));
            beforeBackup = [.. acknowledged];
            await app.Get<DatabaseBackup>().ToFileAsync(file, default);
            await during;
            Assert.Equal(180, acknowledged.Count(c => c.Length > 0));
        }

        Assert.Equal("ok", Scalar(file, "PRAGMA integrity_check"));
        var restored = Path.Combine(_folder, "restored");
        Directory.CreateDirectory(restored);
        File.Copy(file, Path.Combine(restored, "app.db"));
        await using var again = new AppFactory(new Dictionary<string, string?>(settings) { ["ConnectionStrings:PassportQueue"] = $"Data Source={Path.Combine(restored, "app.db")}" });
        await using var scope = again.Services.CreateAsyncScope();
        var desk = scope.ServiceProvider.GetRequiredService<CounterDesk>();
        foreach (var code in beforeBackup)
        {
            Assert.Equal(CounterStatus.Done, (await desk.LookUpAsync(code, "BGR", default)).Status);
        }

        var (bookings, messages, places) = await again.QueryAsync(async db => (
            await db.Bookings.CountAsync(), await db.Messages.CountAsync(m => m.BookingId != null), await db.DayCounters.SumAsync(d => d.OpenTaken + d.PriorityTaken)));
        Assert.InRange(bookings, beforeBackup.Count, 180);
        Assert.Equal((bookings, bookings), (messages, places));
        Assert.Equal(200, HttpStatusCode(await again.CreateClient().GetAsync("/health/ready")));
    }

    [Fact]
    public async Task TheCommandRefusesToOverwriteAFile()
    {
        await using var app = new AppFactory();
        var existing = Path.Combine(_folder, "taken.db");
        await File.WriteAllTextAsync(existing, "keep me");
        var output = new StringWriter();

        Assert.Equal(2, await BackupCommand.RunAsync(app.Services, ["backup", "--to", existing], output));
        Assert.Equal("keep me", await File.ReadAllTextAsync(existing));
        Assert.Equal(0, await BackupCommand.RunAsync(app.Services, ["backup", "--to", Path.Combine(_folder, "new.db")], output));
        Assert.Equal("ok", Scalar(Path.Combine(_folder, "new.db"), "PRAGMA integrity_check"));
    }

    [Fact]
    public async Task TheScheduledBackupKeepsOnlyTheNewestCopies()
    {
        await using var app = new AppFactory(new Dictionary<string, string?> { ["Backup:Folder"] = _folder, ["Backup:Keep"] = "2" });
        var backup = app.Get<DatabaseBackup>();
        var made = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            made.Add(await backup.ScheduledAsync(default));
            app.Clock.Advance(TimeSpan.FromHours(1));
        }

        Assert.Equal(made.Skip(1), Directory.GetFiles(_folder, "passportqueue-*.db").Order(StringComparer.Ordinal));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private static int HttpStatusCode(HttpResponseMessage response) => (int)response.StatusCode;

    private static string? Scalar(string file, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar()?.ToString();
    }

    [GeneratedRegex(@"BGR-[0-9A-Z]{8}")]
    private static partial Regex Code();
}

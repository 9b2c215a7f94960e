using System.Diagnostics;
using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace PassportQueue.Tests.Web.Faults;

/// <summary>
/// The SQLite file on a small file system that fills up: bookings are refused cleanly (503, nothing
/// half-written), the file stays sound, and service is normal again once space returns.
/// </summary>
public sealed class DiskFullTests : IDisposable
{
    private readonly string _mount = Path.Combine(Path.GetTempPath(), "pq-small-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly bool _mounted;

    public DiskFullTests()
    {
        Directory.CreateDirectory(_mount);
        _mounted = Run("mount", $"-t tmpfs -o size=3m tmpfs {_mount}") == 0;
    }

    [SkippableFact]
    public async Task RefusesCleanlyWhenTheDiskIsFullAndServesAgainWhenSpaceReturns()
    {
        Skip.IfNot(_mounted || Environment.GetEnvironmentVariable("CI") == "true", "Mounting a small file system needs root.");
        Assert.True(_mounted, "CI runs as root and must be able to mount a small file system.");
        var file = Path.Combine(_mount, "app.db");
        await using var app = new AppFactory(new Dictionary<string, string?> { ["ConnectionStrings:PassportQueue"] = $"Data Source={file}" });
        Assert.Contains("BERHASIL", await app.SendAsync(Builders.Sender(0), "#PEMOHON AWAL#01011990#02122026"), StringComparison.Ordinal);

        var filler = Path.Combine(_mount, "filler");
        Fill(filler);
        var answers = new List<HttpStatusCode>();
        for (var i = 1; i <= 40; i++)
        {
            using var response = await app.PostAsync(AppFactory.Message(Builders.Sender(i), $"#PEMOHON {Builders.Letters(i)}#01011990#02122026", sid: $"SM-full-{i}"));
            answers.Add(response.StatusCode);
        }

        Assert.Contains(HttpStatusCode.ServiceUnavailable, answers);
        Assert.All(answers, a => Assert.True(a is HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable, $"answered {a}"));
        File.Delete(filler);

        var after = await app.SendAsync(Builders.Sender(100), "#PEMOHON SESUDAH#01011990#02122026", sid: "SM-after");
        Assert.Contains("BERHASIL", after, StringComparison.Ordinal);
        var (bookings, messages) = await app.QueryAsync(async db => (await db.Bookings.CountAsync(), await db.Messages.CountAsync()));
        Assert.Equal(2 + answers.Count(a => a == HttpStatusCode.OK), bookings);
        Assert.Equal(bookings, messages);
        await using var check = new SqliteConnection($"Data Source={file}");
        await check.OpenAsync();
        await using var command = check.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        Assert.Equal("ok", await command.ExecuteScalarAsync());
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (_mounted)
        {
            Run("umount", _mount);
        }

        Directory.Delete(_mount, recursive: true);
    }

    /// <summary>Writes a file until the file system has no room left.</summary>
    private static void Fill(string path)
    {
        var chunk = new byte[16 * 1024];
        using var stream = File.Create(path);
        try
        {
            while (true)
            {
                stream.Write(chunk);
                stream.Flush();
            }
        }
        catch (IOException)
        {
            // Full.
        }
    }

    private static int Run(string file, string arguments)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardError = true, RedirectStandardOutput = true })!;
            process.WaitForExit();
            return process.ExitCode;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return -1;
        }
    }
}

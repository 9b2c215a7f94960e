using PassportQueue.Web.Ballot;

namespace PassportQueue.Tests.Web.Ballot;

public sealed class BallotCommandTests : IDisposable
{
    private static readonly string Example = Path.Combine(RepoRoot(), "docs", "ballot-example.json");
    private readonly string _folder = Directory.CreateTempSubdirectory("pq-ballot-").FullName;

    [Fact]
    public async Task ConfirmsTheReadmesWorkedExample()
    {
        var output = new StringWriter();

        Assert.Equal(0, await BallotCommand.RunAsync(["ballot", "verify", "--file", Example], output));
        Assert.Contains("COCOK: undian JKP untuk 2026-12-16", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnswersInEnglishOnRequest()
    {
        var output = new StringWriter();

        Assert.Equal(0, await BallotCommand.RunAsync(["ballot", "verify", "--file", Example, "--lang", "en"], output));
        Assert.Contains("MATCH", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheReadmesWorkedExampleUsesRealEntryCodesAndAQuietCommand()
    {
        var readme = await File.ReadAllTextAsync(Path.Combine(RepoRoot(), "README.md"));
        var example = await File.ReadAllTextAsync(Example);
        var codes = System.Text.RegularExpressions.Regex.Matches(example, "\"(E-[^\"]+)\"").Select(m => m.Groups[1].Value).ToList();

        Assert.Equal(4, codes.Count);
        Assert.All(codes, code => Assert.Matches("^E-[0-9A-HJKMNP-TV-Z]{10}$", code));
        Assert.All(codes, code => Assert.Contains($"| {code} |", readme, StringComparison.Ordinal));
        Assert.Contains("dotnet run --project PassportQueue.Web --no-launch-profile -- ballot verify", readme, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FindsAWinnerSwappedWithAnotherEntry()
    {
        var tampered = Path.Combine(_folder, "draw.json");
        var json = await File.ReadAllTextAsync(Example);
        await File.WriteAllTextAsync(tampered, json
            .Replace("\"rank\": 2, \"result\": \"not-drawn\"", "\"rank\": 1, \"result\": \"won\"", StringComparison.Ordinal)
            .Replace("\"weight\": 2, \"group\": \"open\", \"rank\": 1, \"result\": \"won\"", "\"weight\": 2, \"group\": \"open\", \"rank\": 2, \"result\": \"not-drawn\"", StringComparison.Ordinal));
        var output = new StringWriter();

        Assert.Equal(1, await BallotCommand.RunAsync(["ballot", "verify", "--file", tampered], output));
        Assert.Contains("E-7K3M9QX2WD: diterbitkan di urutan 1, hasil hitung ulang urutan 2", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("TIDAK COCOK: 2 masalah", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefusesAFileThatIsNoDraw()
    {
        var junk = Path.Combine(_folder, "junk.json");
        await File.WriteAllTextAsync(junk, "{ \"hello\": ");
        var output = new StringWriter();

        Assert.Equal(2, await BallotCommand.RunAsync(["ballot", "verify", "--file", junk], output));
        Assert.Contains("bukan hasil undian", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExplainsItsUsage()
    {
        var output = new StringWriter();

        Assert.Equal(2, await BallotCommand.RunAsync(["ballot"], output));
        Assert.Contains("ballot verify --file", output.ToString(), StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PassportQueue.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("The repository root is not above the test binaries.");
    }
}

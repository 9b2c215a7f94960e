using System.Globalization;
using System.Resources;
using PassportQueue.Core.Ballot;

namespace PassportQueue.Web.Ballot;

/// <summary>
/// <c>ballot verify --file draw.json [--lang en]</c>: recomputes a downloaded draw from its seed and
/// entries and says whether the office published exactly that. Needs no database and no network.
/// </summary>
public static class BallotCommand
{
    private static readonly ResourceManager Texts = new("PassportQueue.Web.Components.Common.DashboardText", typeof(BallotCommand).Assembly);

    public static bool Matches(string[] args) => args is ["ballot", ..];

    /// <summary>Runs the command; 0 when the draw checks out, 1 when it does not, 2 for a wrong call or an unreadable file.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        string? Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        var culture = CultureInfo.GetCultureInfo(Option("--lang") is "en" ? "en" : "id-ID");
        string Text(string key, params object?[] values) => string.Format(culture, Texts.GetString(key, culture) ?? key, values);
        if (args is not ["ballot", "verify", ..] || Option("--file") is not { } file)
        {
            await output.WriteLineAsync(Text("BallotVerify_Usage"));
            return 2;
        }

        if (!File.Exists(file) || PublishedDraw.FromJson(await File.ReadAllTextAsync(file)) is not { } draw)
        {
            await output.WriteLineAsync(Text("BallotVerify_NotADraw", file));
            return 2;
        }

        var problems = DrawVerifier.Problems(draw);
        foreach (var problem in problems)
        {
            await output.WriteLineAsync(Text($"DrawProblem_{problem.Kind}", problem.Subject, problem.PublishedRank, problem.ComputedRank));
        }

        await output.WriteLineAsync(problems.Count == 0
            ? Text("BallotVerify_Match", draw.Office, draw.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), draw.Entries.Count,
                draw.Entries.Count(e => e.Result == DrawResult.Won))
            : Text("BallotVerify_Mismatch", problems.Count));
        return problems.Count == 0 ? 0 : 1;
    }
}

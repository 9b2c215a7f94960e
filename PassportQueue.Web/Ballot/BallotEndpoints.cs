using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using PassportQueue.Web.Data;
using PassportQueue.Web.Components.Pages;

namespace PassportQueue.Web.Ballot;

/// <summary>
/// A released draw as JSON, for anyone: <c>GET /undian/BGR/2026-12-15.json</c>, the file
/// <c>ballot verify --file</c> checks. Entry codes, weights, groups, ranks and results only; the seed
/// once drawn. Nothing before the release.
/// </summary>
public static class BallotEndpoints
{
    public static IEndpointRouteBuilder MapBallotDownloads(this IEndpointRouteBuilder app)
    {
        app.MapGet("/undian/{code}/{date}.json", async Task<Results<ContentHttpResult, NotFound<string>>> (
            string code, string date, OfficeDirectory offices, BallotQueries ballots, TimeProvider time, CancellationToken ct) =>
        {
            if (code.Length > 5 || await offices.FindByCodeAsync(code.ToUpperInvariant(), ct) is not { } office
                || !DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
                || await ballots.PublishedAsync(office, day, time.GetUtcNow().UtcDateTime, ct) is not { } draw)
            {
                return TypedResults.NotFound("No released draw for this office and date.");
            }

            return TypedResults.Content(draw.ToJson(), "application/json", Encoding.UTF8);
        });
        return app;
    }
}

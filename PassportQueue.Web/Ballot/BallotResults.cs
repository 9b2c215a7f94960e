using System.Globalization;
using PassportQueue.Core.Audit;
using PassportQueue.Core.Ballot;
using PassportQueue.Core.Bookings;
using PassportQueue.Core.Offices;
using PassportQueue.Core.Phones;
using PassportQueue.Core.Retention;
using PassportQueue.Web.Data.Records;
using PassportQueue.Web.Data.Sql;
using PassportQueue.Web.Components.Pages;
using PassportQueue.Web.Data;
using PassportQueue.Web.Places;

namespace PassportQueue.Web.Ballot;

/// <summary>A draw's results, written set-based in the draw's transaction.</summary>
internal static class BallotResults
{
    /// <summary>
    /// Every entry's rank, result and booking, the entrants' weights (a win resets, a loss adds one), and
    /// a notice for each one not drawn: three statements over the results as one JSON document.
    /// </summary>
    public static void Write(SqlSession s, long drawId, List<DrawRow> results, int officeId, DateTime now, bool postgres)
    {
        var json = System.Text.Json.JsonSerializer.Serialize(results, DrawRowJson.Default.ListDrawRow);
        var rows = postgres
            ? """json_to_recordset(CAST(@rows AS json)) AS j("i" bigint, "r" int, "w" int, "b" bigint, "k" text)"""
            : """(SELECT value ->> 'i' AS "i", value ->> 'r' AS "r", value ->> 'w' AS "w", value ->> 'b' AS "b", value ->> 'k' AS "k" FROM json_each(@rows)) AS j""";
        s.Execute(
            $"""
            UPDATE "BallotEntries" SET "Rank" = j."r", "Result" = CASE WHEN j."w" = 1 THEN {StateSql.Won} ELSE {StateSql.NotDrawn} END, "BookingId" = j."b"
            FROM {rows} WHERE "BallotEntries"."Id" = j."i"
            """,
            ("@rows", json));
        // "WHERE TRUE" lets SQLite read ON CONFLICT as the upsert, not as part of the join.
        s.Execute(
            $"""
            INSERT INTO "BallotStandings" ("PersonKey", "LostInARow") SELECT j."k", 1 - j."w" FROM {rows} WHERE TRUE
            ON CONFLICT ("PersonKey") DO UPDATE SET "LostInARow" = CASE WHEN excluded."LostInARow" = 0 THEN 0 ELSE "BallotStandings"."LostInARow" + 1 END
            """,
            ("@rows", json));
        s.Execute(
            $"""
            INSERT INTO "Outbox" ("Kind", "EntryId", "OfficeId", "Phone", "CreatedAtUtc", "DueAtUtc", "Status", "Attempts", "DeliveryRank")
            SELECT @kind, e."Id", @office, e."Phone", @now, @now, {StateSql.OutboxPending}, 0, 0 FROM "BallotEntries" e WHERE e."DrawId" = @draw AND e."Result" = {StateSql.NotDrawn}
            """,
            ("@kind", OutboxKind.BallotNotDrawn), ("@office", officeId), ("@now", now), ("@draw", drawId));
    }

    /// <summary>One entry's result, as the set-based statements read it.</summary>
    internal sealed record DrawRow(
        [property: System.Text.Json.Serialization.JsonPropertyName("i")] long Id,
        [property: System.Text.Json.Serialization.JsonPropertyName("r")] int Rank,
        [property: System.Text.Json.Serialization.JsonPropertyName("w")] int Won,
        [property: System.Text.Json.Serialization.JsonPropertyName("b")] long? BookingId,
        [property: System.Text.Json.Serialization.JsonPropertyName("k")] string StandingKey);
}

/// <summary>Source-generated JSON of a draw's results.</summary>
[System.Text.Json.Serialization.JsonSerializable(typeof(List<BallotResults.DrawRow>))]
internal sealed partial class DrawRowJson : System.Text.Json.Serialization.JsonSerializerContext;

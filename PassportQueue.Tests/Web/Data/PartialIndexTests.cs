using Microsoft.Data.Sqlite;
using PassportQueue.Core.Bookings;
using PassportQueue.Web.Data.Sql;
using PassportQueue.Web.Bookings;
using PassportQueue.Web.Channel;
using PassportQueue.Web.Places;

namespace PassportQueue.Tests.Web.Data;

/// <summary>
/// The hot path's lookups are answered by their partial indexes. A condition the index's filter
/// cannot be proven from (a state bound as a parameter, say) makes SQLite scan the whole table:
/// correct, and twenty times slower with many bookings.
/// </summary>
public sealed class PartialIndexTests
{
    [Fact]
    public async Task FindsAPersonsActiveBookingThroughTheActivePersonIndex() =>
        Assert.Contains("USING INDEX UX_Bookings_ActivePerson", await PlanAsync(AdmissionFactsRows.Sql), StringComparison.Ordinal);

    [Fact]
    public async Task FindsLateCodesThroughTheBookedDeadlineIndex() =>
        Assert.Contains("USING INDEX IX_Bookings_BookedDeadline", await PlanAsync(LateCodes.FindSql), StringComparison.Ordinal);

    [Fact]
    public async Task LeasesDueMessagesThroughThePendingIndex() =>
        Assert.Contains("USING INDEX IX_Outbox_Pending", await PlanAsync(OutboxStore.LeaseSql), StringComparison.Ordinal);

    [Fact]
    public void ListsExactlyTheActiveStates() =>
        Assert.Equal(
            "(" + string.Join(", ", Enum.GetValues<BookingState>().Where(BookingTransitions.IsActive).Select(s => (int)s)) + ")",
            StateSql.Active);

    /// <summary>SQLite's plan for a statement on the product's migrated schema, every parameter bound to NULL.</summary>
    private static async Task<string> PlanAsync(string sql)
    {
        await using var h = await EngineHarness.StartAsync();
        await using var connection = await h.Get<Database>().OpenAsync(default);
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        foreach (var name in System.Text.RegularExpressions.Regex.Matches(sql, @"@\w+").Select(m => m.Value).Distinct())
        {
            command.Parameters.Add(new SqliteParameter(name, DBNull.Value));
        }

        var plan = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            plan.Add(reader.GetString(reader.GetOrdinal("detail")));
        }

        return string.Join("\n", plan);
    }
}

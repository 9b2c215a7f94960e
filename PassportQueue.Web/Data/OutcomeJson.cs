using System.Text.Json;
using System.Text.Json.Serialization;
using PassportQueue.Core.Bookings;

namespace PassportQueue.Web.Data;

/// <summary>How a message's outcome is kept beside it.</summary>
internal static class OutcomeJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static string Write(MessageOutcome outcome) => JsonSerializer.Serialize(outcome, Options);

    public static MessageOutcome Read(string json) =>
        JsonSerializer.Deserialize<MessageOutcome>(json, Options) ?? throw new InvalidDataException("Empty stored outcome.");
}

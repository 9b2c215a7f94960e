using System.Text.Json;
using PassportQueue.Core.Offices;

namespace PassportQueue.Web.Data;

/// <summary>The one way office settings are written to and read from the database.</summary>
public static class OfficeSettingsJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.General);

    public static string Write(OfficeSettings settings) => JsonSerializer.Serialize(settings, Options);

    public static OfficeSettings Read(string json) =>
        JsonSerializer.Deserialize<OfficeSettings>(json, Options) ?? throw new InvalidDataException("Empty office settings.");
}

using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace PassportQueue.Web.Data;

/// <summary>Marks instants read from the database as UTC, which is how they are always written.</summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Local ? v.ToUniversalTime() : DateTime.SpecifyKind(v, DateTimeKind.Utc),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

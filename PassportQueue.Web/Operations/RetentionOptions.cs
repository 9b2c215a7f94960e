using PassportQueue.Core.Retention;
namespace PassportQueue.Web.Operations;

/// <summary><c>Retention</c>: how long a booking's personal data is kept after the booking ended.</summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>Days after a booking ended (completed, returned, forfeited) before its personal data is pseudonymised.</summary>
    public int Days { get; set; } = RetentionPolicy.DefaultDays;

    /// <summary>Bookings pseudonymised per transaction.</summary>
    public int BatchSize { get; set; } = 200;
}

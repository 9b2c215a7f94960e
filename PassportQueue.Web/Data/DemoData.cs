using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PassportQueue.Core.Bookings;
using PassportQueue.Core.Offices;
using PassportQueue.Core.Phones;

namespace PassportQueue.Web.Data;

/// <summary>
/// Development only: a morning's worth of bookings for today and tomorrow at every office, so
/// that the dashboard has something to show. Written through the same store as real bookings.
/// Runs only on a database without bookings.
/// </summary>
public sealed partial class DemoData(
    IDbContextFactory<PassportQueueDbContext> contexts, OfficeDirectory offices, IBookingStore store, BookingRules rules, TimeProvider time, ILogger<DemoData> logger)
{
    private static readonly string[] Names =
    [
        "Budi Santoso", "Siti Nurhaliza", "Agus Salim", "Dewi Lestari", "Ni Luh Putu Ayu", "Muh. Ma'ruf Amin",
        "Rina Wulandari", "Hendra Gunawan", "Yohana Sitompul", "Fransiska Dewi", "Putu Wijaya", "Andi Mappanyukki",
    ];

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            if (await db.Bookings.AnyAsync(cancellationToken))
            {
                return;
            }
        }

        var now = time.GetUtcNow();
        var count = 0;
        foreach (var (office, officeIndex) in (await offices.AllAsync(cancellationToken)).Select((o, i) => (o, i)))
        {
            var today = office.Calendar.LocalDate(now);
            for (var i = 0; i < Names.Length; i++)
            {
                var date = i < 8 ? today : today.AddDays(1);
                var birth = new DateOnly(1960 + (i * 5 % 45) + officeIndex, 1 + (i % 12), 1 + (i * 7 % 28));
                var phone = PhoneNumber.Parse($"+62812{officeIndex + 1:D2}{i + 1:D6}");
                var plan = new BookingPlan(
                    office.Id, office.Code, phone, Names[i].ToUpperInvariant(), PersonKey.For(Names[i], birth), birth,
                    office.Settings.MessageFormat == MessageFormat.AddressWithIdPhoto ? "Jl. Engku Putri No. 3, Batam Centre" : null,
                    AgePolicy.Classify(birth, date), [BookingPlanner.DayPlanFor(office.Calendar, date, StartOf(office, date))], [], RefusalReason.DayFull, rules, now.UtcDateTime);
                var message = new IncomingRecord(
                    string.Create(CultureInfo.InvariantCulture, $"demo-{office.Code}-{i}"), office.Id, phone, $"#{Names[i]}#demo", now.UtcDateTime);
                if (await store.BookAsync(message, plan, cancellationToken) is Core.Bookings.BookingConfirmed)
                {
                    count++;
                }
            }
        }

        LogSeeded(logger, count);
    }

    /// <summary>Demo bookings fill a day from its first slot, as if booked before the day began.</summary>
    private static DateTimeOffset StartOf(Core.Offices.Office office, DateOnly date) =>
        new(office.Calendar.ToUtc(date, TimeOnly.MinValue), TimeSpan.Zero);

    [LoggerMessage(Level = LogLevel.Information, Message = "Development demo data: {Count} bookings for today and tomorrow")]
    private static partial void LogSeeded(ILogger logger, int count);
}

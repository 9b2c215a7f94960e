using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using PassportQueue.Core.Offices;
using PassportQueue.Web.Data;
using PassportQueue.Web.Data.Sql;

namespace PassportQueue.Tests.Web.Data;

public sealed class DatabaseSetupTests
{
    [Fact]
    public async Task SeedsOfficesFromConfigurationWithPerOfficeOverrides()
    {
        await using var h = await EngineHarness.StartAsync(
            new Dictionary<string, string?> { ["Offices:BGR:DailyQuota"] = "40", ["Offices:BGR:PlacesPerSlot"] = "20" }, Builders.Settings(), Builders.Batam());

        var offices = await h.QueryAsync(db => db.Offices.OrderBy(o => o.Code).ToListAsync());

        Assert.Equal(["BGR", "BTM"], offices.Select(o => o.Code));
        Assert.Equal(40, offices[0].Settings.DailyQuota);
        Assert.Equal(MessageFormat.AddressWithIdPhoto, offices[1].Settings.MessageFormat);
        Assert.Equal(new TimeOnly(7, 30), offices[1].Settings.IntakeOpens);
    }

    [Fact]
    public async Task KeepsTheDatabaseAsTheSourceOfTruthAfterTheFirstStart()
    {
        await using var first = await EngineHarness.StartAsync(
            new Dictionary<string, string?> { ["Offices:BGR:DailyQuota"] = "40", ["Offices:BGR:PlacesPerSlot"] = "50" }, Builders.Settings());

        await using var restarted = await first.SecondNodeAsync(new Dictionary<string, string?> { ["Offices:BGR:DailyQuota"] = "99" });

        Assert.Equal(40, (await restarted.QueryAsync(db => db.Offices.SingleAsync())).Settings.DailyQuota);
    }

    [Fact]
    public async Task JournalsInWalMode()
    {
        await using var h = await EngineHarness.StartAsync();

        var mode = await h.Get<Database>().ReadAsync(s => s.Scalar<string>("PRAGMA journal_mode"), default);

        Assert.Equal("wal", mode);
    }

    [Fact]
    public void ReadsEveryShippedOfficeFromAppSettings()
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"))
            .Build();

        var offices = PassportQueue.Web.Data.DatabaseSetup.ConfiguredOffices(configuration);

        Assert.Equal(["BGR", "BTM", "JKP"], offices.Select(o => o.Code));
        Assert.All(offices, o => Assert.Empty(o.Validate()));
        Assert.Equal((285, 50), (offices[1].DailyQuota, offices[1].PriorityQuota));
        Assert.Equal(2, offices[1].WhatsAppNumbers.Length);
    }

    [Fact]
    public async Task FoldsIdentityKeysStoredBeforeDiacriticsWereFolded()
    {
        await using var first = await EngineHarness.StartAsync();
        await first.BookAsync("+6281234500001", "#José Ma'ruf#04031990#02122026");
        await first.QueryAsync(db => db.Database.ExecuteSqlRawAsync(
            "UPDATE \"Bookings\" SET \"PersonKey\" = 'JOSÉ MARUF|1990-03-04'; UPDATE \"Phones\" SET \"OwnerPersonKey\" = 'JOSÉ MARUF|1990-03-04'"));

        await using var restarted = await first.SecondNodeAsync();

        Assert.Equal("JOSE MARUF|1990-03-04", await restarted.QueryAsync(db => db.Bookings.Select(b => b.PersonKey).SingleAsync()));
        Assert.Equal("JOSE MARUF|1990-03-04", await restarted.QueryAsync(db => db.Phones.Select(p => p.OwnerPersonKey).SingleAsync()));
        var again = Assert.IsType<PassportQueue.Core.Bookings.BookingRefused>(await restarted.SendAsync("+6281234500002", "#JOSE MARUF#04031990#03122026"));
        Assert.Equal(PassportQueue.Core.Bookings.RefusalReason.PersonHasActiveBooking, again.Reason);
    }
}

using Bunit;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using PassportQueue.Core.Blacklist;
using PassportQueue.Core.Bookings;
using PassportQueue.Core.Offices;
using PassportQueue.Tests.Web.Data;
using PassportQueue.Web.Data;
using PassportQueue.Web.Data.Sql;
using PassportQueue.Web.Accounts;
using PassportQueue.Web.Channel;
using PassportQueue.Web.Counters;
using PassportQueue.Web.Reporting;

namespace PassportQueue.Tests.Web.Components;

/// <summary>
/// A bUnit context for dashboard pages: MudBlazor without transitions, loose JS interop, a
/// signed-in staff member, and the real engine services on a SQLite file (<see cref="EngineHarness"/>).
/// </summary>
internal sealed class DashboardContext : BunitContext
{
    private DashboardContext(EngineHarness engine)
    {
        Engine = engine;
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices(o => o.SnackbarConfiguration.ShowTransitionDuration = o.SnackbarConfiguration.HideTransitionDuration = 0);
        Services.AddLocalization();
        // The counter's calls remember the chosen counter in the browser's storage; here the browser remembers nothing.
        Services.AddDataProtection();
        Services.AddScoped<Microsoft.AspNetCore.Components.Server.ProtectedBrowserStorage.ProtectedLocalStorage>();
        Services.AddSingleton(engine.Get<CounterDesk>());
        Services.AddSingleton(engine.Get<IPhoneRegistry>());
        Services.AddSingleton(engine.Get<OfficeDirectory>());
        Services.AddSingleton<IOfficeDirectory>(engine.Get<OfficeDirectory>());
        Services.AddSingleton(engine.Get<ChangeFeed>());
        Services.AddSingleton(engine.Get<TodayQueries>());
        Services.AddSingleton(engine.Get<SupervisorQueries>());
        Services.AddSingleton(engine.Get<PassportQueue.Web.Rings.RingQueries>());
        Services.AddSingleton(engine.Get<PassportQueue.Web.Counters.QueueCalls>());
        Services.AddSingleton<TimeProvider>(engine.Clock);
        Services.AddSingleton(new CounterQueries(
            engine.Get<IDbContextFactory<PassportQueueDbContext>>(),
            new IdPhotoStore(engine.Get<IDbContextFactory<PassportQueueDbContext>>(), new EphemeralDataProtectionProvider(), engine.Clock)));
    }

    public EngineHarness Engine { get; }

    public static async Task<DashboardContext> StartAsync(string role, string? office, params OfficeSettings[] offices)
    {
        var context = new DashboardContext(await EngineHarness.StartAsync(offices));
        var auth = context.AddAuthorization();
        auth.SetAuthorized($"{role.ToLowerInvariant()}@test");
        auth.SetRoles(role);
        if (office is not null)
        {
            auth.SetClaims(new System.Security.Claims.Claim(StaffClaims.Office, office));
        }

        return context;
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        await Engine.DisposeAsync();
    }
}

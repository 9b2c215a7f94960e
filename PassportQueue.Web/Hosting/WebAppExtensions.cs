using PassportQueue.Web.Channel.Simulator;
using PassportQueue.Web.Accounts;
using PassportQueue.Web.Ballot;
using PassportQueue.Web.Channel;
using PassportQueue.Web.Channel.Twilio;
using PassportQueue.Web.Operations;
using PassportQueue.Web.Reporting;
using Microsoft.AspNetCore.HttpOverrides;
using MudBlazor.Services;
using PassportQueue.Web.Components;
using PassportQueue.Web.Components.Common;
using PassportQueue.Web.Security;

namespace PassportQueue.Web.Hosting;

/// <summary>The application put together: its services, its request pipeline, and its endpoints.</summary>
public static class WebAppExtensions
{
    /// <summary>Every service: the data, the WhatsApp channel, the jobs, staff sign-in and the dashboard.</summary>
    public static WebApplicationBuilder AddPassportQueue(this WebApplicationBuilder builder)
    {
        // Run from a build (not a publish) in any environment, the dashboard's scripts and styles come from
        // the build's static-web-assets manifest; ASP.NET Core reads it by itself only in Development.
        // A published app has no such manifest and serves its wwwroot as usual.
        Microsoft.AspNetCore.Hosting.StaticWebAssets.StaticWebAssetsLoader.UseStaticWebAssets(builder.Environment, builder.Configuration);
        builder.AddPassportQueueData();
        builder.AddChannel();
        builder.AddTwilio();
        builder.AddSimulator();
        builder.AddJobs();
        builder.AddStaffAuth();
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddMudServices();
        builder.Services.AddLocalization();
        builder.Services.AddPassportQueueHealth();
        builder.Services.AddSignInRateLimit(builder.Configuration);
        builder.Services.AddPassportQueueTelemetry(builder.Configuration);
        return builder;
    }

    /// <summary>The request pipeline, in order.</summary>
    public static WebApplication UsePassportQueue(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
            app.UseHsts();
        }

        app.UseSecurityHeaders();
        // Behind a reverse proxy Twilio's signature covers the public URL: take scheme and host from it
        // (and so cookies are marked secure when the proxy speaks HTTPS).
        // The client's address comes from a proxy on this machine too: sign-ins are audited and limited by it.
        app.UseForwardedHeaders(new ForwardedHeadersOptions
        {
            ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost,
        });
        app.UseRateLimiter();
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseRequestLocalization(DashboardCulture.Options());
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        return app;
    }

    /// <summary>The dashboard, the webhooks and the small endpoints beside them.</summary>
    public static WebApplication MapPassportQueue(this WebApplication app)
    {
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.MapPassportQueueHealth();
        app.MapPassportQueueMetrics(app.Configuration);
        app.MapChannel();
        app.MapTwilioWebhooks();
        app.MapStaffAuth();
        app.MapGet("/culture/{name}", DashboardCulture.Switch);
        app.MapReportExport();
        app.MapBallotDownloads();
        return app;
    }
}

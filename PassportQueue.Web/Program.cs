using Microsoft.AspNetCore.HttpOverrides;
using MudBlazor.Services;
using PassportQueue.Web.Auth;
using PassportQueue.Web.Components;
using PassportQueue.Web.Data;
using PassportQueue.Web.Hosting;
using PassportQueue.Web.Jobs;
using PassportQueue.Web.WhatsApp;
using PassportQueue.Web.Components.Common;

var builder = WebApplication.CreateBuilder(args);
// Run from a build (not a publish) in any environment, the dashboard's scripts and styles come from
// the build's static-web-assets manifest; ASP.NET Core reads it by itself only in Development.
// A published app has no such manifest and serves its wwwroot as usual.
Microsoft.AspNetCore.Hosting.StaticWebAssets.StaticWebAssetsLoader.UseStaticWebAssets(builder.Environment, builder.Configuration);
builder.AddPassportQueueData();
builder.AddWhatsApp();
builder.AddJobs();
builder.AddStaffAuth();
builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddMudServices();
builder.Services.AddLocalization();

var app = builder.Build();
await app.PrepareDatabaseAsync();
if (UserCommand.Matches(args))
{
    Environment.ExitCode = await UserCommand.RunAsync(app.Services, args, Console.Out);
    return;
}

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
    app.UseHsts();
}

// Behind a reverse proxy Twilio's signature covers the public URL: take scheme and host from it.
app.UseForwardedHeaders(new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost });
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseRequestLocalization(DashboardCulture.Options());
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();
app.MapStaticAssets();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
app.MapGet("/healthz", () => TypedResults.Ok("ok"));
app.MapWhatsAppWebhooks();
app.MapStaffAuth();
app.MapGet("/culture/{name}", DashboardCulture.Switch);
app.MapReportExport();

await app.RunAsync();

/// <summary>The web application's entry point; public for WebApplicationFactory in the tests.</summary>
public partial class Program;

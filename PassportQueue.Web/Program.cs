using PassportQueue.Web.Components;
using PassportQueue.Web.Data;

var builder = WebApplication.CreateBuilder(args);
builder.AddPassportQueueData();
builder.Services.AddRazorComponents().AddInteractiveServerComponents();

var app = builder.Build();
await app.PrepareDatabaseAsync();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
    app.UseHsts();
}

app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseAntiforgery();
app.MapStaticAssets();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
app.MapGet("/healthz", () => TypedResults.Ok("ok"));

await app.RunAsync();

/// <summary>The web application's entry point; public for WebApplicationFactory in the tests.</summary>
public partial class Program;

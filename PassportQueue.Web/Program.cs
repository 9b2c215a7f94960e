using PassportQueue.Web.Accounts;
using PassportQueue.Web.Ballot;
using PassportQueue.Web.Hosting;
using PassportQueue.Web.Operations;

if (BallotCommand.Matches(args))
{
    Environment.ExitCode = await BallotCommand.RunAsync(args, Console.Out);
    return;
}

var builder = WebApplication.CreateBuilder(args);
builder.AddPassportQueue();

var app = builder.Build();
if (BackupCommand.Matches(args))
{
    Environment.ExitCode = await BackupCommand.RunAsync(app.Services, args, Console.Out);
    return;
}

await app.PrepareDatabaseAsync();
if (UserCommand.Matches(args))
{
    Environment.ExitCode = await UserCommand.RunAsync(app.Services, args, Console.Out);
    return;
}

app.UsePassportQueue();
app.MapPassportQueue();
await app.RunAsync();

/// <summary>The web application's entry point; public for WebApplicationFactory in the tests.</summary>
public partial class Program;

using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using PassportQueue.Web.Data.Records;

namespace PassportQueue.Web.Accounts;

/// <summary>
/// The dashboard's live connection (a Blazor circuit can stay open for hours) checks its user again
/// every <see cref="StaffSessions.Interval"/> on the injected clock; when access has been taken
/// away, the circuit's user becomes anonymous and every page shows the sign-in instead.
/// </summary>
public sealed partial class StaffCircuitAuthentication(IServiceScopeFactory scopes, TimeProvider time, ILogger<StaffCircuitAuthentication> logger)
    : ServerAuthenticationStateProvider, IHostEnvironmentAuthenticationStateProvider, IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private Task? _loop;

    /// <summary>Starts checking once the circuit knows its user (the framework hands it over through the interface, which this re-implements).</summary>
    public new void SetAuthenticationState(Task<AuthenticationState> authenticationStateTask)
    {
        base.SetAuthenticationState(authenticationStateTask);
        _loop ??= RevalidateAsync(_stop.Token);
    }

    public void Dispose()
    {
        _stop.Cancel();
        _stop.Dispose();
    }

    private async Task RevalidateAsync(CancellationToken ct)
    {
        try
        {
            while (!ct.IsCancellationRequested)
            {
                await Task.Delay(StaffSessions.Interval, time, ct);
                var principal = (await GetAuthenticationStateAsync()).User;
                if (principal.Identity?.IsAuthenticated != true)
                {
                    return;
                }

                if (await StillValidAsync(principal) == false)
                {
                    LogSessionEnded(logger);
                    base.SetAuthenticationState(Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity()))));
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The circuit closed.
        }
    }

    /// <summary>Whether the user may go on; null when it could not be checked (the database did not answer): checked again at the next interval, the loop never ends on it.</summary>
    private async Task<bool?> StillValidAsync(ClaimsPrincipal principal)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            return await StaffSessions.StillValidAsync(scope.ServiceProvider.GetRequiredService<SignInManager<StaffUser>>(), principal) is not null;
        }
#pragma warning disable CA1031 // A failed check is tried again a minute later, not the end of the checks.
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            LogCheckFailed(logger, ex);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A dashboard session could not be checked; it is checked again at the next interval")]
    private static partial void LogCheckFailed(ILogger logger, Exception ex);

    [LoggerMessage(Level = LogLevel.Information, Message = "A dashboard session ended: the account was disabled, locked out or changed")]
    private static partial void LogSessionEnded(ILogger logger);
}

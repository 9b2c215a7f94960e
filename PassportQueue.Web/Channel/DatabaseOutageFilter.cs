using Microsoft.AspNetCore.Http.HttpResults;
using PassportQueue.Web.Data.Sql;

namespace PassportQueue.Web.Channel;

/// <summary>
/// While the database is down, a webhook is answered 503 with Retry-After, not a 500 with a stack
/// trace: nothing of the message was stored (a unit of work commits whole or not at all), so the
/// same delivery tried again later is handled as new.
/// </summary>
public sealed partial class DatabaseOutageFilter(ILogger<DatabaseOutageFilter> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (Exception ex) when (Database.IsUnavailable(ex))
        {
            LogUnavailable(logger, ex.GetType().Name);
            context.HttpContext.Response.Headers.RetryAfter = "30";
            return TypedResults.Text("The booking service is briefly unavailable; try again shortly.", "text/plain", null, StatusCodes.Status503ServiceUnavailable);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The database is unavailable ({Error}); the webhook answered 503")]
    private static partial void LogUnavailable(ILogger logger, string error);
}

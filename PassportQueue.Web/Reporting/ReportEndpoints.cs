using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using PassportQueue.Web.Accounts;

namespace PassportQueue.Web.Reporting;

/// <summary>The reports as CSV: <c>GET /laporan.csv?office=BGR&amp;from=2026-12-01&amp;to=2026-12-14</c>, supervisors only, within their office.</summary>
public static class ReportEndpoints
{
    public static IEndpointRouteBuilder MapReportExport(this IEndpointRouteBuilder app)
    {
        app.MapGet("/laporan.csv", async Task<Results<FileContentHttpResult, ContentHttpResult>> (
            HttpContext context, ReportQueries reports, string? office, string? from, string? to, CancellationToken ct) =>
        {
            var staff = Staff.From(context.User);
            var code = staff?.IsAdmin == true ? office ?? string.Empty : staff?.OfficeCode ?? string.Empty;
            if (staff is null || !staff.MaySee(code)
                || !DateOnly.TryParseExact(from, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first)
                || !DateOnly.TryParseExact(to, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var last)
                || last < first || last.DayNumber - first.DayNumber > 366)
            {
                return TypedResults.Content(
                    "Give office (admins), from and to as yyyy-MM-dd, at most a year apart.", "text/plain", Encoding.UTF8, StatusCodes.Status400BadRequest);
            }

            var csv = ReportQueries.Csv(await reports.DailyAsync(code, first, last, ct));
            return TypedResults.File(Encoding.UTF8.GetBytes(csv), "text/csv", $"laporan-{code}-{first:yyyyMMdd}-{last:yyyyMMdd}.csv");
        }).RequireAuthorization(new Microsoft.AspNetCore.Authorization.AuthorizeAttribute { Roles = Roles.Supervisors });
        return app;
    }
}

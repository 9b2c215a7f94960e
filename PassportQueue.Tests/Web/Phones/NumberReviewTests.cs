using Bunit;
using PassportQueue.Core.Audit;
using PassportQueue.Core.Blacklist;
using PassportQueue.Core.Phones;
using PassportQueue.Web.Accounts;
using PassportQueue.Web.Phones;
using PassportQueue.Tests.Web.Components;

namespace PassportQueue.Tests.Web.Phones;

public sealed class NumberReviewTests
{
    private const string Budi = "+6281234500001";

    [Fact]
    public async Task ShowsAFlaggedNumbersEvidenceAndRefusesADecisionWithoutAReason()
    {
        await using var ctx = await DashboardContext.StartAsync(Roles.Supervisor, "BGR");
        await ctx.Engine.BookAsync(Budi, "#Budi Santoso#25011987#02122026");
        await ctx.Engine.SendAsync(Budi, "#JOKO#01011980#03122026");
        var page = ctx.Render<FlaggedNumbers>();
        page.WaitForElement("[data-testid=number-item]");

        await page.Find("[data-testid=number-item]").ClickAsync(new());
        page.WaitForElement("[data-testid=timeline]");
        await page.Find("[data-testid=blacklist]").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Contains("Alasan wajib diisi", page.Find("[data-testid=decision-notice]").TextContent, StringComparison.Ordinal));
        Assert.Contains("#JOKO#01011980#03122026", page.Find("[data-testid=timeline]").TextContent, StringComparison.Ordinal);
        Assert.Equal(PhoneStanding.Flagged, (await ctx.Engine.Get<IPhoneRegistry>().FindAsync(PhoneNumber.Parse(Budi), default))!.Standing);
    }

    [Fact]
    public async Task BlacklistsWithAReasonAndTheNumberLeavesTheFlaggedList()
    {
        await using var ctx = await DashboardContext.StartAsync(Roles.Supervisor, "BGR");
        await ctx.Engine.BookAsync(Budi, "#Budi Santoso#25011987#02122026");
        await ctx.Engine.Get<IPhoneRegistry>().FlagAsync(PhoneNumber.Parse(Budi), FlagReason.Officer, "iseng", Actor.Staff("petugas"), default);
        var page = ctx.Render<FlaggedNumbers>();
        page.WaitForElement("[data-testid=number-item]");
        await page.Find("[data-testid=number-item]").ClickAsync(new());
        page.WaitForElement("[data-testid=timeline]");

        await page.Find("input[data-testid=decision-reason]").ChangeAsync(new() { Value = "terbukti calo" });
        await page.Find("[data-testid=blacklist]").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Contains("Tersimpan", page.Find("[data-testid=decision-notice]").TextContent, StringComparison.Ordinal));
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=number-item]")));
        Assert.Equal(PhoneStanding.Blacklisted, (await ctx.Engine.Get<IPhoneRegistry>().FindAsync(PhoneNumber.Parse(Budi), default))!.Standing);
    }

    [Fact]
    public async Task ASupervisorOfAnotherOfficeDoesNotSeeTheNumber()
    {
        await using var ctx = await DashboardContext.StartAsync(Roles.Supervisor, "JKP");
        await ctx.Engine.BookAsync(Budi, "#Budi Santoso#25011987#02122026");
        await ctx.Engine.Get<IPhoneRegistry>().FlagAsync(PhoneNumber.Parse(Budi), FlagReason.Officer, "iseng", Actor.Staff("petugas"), default);

        var page = ctx.Render<FlaggedNumbers>();

        page.WaitForElement("[data-testid=numbers-empty]");
        Assert.Empty(page.FindAll("[data-testid=number-item]"));
    }
}

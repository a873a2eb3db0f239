using Cotravail.BrowserTests.Infrastructure;
using Cotravail.BrowserTests.Pages;
using Cotravail.Modules.Demo;

namespace Cotravail.BrowserTests.Journeys;

[Collection(BrowserCollection.Name)]
public sealed class JoiningJourneys(BrowserApp app)
{
    [Fact]
    public async Task A_visitor_asks_to_join_Lyon_the_Lyon_manager_approves_and_the_visitor_signs_in()
    {
        var email = $"nina.{Guid.NewGuid():N}@cotravail.test";
        const string password = "Nina-passphrase-2026";
        var visitor = await app.NewPageAsync("fr-FR");
        var join = new JoinPage(visitor);
        await join.OpenFromLocationAsync(DemoAccounts.LyonSlug);
        await visitor.ShouldHaveNoViolationsAsync();
        await join.AskAsync("Nina", "Roux", email, "Freelancer", "Graphiste, trois jours par semaine.", password);
        (await join.Confirmation.InnerTextAsync()).ShouldContain("Lyon Part-Dieu");

        var manager = await app.NewPageAsync("fr-FR");
        await new SignInPage(manager).SignInAsync(DemoAccounts.LyonManager, DemoAccounts.Password);
        var requests = new JoinRequestsPage(manager);
        await requests.OpenAsync();
        (await requests.Request("Nina Roux").InnerTextAsync()).ShouldContain("Graphiste");
        await manager.ShouldHaveNoViolationsAsync();
        await requests.ApproveAsync("Nina Roux");
        (await requests.NoticeAsync()).ShouldContain("Nina Roux est maintenant membre.");

        var member = await app.NewPageAsync("fr-FR");
        await new SignInPage(member).SignInAsync(email, password);
        var home = await member.Locator("main").InnerTextAsync();
        home.ShouldContain("Mon adhésion");
        home.ShouldContain("Lyon Part-Dieu");
    }

    [Fact]
    public async Task The_account_joining_and_outbox_pages_are_accessible()
    {
        var visitor = await app.NewPageAsync("en-GB");
        foreach (var path in new[] { "/account/forgot-password", "/account/reset-password?userId=00000000-0000-0000-0000-000000000000&code=x", "/join/accept?token=unknown" })
        {
            await visitor.GotoAsync(path);
            await visitor.ShouldHaveNoViolationsAsync();
        }
        var admin = await app.NewPageAsync("fr-FR");
        await new SignInPage(admin).SignInAsync(DemoAccounts.NetworkAdmin, DemoAccounts.Password);
        foreach (var path in new[] { "/admin/join-requests", "/admin/invitations", "/admin/outbox" })
        {
            await admin.GotoAsync(path);
            await admin.ShouldHaveNoViolationsAsync();
        }
        var company = await app.NewPageAsync("fr-FR");
        await new SignInPage(company).SignInAsync(DemoAccounts.CompanyAdmin, DemoAccounts.Password);
        await company.GotoAsync("/me/company");
        (await company.Locator("#company-members tbody tr").CountAsync()).ShouldBeGreaterThan(0);
        await company.ShouldHaveNoViolationsAsync();
    }
}

using Cotravail.BrowserTests.Infrastructure;
using Cotravail.BrowserTests.Pages;
using Cotravail.Modules.Demo;

namespace Cotravail.BrowserTests.Journeys;

[Collection(BrowserCollection.Name)]
public sealed class StaffJourneys(BrowserApp app)
{
    [Fact]
    public async Task The_demo_admin_makes_the_demo_member_host_at_Lyon_and_the_staff_page_shows_it()
    {
        var page = await app.NewPageAsync("en-GB");
        await new SignInPage(page).SignInAsync(DemoAccounts.NetworkAdmin, DemoAccounts.Password);
        var staff = new StaffPage(page);
        await staff.OpenAsync();
        await page.ShouldHaveNoViolationsAsync();

        await staff.GrantAsync(DemoAccounts.Member, "Lyon Part-Dieu", "Host");

        (await staff.NoticeAsync()).ShouldContain("Host at Lyon Part-Dieu");
        (await staff.RolesOfAsync(DemoAccounts.Member)).ShouldContain("Host at Lyon Part-Dieu");
        await page.ShouldHaveNoViolationsAsync();

        // Other journeys use the demo member as a plain member: the role is removed again.
        await staff.RemoveRoleAsync(DemoAccounts.Member, "Host at Lyon Part-Dieu");
        (await staff.Person(DemoAccounts.Member).CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task The_paris_manager_approves_tomorrow_s_request_from_the_dashboard_which_passes_axe_in_both_languages()
    {
        var page = await app.NewPageAsync("en-GB");
        await new SignInPage(page).SignInAsync(DemoAccounts.ParisManager, DemoAccounts.Password);
        await page.GotoAsync("/admin");
        await page.Locator("#chart-next-7").WaitForAsync();
        (await page.Locator("#chart-weeks").GetAttributeAsync("role")).ShouldBe("img");
        await page.ShouldHaveNoViolationsAsync();

        // The demo leaves a request for tomorrow in the large room: it is decided here, whatever its date.
        var row = page.Locator("#inbox tbody tr").Filter(new() { HasText = "Salle Coupole" });
        (await row.CountAsync()).ShouldBe(1);
        (await page.Locator("#nav-pending").CountAsync()).ShouldBe(1);
        await row.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Approve the request of" }).ClickAsync();

        (await page.Locator("[role=status]").InnerTextAsync()).ShouldContain("The request is approved.");
        (await page.Locator("#inbox tbody tr").Filter(new() { HasText = "Salle Coupole" }).CountAsync()).ShouldBe(0);
        await page.ShouldHaveNoViolationsAsync();

        // The community's health (ADR 29): the demo's week has new connections at Paris, as counts beside a chart.
        await page.Locator(".admin-nav a[href='/admin/community']").ClickAsync();
        await page.WaitForURLAsync("**/admin/community");
        (await page.Locator("#figure-connections .figure").InnerTextAsync()).ShouldNotBe("0");
        (await page.Locator("#chart-connections").GetAttributeAsync("role")).ShouldBe("img");
        await page.ShouldHaveNoViolationsAsync();

        var french = await app.NewPageAsync("fr-FR");
        await new SignInPage(french).SignInAsync(DemoAccounts.NetworkAdmin, DemoAccounts.Password);
        await french.GotoAsync("/admin");
        await french.Locator("#chart-next-30").WaitForAsync();
        (await french.Locator("#requests-heading").InnerTextAsync()).ShouldContain("Demandes en attente d'approbation");
        await french.Locator("#ahead-heading ~ .charts details summary").First.ClickAsync();
        await french.ShouldHaveNoViolationsAsync();
    }
}

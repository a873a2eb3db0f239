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
}

using Microsoft.Playwright;

namespace Cotravail.BrowserTests.Pages;

/// /admin/staff: network admins give and remove staff roles.
internal sealed class StaffPage(IPage page)
{
    public Task OpenAsync() => page.GotoAsync("/admin/staff");

    public async Task GrantAsync(string email, string locationName, string role)
    {
        await page.Locator("#Input_Email").FillAsync(email);
        await page.Locator("#Input_LocationId").SelectOptionAsync(new SelectOptionValue { Label = locationName });
        await page.Locator("#Input_Role").SelectOptionAsync(role);
        await page.Locator("form[aria-labelledby=grant-title] button[type=submit]").ClickAsync();
        await page.Locator("p.notice[role=status]").WaitForAsync();
    }

    public ILocator Person(string email) => page.Locator($"#staff tbody tr[data-email='{email}']");

    public Task<string> RolesOfAsync(string email) => Person(email).Locator("td").Nth(2).InnerTextAsync();

    public async Task RemoveRoleAsync(string email, string roleText)
    {
        await Person(email).Locator("li.staff-role", new() { HasText = roleText }).Locator("button").ClickAsync();
        await page.Locator("p.notice[role=status]").WaitForAsync();
    }

    public Task<string> NoticeAsync() => page.Locator("p.notice[role=status]").InnerTextAsync();
}

using Microsoft.Playwright;

namespace Cotravail.BrowserTests.Pages;

/// /join/{slug}: a visitor's request to become a member.
internal sealed class JoinPage(IPage page)
{
    public async Task OpenFromLocationAsync(string slug)
    {
        await new LocationPage(page).OpenAsync(slug);
        await page.Locator($"main a[href='/join/{slug}']").ClickAsync();
        await page.WaitForURLAsync($"**/join/{slug}");
    }

    public async Task AskAsync(string firstName, string lastName, string email, string category, string message, string password)
    {
        await page.Locator("#Input_FirstName").FillAsync(firstName);
        await page.Locator("#Input_LastName").FillAsync(lastName);
        await page.Locator("#Input_Email").FillAsync(email);
        await page.Locator("#Input_Category").SelectOptionAsync(category);
        await page.Locator("#Input_Message").FillAsync(message);
        await page.Locator("#Input_Password").FillAsync(password);
        await page.Locator("main form button[type=submit]").ClickAsync();
    }

    public ILocator Confirmation => page.Locator("#join-sent");
}

/// /admin/join-requests: a manager's pending requests.
internal sealed class JoinRequestsPage(IPage page)
{
    public Task OpenAsync() => page.GotoAsync("/admin/join-requests");

    public ILocator Request(string fullName) =>
        page.Locator("#join-requests li", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = fullName, Exact = true }) });

    public async Task ApproveAsync(string fullName)
    {
        await Request(fullName).Locator("form[action*='handler=Approve'] button").ClickAsync();
        await page.WaitForURLAsync("**/admin/join-requests");
    }

    public Task<string> NoticeAsync() => page.Locator("p.notice[role=status]").InnerTextAsync();
}

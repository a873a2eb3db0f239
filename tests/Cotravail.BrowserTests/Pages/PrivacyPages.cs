using Microsoft.Playwright;

namespace Cotravail.BrowserTests.Pages;

/// /me/data: download my data, erase my account.
internal sealed class MyDataPage(IPage page)
{
    public Task OpenAsync() => page.GotoAsync("/me/data");

    /// Clicks "Download as JSON" and returns the downloaded file's text.
    public async Task<string> DownloadJsonAsync()
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#download-json").ClickAsync());
        var path = await download.PathAsync();
        return await File.ReadAllTextAsync(path);
    }

    public async Task EraseAsync(string password)
    {
        await page.Locator("#Input_Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Effacer mon compte" }).ClickAsync();
        await page.WaitForURLAsync("**/privacy?erased=true");
    }
}

/// /privacy, the network's privacy policy.
internal sealed class PrivacyPolicyPage(IPage page)
{
    public Task<string> NoticeAsync() => page.Locator("main .notice").InnerTextAsync();
}

/// A sign-in that is expected to fail: stays on the form and shows the message.
internal sealed class RefusedSignIn(IPage page)
{
    public async Task<string> TryAsync(string email, string password)
    {
        await page.GotoAsync("/account/sign-in");
        await page.Locator("#Input_Email").FillAsync(email);
        await page.Locator("#Input_Password").FillAsync(password);
        await page.Locator("main form button[type=submit]").ClickAsync();
        return await page.Locator(".validation-summary-errors").InnerTextAsync();
    }
}

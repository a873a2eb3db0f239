using Cotravail.Common.Auth;
using Microsoft.Playwright;

namespace Cotravail.BrowserTests.Pages;

/// /me/security/two-factor: what a person reads (the key) and types (the app's code).
internal sealed class TwoFactorSetupPage(IPage page)
{
    public async Task OpenAsync()
    {
        await page.GotoAsync("/me/security");
        await page.Locator("a[href='/me/security/two-factor']").ClickAsync();
        await page.WaitForURLAsync("**/me/security/two-factor");
        await page.Locator("#start-setup").ClickAsync();
        await page.Locator("#shared-key").WaitForAsync();
    }

    /// The key as shown on the page, decoded as an authenticator app would.
    public async Task<byte[]> KeyAsync() =>
        Base32.Decode((await page.Locator("#shared-key").InnerTextAsync()).Replace(" ", "", StringComparison.Ordinal));

    public Task<bool> ShowsQrCodeAsync() => page.Locator("img.qr").IsVisibleAsync();

    public async Task ConfirmAsync(string code)
    {
        await page.Locator("#Input_Code").FillAsync(code);
        await page.Locator("main form button[type=submit]").ClickAsync();
        await page.Locator("ul.recovery-codes").WaitForAsync();
    }

    public Task<int> RecoveryCodeCountAsync() => page.Locator("ul.recovery-codes li").CountAsync();
}

internal sealed class SecurityPage(IPage page)
{
    public Task OpenAsync() => page.GotoAsync("/me/security");

    public Task<string> TwoFactorStatusAsync() => page.Locator("#two-factor-status").InnerTextAsync();
}

internal sealed class SignOutPage(IPage page)
{
    public async Task SignOutAsync()
    {
        await page.GotoAsync("/account/sign-out");
        await page.Locator("main form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/sign-out", StringComparison.Ordinal));
    }
}

/// The second step of signing in, for accounts with two-factor authentication.
internal sealed class TwoFactorSignInPage(IPage page)
{
    public async Task SignInAsync(string email, string password, Func<string> code)
    {
        await page.GotoAsync("/account/sign-in");
        await page.Locator("#Input_Email").FillAsync(email);
        await page.Locator("#Input_Password").FillAsync(password);
        await page.Locator("main form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync("**/account/sign-in/two-factor**");
        await page.Locator("#Input_Code").FillAsync(code());
        await page.Locator("main form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync("**/me");
    }
}

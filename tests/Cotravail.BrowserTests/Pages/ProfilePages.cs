using Microsoft.Playwright;

namespace Cotravail.BrowserTests.Pages;

/// /me/profile: one's name, phone, billing address and language.
internal sealed class ProfilePage(IPage page)
{
    public Task OpenAsync() => page.GotoAsync("/me/profile");

    public async Task FillAddressAsync(string street, string postalCode, string city, string countryCode)
    {
        await page.Locator("#Input_Street").FillAsync(street);
        await page.Locator("#Input_PostalCode").FillAsync(postalCode);
        await page.Locator("#Input_City").FillAsync(city);
        await page.Locator("#Input_CountryCode").FillAsync(countryCode);
    }

    public Task SaveAsync() => page.Locator("main form button[type=submit]").ClickAsync();

    public Task<string> ErrorForAsync(string field) => page.Locator($"#Input_{field}-error").InnerTextAsync();

    public Task<string> ValueOfAsync(string field) => page.Locator($"#Input_{field}").InputValueAsync();
}

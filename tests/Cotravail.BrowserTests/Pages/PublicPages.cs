using Microsoft.Playwright;

namespace Cotravail.BrowserTests.Pages;

/// Page objects: what a person sees and does, not CSS selectors, in the journeys.
internal sealed class HomePage(IPage page)
{
    public Task OpenAsync() => page.GotoAsync("/");

    public Task<string> HeadingOfSpacesAsync() => page.Locator("main h2").First.InnerTextAsync();

    public ILocator LocationLink(string name) => page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true });

    public async Task SwitchLanguageAsync(string value)
    {
        await page.Locator("#culture-picker").SelectOptionAsync(value); // applies on change (site.js)
        await page.WaitForFunctionAsync($"document.documentElement.lang === '{value}'");
    }
}

internal sealed class LocationPage(IPage page)
{
    public Task OpenAsync(string slug) => page.GotoAsync($"/locations/{slug}");

    public Task<string> TitleAsync() => page.Locator("main h1").InnerTextAsync();

    public ILocator Resource(string name) => page.Locator("#resources li", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = name, Exact = true }) });

    public ILocator OpeningHours => page.Locator("table.hours");
}

internal sealed class SignInPage(IPage page)
{
    public async Task SignInAsync(string email, string password)
    {
        await page.GotoAsync("/account/sign-in");
        await page.Locator("#Input_Email").FillAsync(email);
        await page.Locator("#Input_Password").FillAsync(password);
        await page.Locator("main form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync("**/me");
    }
}

internal sealed class ResourceEditPage(IPage page)
{
    public Task OpenNewAsync() => page.GotoAsync("/admin/resources/edit");

    public async Task FillAsync(string location, string name, string kind, int capacity, string memberHourly, params string[] amenities)
    {
        await page.Locator("#Input_LocationId").SelectOptionAsync(new SelectOptionValue { Label = location });
        await page.Locator("#Input_Name").FillAsync(name);
        await page.Locator("#Input_Kind").SelectOptionAsync(kind);
        await page.Locator("#Input_Capacity").FillAsync(capacity.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator("#Input_MemberHourly").FillAsync(memberHourly);
        foreach (var amenity in amenities)
        {
            await page.Locator($"#amenity-{amenity}").CheckAsync();
        }
    }

    public async Task SaveAsync()
    {
        await page.Locator("main form.stacked button[type=submit]").ClickAsync();
        await page.WaitForLoadStateAsync();
    }

    public Task<string> NoticeAsync() => page.Locator("p.notice[role=status]").InnerTextAsync();

    public Task<string> ErrorForAsync(string field) => page.Locator($"span[data-valmsg-for='Input.{field}']").InnerTextAsync();

    public Task<string> ValueOfAsync(string field) => page.Locator($"#Input_{field}").InputValueAsync();
}

using Cotravail.BrowserTests.Infrastructure;
using Cotravail.BrowserTests.Pages;
using Cotravail.Modules.Demo;

namespace Cotravail.BrowserTests.Journeys;

[Collection(BrowserCollection.Name)]
public sealed class VisitorJourneys(BrowserApp app)
{
    [Fact]
    public async Task A_french_browser_gets_the_home_page_in_french()
    {
        var page = await app.NewPageAsync("fr-FR");
        var home = new HomePage(page);
        await home.OpenAsync();
        (await page.GetAttributeAsync("html", "lang")).ShouldBe("fr");
        (await home.HeadingOfSpacesAsync()).ShouldBe("Nos espaces");
        await home.LocationLink("Paris La Défense").WaitForAsync();
        await page.ShouldHaveNoViolationsAsync();
    }

    [Fact]
    public async Task An_english_browser_gets_the_home_page_in_english_and_can_switch_to_french()
    {
        var page = await app.NewPageAsync("en-GB");
        var home = new HomePage(page);
        await home.OpenAsync();
        (await home.HeadingOfSpacesAsync()).ShouldBe("Our spaces");
        await home.SwitchLanguageAsync("fr");
        (await home.HeadingOfSpacesAsync()).ShouldBe("Nos espaces");
        await home.OpenAsync();
        (await home.HeadingOfSpacesAsync()).ShouldBe("Nos espaces", "the choice is remembered");
    }

    [Fact]
    public async Task A_visitor_browses_a_location_with_its_hours_resources_and_prices()
    {
        var page = await app.NewPageAsync("fr-FR");
        var home = new HomePage(page);
        await home.OpenAsync();
        await home.LocationLink("Lyon Part-Dieu").ClickAsync();
        var location = new LocationPage(page);
        (await location.TitleAsync()).ShouldBe("Lyon Part-Dieu");
        (await location.OpeningHours.InnerTextAsync()).ShouldContain("08:30–19:00");
        var resources = await page.Locator("#resources li").CountAsync();
        resources.ShouldBeGreaterThan(3);
        (await page.Locator("#resources").InnerTextAsync()).ShouldContain("€");
        await page.ShouldHaveNoViolationsAsync();
    }

    [Fact]
    public async Task The_sign_in_page_is_accessible_and_refuses_a_wrong_password_without_losing_the_email()
    {
        var page = await app.NewPageAsync("en-GB");
        await page.GotoAsync("/account/sign-in");
        await page.ShouldHaveNoViolationsAsync();
        await page.Locator("#Input_Email").FillAsync(DemoAccounts.Member);
        await page.Locator("#Input_Password").FillAsync("definitely not it");
        await page.Locator("main form button[type=submit]").ClickAsync();
        (await page.Locator(".validation-summary-errors").InnerTextAsync()).ShouldContain("Invalid email or password.");
        (await page.Locator("#Input_Email").InputValueAsync()).ShouldBe(DemoAccounts.Member);
    }

    [Fact]
    public async Task The_api_docs_page_shows_the_operations_and_is_accessible()
    {
        var page = await app.NewPageAsync("en-GB");
        var blocked = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                blocked.Add(message.Text);
            }
        };
        await page.GotoAsync("/api/docs");
        await page.GetByText("Cotravail API").First.WaitForAsync();
        await page.GetByText("Authenticate with POST /api/v1/auth/token", new() { Exact = false }).First.WaitForAsync();
        await page.ShouldHaveNoViolationsAsync();
        blocked.ShouldBeEmpty("the page's own scripts and styles run under its policy");
    }
}

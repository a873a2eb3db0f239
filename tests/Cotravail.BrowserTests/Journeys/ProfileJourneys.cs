using Cotravail.BrowserTests.Infrastructure;
using Cotravail.BrowserTests.Pages;
using Cotravail.Modules.Demo;

namespace Cotravail.BrowserTests.Journeys;

[Collection(BrowserCollection.Name)]
public sealed class ProfileJourneys(BrowserApp app)
{
    [Theory]
    [InlineData("fr-FR", "Un code postal français compte 5 chiffres.")]
    [InlineData("en-GB", "A French postal code has 5 digits.")]
    public async Task A_member_typing_a_bad_postal_code_sees_why_by_the_field_and_keeps_the_address(string culture, string message)
    {
        var page = await app.NewPageAsync(culture);
        await new SignInPage(page).SignInAsync(DemoAccounts.Member, DemoAccounts.Password);
        var profile = new ProfilePage(page);
        await profile.OpenAsync();
        (await profile.ValueOfAsync("City")).ShouldBe("Paris", "the demo member's address is shown");
        await page.ShouldHaveNoViolationsAsync();

        await profile.FillAddressAsync("8 rue Oberkampf", "750", "Paris", "FR");
        await profile.SaveAsync();

        (await profile.ErrorForAsync("PostalCode")).Trim().ShouldBe(message);
        (await profile.ValueOfAsync("Street")).ShouldBe("8 rue Oberkampf");
        (await profile.ValueOfAsync("PostalCode")).ShouldBe("750");
        await page.ShouldHaveNoViolationsAsync();
    }

    [Fact]
    public async Task The_member_form_with_its_billing_address_is_accessible()
    {
        var page = await app.NewPageAsync("fr-FR");
        await new SignInPage(page).SignInAsync(DemoAccounts.NetworkAdmin, DemoAccounts.Password);
        await page.GotoAsync("/admin/members/edit");
        await page.Locator("#Input_CountryCode").FillAsync("XX");
        await page.Locator("main form button[type=submit]").First.ClickAsync();
        (await page.Locator("[data-valmsg-for='Input.CountryCode']").InnerTextAsync()).Trim().ShouldBe("Code pays n'a pas le format attendu.");
        (await page.Locator("#Input_CountryCode").InputValueAsync()).ShouldBe("XX");
        await page.ShouldHaveNoViolationsAsync();
    }
}

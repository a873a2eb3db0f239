using Cotravail.BrowserTests.Infrastructure;
using Cotravail.BrowserTests.Pages;
using Cotravail.Modules.Demo;
using Microsoft.Playwright;

namespace Cotravail.BrowserTests.Journeys;

/// The demo member finds a neighbour by a French synonym, reads a card written in Markdown, completes their own
/// profile and opens their skills to their location only; every page passes axe, light and dark.
[Collection(BrowserCollection.Name)]
public sealed class CommunityJourneys(BrowserApp app)
{
    [Fact]
    public async Task A_member_finds_a_developer_by_a_french_synonym_and_opens_their_skills_to_their_location()
    {
        var page = await app.NewPageAsync("fr-FR");
        await new SignInPage(page).SignInAsync(DemoAccounts.Member, DemoAccounts.Password);

        await page.GotoAsync("/community");
        await page.ShouldHaveNoViolationsAsync();
        (await page.Locator("#suggestions-title").CountAsync()).ShouldBe(1); // Léa seeks web development and business law
        await page.Locator("#q").FillAsync("développeuse");
        await page.Locator("form[role=search] button[type=submit]").ClickAsync();
        await page.WaitForURLAsync("**/community?q=*");
        var hugo = page.Locator("main .member-card", new() { HasText = "Hugo Lambert" });
        await hugo.WaitForAsync();
        (await hugo.InnerTextAsync()).ShouldContain("Développement web");

        await page.GotoAsync("/community?q=juriste");
        await page.Locator("a", new() { HasText = "Aurélie Chevalier" }).First.ClickAsync();
        await page.Locator("h1", new() { HasText = "Aurélie Chevalier" }).WaitForAsync();
        (await page.Locator(".user-text strong").First.InnerTextAsync()).ShouldBe("portage salarial");
        foreach (var scheme in new[] { ColorScheme.Light, ColorScheme.Dark })
        {
            await page.EmulateMediaAsync(new() { ColorScheme = scheme });
            await page.ShouldHaveNoViolationsAsync();
        }

        await page.GotoAsync("/community/profile");
        await page.ShouldHaveNoViolationsAsync();
        await page.Locator("#Input_Tags").FillAsync("Figma, design system, accessibilité");
        await page.Locator("main form button[type=submit]").ClickAsync();
        await page.Locator(".notice.success").WaitForAsync();
        (await page.Locator("#Input_Tags").InputValueAsync()).ShouldContain("accessibilité");

        await page.GotoAsync("/me/privacy");
        await page.Locator("#Input_Skills_Location").CheckAsync();
        await page.Locator("main form button[type=submit]").ClickAsync();
        await page.Locator(".notice.success").WaitForAsync();
        (await page.Locator("#Input_Skills_Location").IsCheckedAsync()).ShouldBeTrue();
        await page.ShouldHaveNoViolationsAsync();
    }
}

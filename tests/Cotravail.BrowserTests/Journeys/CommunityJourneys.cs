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
        await page.Locator("main form", new() { Has = page.Locator("#Input_Tags") }).Locator("button[type=submit]").ClickAsync();
        await page.Locator(".notice.success").WaitForAsync();
        (await page.Locator("#Input_Tags").InputValueAsync()).ShouldContain("accessibilité");

        await page.GotoAsync("/me/privacy");
        await page.Locator("#Input_Skills_Location").CheckAsync();
        await page.Locator("main form button[type=submit]").ClickAsync();
        await page.Locator(".notice.success").WaitForAsync();
        (await page.Locator("#Input_Skills_Location").IsCheckedAsync()).ShouldBeTrue();
        await page.ShouldHaveNoViolationsAsync();
    }

    /// Issue 15, point 5 (ADR 28): Léa publishes a call for partners, Thomas says he is interested, Léa takes him into
    /// the team; the project page passes axe.
    [Fact]
    public async Task A_member_proposes_a_call_for_partners_another_is_interested_and_the_owner_accepts_them()
    {
        var lea = await app.NewPageAsync("fr-FR");
        await new SignInPage(lea).SignInAsync(DemoAccounts.Member, DemoAccounts.Password);
        await lea.GotoAsync("/community/projects");
        await lea.Locator("main a.button", new() { HasText = "Proposer un projet" }).ClickAsync();
        await lea.Locator("#Input_Title").FillAsync("Film pour les associations du quartier");
        await lea.Locator("#Input_Description").FillAsync("Un **court film** sur les associations : il me faut une vidéaste.");
        await lea.Locator("details:has(#need-video) summary").ClickAsync();
        await lea.Locator("#need-video").CheckAsync();
        await lea.Locator("main form button[type=submit]").ClickAsync();
        await lea.Locator(".notice.success").WaitForAsync();
        var url = lea.Url;
        url.ShouldContain("/community/projects/");

        var thomas = await app.NewPageAsync("fr-FR");
        await new SignInPage(thomas).SignInAsync(DemoAccounts.CompanyAdmin, DemoAccounts.Password);
        await thomas.GotoAsync(url);
        await thomas.Locator("#Note").FillAsync("Je connais une vidéaste, et je peux aider au tournage.");
        await thomas.Locator("#interested").ClickAsync();
        await thomas.Locator(".notice.success").WaitForAsync();

        await lea.ReloadAsync();
        await lea.Locator("button", new() { HasText = "Accepter dans l'équipe" }).ClickAsync();
        await lea.Locator(".notice.success").WaitForAsync();
        (await lea.Locator("section[aria-labelledby=team-title]").InnerTextAsync()).ShouldContain("Thomas Girard");
        (await lea.Locator(".user-text strong").First.InnerTextAsync()).ShouldBe("court film");
        await lea.ShouldHaveNoViolationsAsync();
    }
}

using Cotravail.BrowserTests.Infrastructure;
using Cotravail.BrowserTests.Pages;
using Cotravail.Modules.Demo;
using Microsoft.Playwright;

namespace Cotravail.BrowserTests.Journeys;

/// The app shell of every page (docs/design-system.md): on a 390 px phone the menu folds behind its button and
/// each page's title shows without scrolling; the current section is marked; the language applies on change;
/// the living page of the components passes axe in both languages, light and dark.
[Collection(BrowserCollection.Name)]
public sealed class AppShellJourneys(BrowserApp app)
{
    private static readonly string[] MemberPages = ["/", "/offers", "/me", "/book", "/me/bookings", "/me/invoices", "/me/subscriptions", "/design",
        "/community", "/community/today", "/community/questions", "/community/questions/new", "/community/projects", "/community/projects/new",
        "/community/notifications", "/community/profile", "/me/privacy"];

    private static readonly string[] StaffPages = ["/admin", "/admin/today", "/admin/members", "/admin/resources", "/admin/invoices", "/admin/subscriptions", "/admin/billing/runs",
        "/admin/community", "/admin/community/moderation"];

    [Fact]
    public async Task On_a_390_pixel_phone_the_menu_opens_from_its_button_and_every_title_shows_without_scrolling()
    {
        foreach (var (account, pages) in new[] { (DemoAccounts.Member, MemberPages), (DemoAccounts.ParisManager, StaffPages) })
        {
            var page = await app.NewPageAsync("fr-FR");
            await page.SetViewportSizeAsync(390, 844);
            await new SignInPage(page).SignInAsync(account, DemoAccounts.Password);
            var paths = pages.ToList();
            if (account == DemoAccounts.Member)
            {
                // and the demo's member card, question thread and project page, found from their lists
                foreach (var (list, link) in new[] { ("/community", "/community/members/"), ("/community/questions", "/community/questions/"), ("/community/projects", "/community/projects/") })
                {
                    await page.GotoAsync(list);
                    paths.Add(await page.Locator($"main a[href^='{link}']:not([href$='/new'])").First.GetAttributeAsync("href") ?? throw new InvalidOperationException($"no {link} link on {list}"));
                }
            }
            foreach (var path in paths)
            {
                await page.GotoAsync(path);
                // waits for site.js (deferred) to show the button and fold the menu
                await page.Locator(".menu-button").WaitForAsync(new() { State = WaitForSelectorState.Visible });
                await page.Locator("#site-menu nav").WaitForAsync(new() { State = WaitForSelectorState.Hidden });
                var title = await page.Locator("main h1").First.BoundingBoxAsync();
                title.ShouldNotBeNull(path);
                (title.Y + title.Height).ShouldBeLessThan(844, $"{path}: the title shows without scrolling");
                (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(390, $"{path}: no sideways scroll");
            }

            await page.GotoAsync(pages[0]);
            await page.Locator(".menu-button").ClickAsync();
            (await page.Locator(".menu-button").GetAttributeAsync("aria-expanded")).ShouldBe("true");
            var first = page.Locator("#site-menu nav a").First;
            await first.WaitForAsync(new() { State = WaitForSelectorState.Visible });
            (await first.BoundingBoxAsync())!.Height.ShouldBeGreaterThanOrEqualTo(44, "a large target");
            await page.ShouldHaveNoViolationsAsync();
            await page.Keyboard.PressAsync("Escape");
            (await page.Locator(".menu-button").GetAttributeAsync("aria-expanded")).ShouldBe("false");
        }
    }

    [Fact]
    public async Task The_current_section_is_marked_and_the_language_applies_as_soon_as_it_is_chosen()
    {
        var page = await app.NewPageAsync("fr-FR");
        await page.SetViewportSizeAsync(1366, 900);
        await new SignInPage(page).SignInAsync(DemoAccounts.ParisManager, DemoAccounts.Password);

        await page.GotoAsync("/offers");
        (await page.Locator("header nav a[aria-current=page]").InnerTextAsync()).ShouldBe("Formules et tarifs");
        await page.GotoAsync("/admin/members");
        (await page.Locator("header nav a[aria-current=page]").GetAttributeAsync("href")).ShouldBe("/admin");
        (await page.Locator(".admin-nav a[aria-current=page]").GetAttributeAsync("href")).ShouldBe("/admin/members");
        (await page.Locator(".admin-nav a[href='/admin/network']").CountAsync()).ShouldBe(0, "a manager is not shown the network's settings");

        (await page.Locator(".language button[type=submit]").IsVisibleAsync()).ShouldBeFalse("no second click");
        await page.Locator("#culture-picker").SelectOptionAsync("en");
        await page.WaitForFunctionAsync("document.documentElement.lang === 'en'");
        page.Url.ShouldEndWith("/admin/members");
        (await page.Locator("main h1").InnerTextAsync()).ShouldBe("Members");
    }

    [Fact]
    public async Task The_living_page_of_the_components_passes_axe_in_both_languages_light_and_dark()
    {
        foreach (var locale in new[] { "fr-FR", "en-GB" })
        {
            foreach (var scheme in new[] { ColorScheme.Light, ColorScheme.Dark })
            {
                var page = await app.NewPageAsync(locale);
                await page.EmulateMediaAsync(new() { ColorScheme = scheme });
                await page.GotoAsync("/design");
                foreach (var kind in new[] { "success", "info", "warning", "error" })
                {
                    (await page.Locator($".notice.{kind}").CountAsync()).ShouldBe(1, kind);
                }
                await page.ShouldHaveNoViolationsAsync();
                await page.Context.CloseAsync();
            }
        }
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Cotravail.BrowserTests.Infrastructure;
using Cotravail.BrowserTests.Pages;
using Cotravail.Modules.Demo;

namespace Cotravail.BrowserTests.Journeys;

[Collection(BrowserCollection.Name)]
public sealed class AdminJourneys(BrowserApp app)
{
    [Fact]
    public async Task An_admin_creates_a_resource_that_then_appears_on_the_location_page()
    {
        var page = await app.NewPageAsync("fr-FR");
        await new SignInPage(page).SignInAsync(DemoAccounts.NetworkAdmin, DemoAccounts.Password);
        var form = new ResourceEditPage(page);
        await form.OpenNewAsync();
        await page.ShouldHaveNoViolationsAsync();
        await form.FillAsync("La Grange de Dieulefit", "Salle du four", "MeetingRoom", 8, "18,50", "VisioKit", "Whiteboard");
        await form.SaveAsync();
        (await form.NoticeAsync()).ShouldContain("Salle du four");

        var location = new LocationPage(page);
        await location.OpenAsync(DemoAccounts.RuralSlug);
        var card = location.Resource("Salle du four");
        await card.WaitForAsync();
        var text = await card.InnerTextAsync();
        text.ShouldContain("Salle de réunion");
        text.ShouldContain("Kit de visioconférence");
        text.ShouldContain("18,50 €");
    }

    [Fact]
    public async Task A_form_with_mistakes_shows_each_message_by_its_field_and_keeps_what_was_typed()
    {
        var page = await app.NewPageAsync("en-GB");
        await new SignInPage(page).SignInAsync(DemoAccounts.ParisManager, DemoAccounts.Password);
        var form = new ResourceEditPage(page);
        await form.OpenNewAsync();
        // An existing resource's form: its own opening hours and its photos, in English and French.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var kit = await scope.ServiceProvider.GetRequiredService<Cotravail.Common.Database.AppDb>().Set<Cotravail.Modules.Resources.Resource>()
                .Where(r => r.Name == "Kit visio mobile").Select(r => r.Id).SingleAsync();
            await page.GotoAsync($"/admin/resources/edit/{kit}");
            (await page.Locator("main img, main input[type=file]").CountAsync()).ShouldBeGreaterThan(0);
            await page.ShouldHaveNoViolationsAsync();
            await page.GotoAsync($"/admin/resources/edit/{kit}?culture=fr");
            await page.ShouldHaveNoViolationsAsync();
            await form.OpenNewAsync();
        }
        await form.FillAsync("Paris La Défense", "", "MeetingRoom", 0, "twelve");
        await form.SaveAsync();
        (await form.ErrorForAsync("Name")).ShouldBe("Name is required.");
        (await form.ErrorForAsync("Capacity")).ShouldContain("Capacity must be between 1 and");
        (await page.Locator("#Input_MemberHourly + .field-error, #Input_MemberHourly ~ .field-error").First.InnerTextAsync()).ShouldContain("twelve");
        (await form.ValueOfAsync("MemberHourly")).ShouldBe("twelve");
        (await form.ValueOfAsync("Capacity")).ShouldBe("0");
        await page.ShouldHaveNoViolationsAsync();
    }

    [Fact]
    public async Task The_back_office_lists_are_searchable_and_accessible()
    {
        var page = await app.NewPageAsync("fr-FR");
        await new SignInPage(page).SignInAsync(DemoAccounts.NetworkAdmin, DemoAccounts.Password);
        foreach (var path in new[] { "/admin", "/admin/locations", "/admin/members", "/admin/companies", "/admin/network", "/me" })
        {
            await page.GotoAsync(path);
            await page.ShouldHaveNoViolationsAsync();
        }
        await page.GotoAsync("/admin/members");
        await page.Locator("#search").FillAsync("member@cotravail");
        await page.Locator("form.filters button[type=submit]").ClickAsync();
        (await page.Locator("main table tbody tr").CountAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task The_operations_page_is_accessible_in_French_and_English()
    {
        foreach (var (culture, title) in new[] { ("fr-FR", "Exploitation"), ("en-GB", "Operations") })
        {
            var page = await app.NewPageAsync(culture);
            await new SignInPage(page).SignInAsync(DemoAccounts.NetworkAdmin, DemoAccounts.Password);
            await page.GotoAsync("/admin/operations");
            (await page.Locator("h1").InnerTextAsync()).ShouldBe(title);
            await page.ShouldHaveNoViolationsAsync();
        }
    }
}

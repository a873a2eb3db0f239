using System.Globalization;
using Cotravail.BrowserTests.Infrastructure;
using Cotravail.BrowserTests.Pages;
using Cotravail.Modules.Demo;
using Cotravail.Tests.Modules.Billing;
using Microsoft.Extensions.DependencyInjection;

namespace Cotravail.BrowserTests.Journeys;

[Collection(BrowserCollection.Name)]
public sealed class SubscriptionJourneys(BrowserApp app)
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    /// A day from today in Paris, as a date field takes it.
    private string Day(int offset) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(app.Services.GetRequiredService<TimeProvider>().GetUtcNow(), Paris).DateTime)
        .AddDays(offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_company_admin_buys_a_pass_a_member_subscribes_and_a_manager_subscribes_pauses_and_cancels_on_accessible_pages()
    {
        var buyer = await app.NewPageAsync("fr-FR");
        await new SignInPage(buyer).SignInAsync(DemoAccounts.CompanyAdmin, DemoAccounts.Password);
        await buyer.GotoAsync("/offers");
        await buyer.ShouldHaveNoViolationsAsync(); // the catalogue with its "Buy" and "Subscribe" links
        var buy = new BuyOfferPage(buyer);
        await buy.OpenFromCatalogueAsync(DemoAccounts.ParisSlug, "Pass journée");
        await buyer.ShouldHaveNoViolationsAsync();
        await buy.ConfirmAsync();
        await buyer.Locator("#my-subscriptions tbody tr").First.WaitForAsync();
        await buyer.ShouldHaveNoViolationsAsync();

        var member = await app.NewPageAsync("fr-FR");
        await new SignInPage(member).SignInAsync(DemoAccounts.Member, DemoAccounts.Password);
        var plan = new BuyOfferPage(member);
        await plan.OpenFromCatalogueAsync(DemoAccounts.ParisSlug, "Résident temps plein");
        await plan.TypeStartAsync(Day(-5));
        await plan.ConfirmAsync();
        (await plan.ErrorForAsync("Input_StartsOn")).ShouldNotBeNullOrWhiteSpace();
        await member.ShouldHaveNoViolationsAsync();
        await plan.TypeStartAsync(Day(5));
        await plan.ConfirmAsync();
        // Léa pays for herself and has a postal address: the plan's first month is invoiced at once
        (await member.Locator("main .notice[role=status]").InnerTextAsync()).ShouldContain("La facture F-");
        await member.ShouldHaveNoViolationsAsync();
        await member.GotoAsync("/me/subscriptions");
        await member.ShouldHaveNoViolationsAsync();

        var manager = await app.NewPageAsync("fr-FR");
        await new SignInPage(manager).SignInAsync(DemoAccounts.ParisManager, DemoAccounts.Password);
        await manager.GotoAsync("/admin/subscriptions");
        await manager.ShouldHaveNoViolationsAsync();
        var admin = new SubscriptionAdminPage(manager);
        await admin.SubscribeAsync(DemoAccounts.Member, "Temps partiel", Day(1));
        (await admin.StateAsync()).ShouldBe("À venir");
        await manager.ShouldHaveNoViolationsAsync();
        await admin.PauseAsync(Day(20), Day(10));
        (await admin.ErrorForAsync("Pause_To")).ShouldNotBeNullOrWhiteSpace();
        await manager.ShouldHaveNoViolationsAsync();
        await admin.PauseAsync(Day(10), Day(20));
        await admin.AskToCancelAsync();
        await manager.ShouldHaveNoViolationsAsync();
        await admin.ConfirmCancelAsync();
        await manager.ShouldHaveNoViolationsAsync();

        await member.GotoAsync("/me/subscriptions");
        (await member.Locator("#my-subscriptions [data-pause]").CountAsync()).ShouldBeGreaterThanOrEqualTo(1);
        await member.ShouldHaveNoViolationsAsync();
    }

    /// The journey: Léa, who pays for herself and has a postal address, buys the 10-day bundle of Lyon (she
    /// visits another space of the network), books an open-space desk there, which takes one day of it, and downloads
    /// the invoice issued at once, whose PDF text holds every mandatory mention.
    [Fact]
    public async Task A_member_buys_a_ten_day_bundle_books_a_desk_that_takes_one_day_and_downloads_an_invoice_with_every_mention()
    {
        var page = await app.NewPageAsync("fr-FR");
        await new SignInPage(page).SignInAsync(DemoAccounts.Member, DemoAccounts.Password);
        var buy = new BuyOfferPage(page);
        await buy.OpenFromCatalogueAsync(DemoAccounts.LyonSlug, "Carnet 10 journées");
        await buy.ConfirmAsync();
        var notice = page.Locator("main .notice[role=status]");
        (await notice.InnerTextAsync()).ShouldContain("La facture F-");
        var pdfLink = await notice.Locator("a[href$='/pdf']").GetAttributeAsync("href") ?? throw new InvalidOperationException("no PDF link");
        var bundle = page.Locator("#my-subscriptions tbody tr", new() { HasText = "Carnet 10 journées" }).Filter(new() { HasText = "Lyon" });
        (await bundle.InnerTextAsync()).ShouldContain("10 jours restants sur 10");
        await page.ShouldHaveNoViolationsAsync();

        var day = DateOnly.ParseExact(Day(7), "yyyy-MM-dd", CultureInfo.InvariantCulture);
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            day = day.AddDays(1);
        }
        var timeline = new TimelinePage(page);
        await timeline.OpenAsync(DemoAccounts.LyonSlug, day);
        var start = TimeOnly.Parse(await timeline.ChooseFirstFreeAsync("Plateau Rhône", minutes: 180), CultureInfo.InvariantCulture);
        await timeline.BookUntilAsync(start.AddHours(3).ToString("HH:mm", CultureInfo.InvariantCulture));

        await page.GotoAsync("/me/subscriptions");
        (await page.Locator("#my-subscriptions tbody tr", new() { HasText = "Carnet 10 journées" }).Filter(new() { HasText = "Lyon" }).InnerTextAsync())
            .ShouldContain("9 jours restants sur 10");
        await page.ShouldHaveNoViolationsAsync();

        await using var pdf = await page.APIRequest.GetAsync(pdfLink);
        pdf.Status.ShouldBe(200);
        var text = InvoicePdfText.Normalize(await InvoicePdfText.ExtractAsync(await pdf.BodyAsync()));
        foreach (var mention in new[]
        {
            "FACTURE", "F-", "Cotravail Réseau SCIC SAS", "au capital de 18 400 €", "24 rue de la République", "69002 Lyon", "SIREN : 912345675",
            "SIRET : 91234567500017", "RCS Lyon", "N° TVA intracommunautaire : FR65912345675", "Client", "15 rue des Petites-Écuries", "75010 Paris",
            "Carnet 10 journées", "TVA 20", "Total TTC", "Pénalités de retard", "quarante euros (40 €)", "escompte", "Nature de l'opération : Prestations de services",
        })
        {
            text.ShouldContain(InvoicePdfText.Normalize(mention), Case.Sensitive, $"missing «{mention}» in:\n{text}");
        }
    }
}

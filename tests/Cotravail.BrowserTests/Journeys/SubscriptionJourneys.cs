using System.Globalization;
using Cotravail.BrowserTests.Infrastructure;
using Cotravail.BrowserTests.Pages;
using Cotravail.Modules.Demo;
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
    public async Task A_company_admin_buys_a_pass_a_member_is_told_to_add_an_address_and_a_manager_subscribes_pauses_and_cancels_on_accessible_pages()
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
        (await plan.AddressNote.InnerTextAsync()).ShouldContain("adresse postale");
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
}

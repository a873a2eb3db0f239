using Cotravail.BrowserTests.Infrastructure;
using Cotravail.BrowserTests.Pages;
using Cotravail.Modules.Demo;

namespace Cotravail.BrowserTests.Journeys;

[Collection(BrowserCollection.Name)]
public sealed class BillingJourneys(BrowserApp app)
{
    [Fact]
    public async Task A_manager_drafts_issues_and_is_paid_for_an_invoice_that_the_member_then_finds_every_page_accessible()
    {
        var page = await app.NewPageAsync("fr-FR");
        await new SignInPage(page).SignInAsync(DemoAccounts.ParisManager, DemoAccounts.Password);
        await page.GotoAsync("/admin/invoices");
        await page.ShouldHaveNoViolationsAsync();

        var form = new InvoiceDraftPage(page);
        await form.OpenNewAsync();
        await page.ShouldHaveNoViolationsAsync();
        await form.ChooseMemberAsync(DemoAccounts.Member);
        await form.TypeAddressAsync("3 rue du Parvis", "92400", "Courbevoie");
        await form.TypeLineAsync(0, "Domiciliation, décembre", "1", "25,00");
        await form.TypeLineAsync(1, "Impressions couleur", "-3", "0.20");
        await form.SaveAsync();
        (await form.ErrorForAsync("Input_Lines_1__Quantity")).ShouldNotBeNullOrWhiteSpace();
        await page.ShouldHaveNoViolationsAsync();
        await form.AddLinesAsync();
        (await form.RowsAsync()).ShouldBe(6); // the three rows posted, then three more
        await form.TypeLineAsync(1, "Impressions couleur", "30", "0.20");
        await form.SaveAsync();

        var invoice = new InvoiceDetailPage(page);
        (await invoice.StateAsync()).ShouldBe("Brouillon");
        await page.ShouldHaveNoViolationsAsync();
        await invoice.IssueAsync();
        await page.ShouldHaveNoViolationsAsync();
        await invoice.ConfirmAsync();
        (await invoice.NoticeAsync()).ShouldContain("F-");
        (await invoice.StateAsync()).ShouldBe("À payer");
        await invoice.OpenCreditNoteFormAsync();
        await page.ShouldHaveNoViolationsAsync();
        await invoice.RecordPaymentAsync("10");
        (await invoice.StateAsync()).ShouldBe("Partiellement payée");
        await page.GotoAsync("/admin/billing/chain");
        await page.ShouldHaveNoViolationsAsync();

        var member = await app.NewPageAsync("fr-FR");
        await new SignInPage(member).SignInAsync(DemoAccounts.Member, DemoAccounts.Password);
        await member.GotoAsync("/me/invoices");
        (await member.Locator("#my-invoices tbody tr").CountAsync()).ShouldBeGreaterThanOrEqualTo(1);
        await member.ShouldHaveNoViolationsAsync();
    }

    [Theory]
    [InlineData("fr-FR", "2001-01")]
    [InlineData("en-GB", "2001-02")]
    public async Task A_network_admin_runs_a_month_and_finds_the_charges_and_terms_pages_accessible_with_their_messages(string locale, string month)
    {
        var page = await app.NewPageAsync(locale);
        await new SignInPage(page).SignInAsync(DemoAccounts.NetworkAdmin, DemoAccounts.Password);
        var runs = new BillingRunsPage(page);
        await runs.OpenAsync();
        await page.ShouldHaveNoViolationsAsync();

        // A month of the far past: nothing to bill, the run ends drafted at once and its page shows it.
        await runs.StartAsync(month);
        await page.WaitForURLAsync("**/admin/billing/runs/*");
        await runs.WaitUntilFinishedAsync();
        (await runs.StatusAsync()).ShouldNotBeNullOrWhiteSpace();
        await page.ShouldHaveNoViolationsAsync();
        var run = page.Url.Split('/')[^1];
        await page.GotoAsync($"/admin/invoices?runId={run}");
        await page.Locator("#run-filter").WaitForAsync();
        await page.ShouldHaveNoViolationsAsync();

        // The same month again: refused by the field.
        await runs.OpenAsync();
        await runs.StartAsync(month);
        (await runs.PeriodErrorAsync()).ShouldNotBeNullOrWhiteSpace();
        await page.ShouldHaveNoViolationsAsync();

        await page.GotoAsync("/admin/charges?pending=true");
        await page.ShouldHaveNoViolationsAsync();
        var forms = new BillingFormsPage(page);
        await page.GotoAsync("/admin/charges/new");
        await page.ShouldHaveNoViolationsAsync();
        await forms.FillAsync("UnitPrice", "douze");
        await forms.SubmitAsync("main form.stacked");
        (await forms.ErrorForAsync("Description")).ShouldNotBeNullOrWhiteSpace();
        (await forms.ErrorForAsync("UnitPrice")).ShouldNotBeNullOrWhiteSpace();
        await page.ShouldHaveNoViolationsAsync();

        await page.GotoAsync("/admin/billing/terms");
        await page.ShouldHaveNoViolationsAsync();
        await forms.FillAsync("PaymentDays", "90");
        await forms.SubmitAsync("#terms-form");
        (await forms.ErrorForAsync("PaymentDays")).ShouldNotBeNullOrWhiteSpace();
        await page.ShouldHaveNoViolationsAsync();
    }
}

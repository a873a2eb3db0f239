using Microsoft.Playwright;

namespace Cotravail.BrowserTests.Pages;

/// /admin/invoices/new: the draft form, filled as a manager would, without JavaScript.
internal sealed class InvoiceDraftPage(IPage page)
{
    public Task OpenNewAsync() => page.GotoAsync("/admin/invoices/new");

    public async Task ChooseMemberAsync(string email)
    {
        var value = await page.Locator("#Input_MemberId option", new() { HasText = email }).GetAttributeAsync("value");
        await page.Locator("#Input_MemberId").SelectOptionAsync(value!);
    }

    public async Task TypeAddressAsync(string street, string postalCode, string city)
    {
        await page.Locator("details summary").ClickAsync();
        await page.Locator("#Input_BuyerStreet").FillAsync(street);
        await page.Locator("#Input_BuyerPostalCode").FillAsync(postalCode);
        await page.Locator("#Input_BuyerCity").FillAsync(city);
    }

    public async Task TypeLineAsync(int row, string description, string quantity, string unitPrice)
    {
        await page.Locator($"#Input_Lines_{row}__Description").FillAsync(description);
        await page.Locator($"#Input_Lines_{row}__Quantity").FillAsync(quantity);
        await page.Locator($"#Input_Lines_{row}__UnitPrice").FillAsync(unitPrice);
    }

    public Task AddLinesAsync() => page.Locator("button[formaction$='handler=AddLines']").ClickAsync();

    public Task<int> RowsAsync() => page.Locator("#lines tbody tr").CountAsync();

    public Task<string> ErrorForAsync(string field) => page.Locator($"#{field}-error").InnerTextAsync();

    public async Task SaveAsync()
    {
        await page.Locator("form.stacked .actions button:not(.secondary)").ClickAsync();
        await page.WaitForLoadStateAsync();
    }
}

/// /admin/invoices/{id}: a draft issued after its confirmation step, then a payment recorded.
internal sealed class InvoiceDetailPage(IPage page)
{
    public async Task IssueAsync()
    {
        await page.Locator("#actions a[href*='confirm=issue']").ClickAsync();
        await page.Locator("#confirm-issue").WaitForAsync();
    }

    public async Task ConfirmAsync()
    {
        await page.Locator("#confirm-issue button[type=submit]").ClickAsync();
        await page.Locator("p.notice[role=status]").WaitForAsync();
    }

    public Task<string> NoticeAsync() => page.Locator("p.notice[role=status]").InnerTextAsync();

    public Task<string> StateAsync() => page.Locator("h1 .badge").InnerTextAsync();

    public async Task RecordPaymentAsync(string amount)
    {
        await page.Locator("#Payment_Amount").FillAsync(amount);
        await page.Locator("#payment-form button[type=submit]").ClickAsync();
        await page.Locator("p.notice[role=status]").WaitForAsync();
    }

    public Task OpenCreditNoteFormAsync() => page.Locator("#credit-note summary").ClickAsync();
}

/// /admin/billing/runs and a run's page: a month started from the form, then followed until its step ends.
internal sealed class BillingRunsPage(IPage page)
{
    public Task OpenAsync() => page.GotoAsync("/admin/billing/runs");

    public async Task StartAsync(string month)
    {
        await page.Locator("#Input_Period").FillAsync(month);
        await page.Locator("#start-run button[type=submit]").ClickAsync();
        await page.WaitForLoadStateAsync();
    }

    public Task<string> PeriodErrorAsync() => page.Locator("#Input_Period-error").InnerTextAsync();

    /// The run's page reloads itself (run-progress.js) once the run's step has ended.
    public Task WaitUntilFinishedAsync() => page.Locator("#run-progress[data-unfinished=false]").WaitForAsync(new() { Timeout = 60_000 });

    public Task<string> StatusAsync() => page.Locator("#run-status").InnerTextAsync();
}

/// /admin/charges/new and /admin/billing/terms: forms sent as typed, their messages read by field.
internal sealed class BillingFormsPage(IPage page)
{
    public async Task SubmitAsync(string formSelector)
    {
        await page.Locator($"{formSelector} button[type=submit]").ClickAsync();
        await page.WaitForLoadStateAsync();
    }

    public Task FillAsync(string field, string value) => page.Locator($"#Input_{field}").FillAsync(value);

    public Task<string> ErrorForAsync(string field) => page.Locator($"#Input_{field}-error").InnerTextAsync();
}

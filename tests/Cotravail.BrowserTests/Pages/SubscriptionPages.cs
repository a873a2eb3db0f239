using Microsoft.Playwright;

namespace Cotravail.BrowserTests.Pages;

/// /offers/{id}/buy, reached from a card of the catalogue: what the offer gives, the member's price, then the purchase confirmed.
internal sealed class BuyOfferPage(IPage page)
{
    public async Task OpenFromCatalogueAsync(string slug, string offerName)
    {
        await page.GotoAsync("/offers");
        await page.Locator($"#{slug} li.card", new() { HasText = offerName }).First.Locator("a[href$='/buy']").ClickAsync();
        await page.Locator("#buy-form").WaitForAsync();
    }

    public Task TypeStartAsync(string day) => page.Locator("#Input_StartsOn").FillAsync(day);

    public async Task ConfirmAsync()
    {
        await page.Locator("#buy-form button[type=submit]").ClickAsync();
        await page.WaitForLoadStateAsync();
    }

    public Task<string> ErrorForAsync(string field) => page.Locator($"#{field}-error").InnerTextAsync();

    public ILocator AddressNote => page.Locator("#address-needed");
}

/// /admin/subscriptions: a member subscribed through the "New subscription" form, then /admin/subscriptions/{id}: a pause, a cancellation.
internal sealed class SubscriptionAdminPage(IPage page)
{
    public async Task SubscribeAsync(string memberEmail, string offerName, string start)
    {
        await page.GotoAsync("/admin/subscriptions");
        await page.Locator("#new-subscription summary").ClickAsync();
        var member = await page.Locator("#Input_MemberId option", new() { HasText = memberEmail }).GetAttributeAsync("value");
        await page.Locator("#Input_MemberId").SelectOptionAsync(member!);
        var offer = await page.Locator("#Input_OfferId option", new() { HasText = offerName }).First.GetAttributeAsync("value");
        await page.Locator("#Input_OfferId").SelectOptionAsync(offer!);
        await page.Locator("#Input_StartsOn").FillAsync(start);
        await page.Locator("#new-subscription button[type=submit]").ClickAsync();
        await page.WaitForLoadStateAsync();
    }

    public async Task PauseAsync(string from, string to)
    {
        await page.Locator("#Pause_From").FillAsync(from);
        await page.Locator("#Pause_To").FillAsync(to);
        await page.Locator("#pause-form button[type=submit]").ClickAsync();
        await page.WaitForLoadStateAsync();
    }

    public async Task AskToCancelAsync()
    {
        await page.Locator("#actions a[href*='confirm=cancel']").ClickAsync();
        await page.Locator("#confirm-cancel").WaitForAsync();
    }

    public async Task ConfirmCancelAsync()
    {
        await page.Locator("#confirm-cancel button[type=submit]").ClickAsync();
        await page.Locator("p.notice[role=status]").WaitForAsync();
    }

    public Task<string> ErrorForAsync(string field) => page.Locator($"#{field}-error").InnerTextAsync();

    public Task<string> StateAsync() => page.Locator("h1 .badge").InnerTextAsync();
}

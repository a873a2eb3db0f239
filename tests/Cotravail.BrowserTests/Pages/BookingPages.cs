using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Cotravail.BrowserTests.Pages;

/// /locations/{slug}/timeline: a location's day, resources × half-hours.
internal sealed class TimelinePage(IPage page)
{
    public Task OpenAsync(string slug, DateOnly day) => page.GotoAsync($"/locations/{slug}/timeline?date={day:yyyy-MM-dd}");

    private ILocator Row(string resource) => page.Locator("table.timeline tbody tr").Filter(new() { Has = page.Locator("th", new() { HasText = resource }) });

    /// Clicks the first free half-hour of the resource's row and returns its time ("08:00").
    public async Task<string> ChooseFirstFreeAsync(string resource)
    {
        var free = Row(resource).Locator("td.free a").First;
        var time = await free.GetAttributeAsync("data-time") ?? throw new InvalidOperationException("no free cell");
        await free.ClickAsync();
        await page.Locator("#book").WaitForAsync();
        return time;
    }

    /// Fills the booking form's end and books; lands on my bookings.
    public async Task BookUntilAsync(string end)
    {
        await page.Locator("#Input_To").SelectOptionAsync(end);
        await page.Locator("#book button[type=submit]").ClickAsync();
        try
        {
            await page.WaitForURLAsync(new Regex("/me/bookings(#.*)?$"));
        }
        catch (TimeoutException)
        {
            var errors = await page.Locator("#book .field-error, #book .validation-summary-errors").AllInnerTextsAsync();
            throw new InvalidOperationException($"The booking was refused at {page.Url}: {string.Join(" ", errors)}");
        }
    }

    public Task<string?> CellClassAsync(string resource, string time) => Row(resource).Locator($"td[data-time='{time}']").GetAttributeAsync("class");
}

/// /me/bookings: coming bookings with their cancel buttons.
internal sealed class MyBookingsPage(IPage page)
{
    public Task OpenAsync() => page.GotoAsync("/me/bookings");

    public ILocator Coming(string resource) => page.Locator("#coming tbody tr").Filter(new() { Has = page.Locator("th", new() { HasText = resource }) });

    public Task<string> NoticeAsync() => page.Locator("main .notice[role=status]").InnerTextAsync();

    /// Opens the change form of a booking.
    public async Task<ChangeBookingPage> ChangeAsync(ILocator row)
    {
        await row.Locator("a.change").ClickAsync();
        await page.Locator("form#change").WaitForAsync();
        return new ChangeBookingPage(page);
    }

    public async Task CancelAsync(ILocator row)
    {
        await row.Locator("button[type=submit]").ClickAsync();
        await page.Locator("main .notice[role=status]").WaitForAsync();
    }
}

/// /me/bookings/{id}/change: new date, times or resource of a booking.
internal sealed class ChangeBookingPage(IPage page)
{
    public Task<string> FromAsync() => page.Locator("#Input_From").InputValueAsync();

    /// Sets the new local times and submits; lands back on my bookings.
    public async Task ChangeTimesAsync(string from, string to)
    {
        await page.Locator("#Input_From").FillAsync(from);
        await page.Locator("#Input_To").FillAsync(to);
        await page.Locator("form#change button[type=submit]").ClickAsync();
        try
        {
            await page.WaitForURLAsync(new Regex("/me/bookings(#.*)?$"));
        }
        catch (TimeoutException)
        {
            var errors = await page.Locator("form#change .field-error, form#change .validation-summary-errors").AllInnerTextsAsync();
            throw new InvalidOperationException($"The change was refused at {page.Url}: {string.Join(" ", errors)}");
        }
    }
}

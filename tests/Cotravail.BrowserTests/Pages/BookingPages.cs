using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Cotravail.BrowserTests.Pages;

/// /locations/{slug}/timeline: a location's day, resources × half-hours.
internal sealed class TimelinePage(IPage page)
{
    public Task OpenAsync(string slug, DateOnly day) => page.GotoAsync($"/locations/{slug}/timeline?date={day:yyyy-MM-dd}");

    private ILocator Row(string resource) => page.Locator("table.timeline tbody tr").Filter(new() { Has = page.Locator("th", new() { HasText = resource }) });

    /// Clicks the start of the first free run of the resource's row that lasts at least `minutes` and returns its
    /// time ("08:00"). The first free half-hour is not enough: the demo's bookings move with today's date, and a
    /// free 08:00–08:30 before a booking at 08:30 made an hour's booking fail on some days.
    public async Task<string> ChooseFirstFreeAsync(string resource, int minutes = 60)
    {
        // each free cell (or run of cells) says where it starts and ends; contiguous ones add up
        var cells = await Row(resource).Locator("td.free").EvaluateAllAsync<string[][]>("tds => tds.map(td => [td.dataset.time, td.dataset.end])");
        static double Minutes(string hm) => hm == "24:00" ? 24 * 60 : TimeOnly.Parse(hm, System.Globalization.CultureInfo.InvariantCulture).ToTimeSpan().TotalMinutes;
        for (var first = 0; first < cells.Length; first++)
        {
            var begin = Minutes(cells[first][0]);
            var reach = Minutes(cells[first][1]);
            for (var next = first + 1; next < cells.Length && reach - begin < minutes && Minutes(cells[next][0]) == reach; next++)
            {
                reach = Minutes(cells[next][1]);
            }
            if (reach - begin >= minutes)
            {
                return await ClickAsync(Row(resource).Locator($"td.free[data-time='{cells[first][0]}'] a").First);
            }
        }
        throw new InvalidOperationException($"no free run of {minutes} minutes for {resource}");
    }

    private async Task<string> ClickAsync(ILocator free)
    {
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

/// /me/bookings: coming bookings, each linking to its page, with their cancel links (to the confirm step).
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

    /// Cancel, then confirm on the cancel step; lands on the booking's page with the notice.
    public async Task CancelAsync(ILocator row)
    {
        await row.Locator("a.cancel").ClickAsync();
        await new CancelBookingPage(page).ConfirmAsync();
    }

    /// Opens a booking's page from its row.
    public async Task<BookingPage> OpenBookingAsync(Guid id)
    {
        await page.Locator($"tr[data-booking='{id}'] a.booking-page").ClickAsync();
        await page.Locator("#booking").WaitForAsync();
        return new BookingPage(page);
    }
}

/// /me/bookings/{id}: one booking, its fee now, its calendar links, change and cancel.
internal sealed class BookingPage(IPage page)
{
    public Task<string> FeeNowAsync() => page.Locator("#fee-now").InnerTextAsync();

    public Task<string> StatusAsync() => page.Locator("#booking .status").InnerTextAsync();

    public Task<string> NoticeAsync() => page.Locator("main .notice[role=status]").InnerTextAsync();

    /// Clicks "download the .ics file" and returns the file's text.
    public async Task<string> DownloadIcsAsync()
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#ics").ClickAsync());
        return await File.ReadAllTextAsync(await download.PathAsync());
    }

    public async Task<CancelBookingPage> CancelAsync()
    {
        await page.Locator("a.cancel").ClickAsync();
        await page.Locator("form#confirm-cancel").WaitForAsync();
        return new CancelBookingPage(page);
    }
}

/// /me/bookings/{id}/cancel: the fee that applies now and the confirmation.
internal sealed class CancelBookingPage(IPage page)
{
    public Task<string> FeeNowAsync() => page.Locator("#fee-now").InnerTextAsync();

    public async Task ConfirmAsync()
    {
        await page.Locator("form#confirm-cancel button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(new Regex("/me/bookings/[0-9a-f-]+$"));
        await page.Locator("main .notice[role=status]").WaitForAsync();
    }
}

/// /me/calendar: private calendar addresses.
internal sealed class MyCalendarPage(IPage page)
{
    /// Makes a new address for my bookings and returns it (shown once).
    public async Task<string> NewAddressAsync()
    {
        await page.GotoAsync("/me/calendar");
        await page.Locator("#create-calendar").ClickAsync();
        return (await page.Locator("#calendar-address").InnerTextAsync()).Trim();
    }

    /// What a calendar app reads at the address (no cookie needed: the address is the key).
    public static async Task<string> ReadAsync(IPage page, string address)
    {
        var response = await page.APIRequest.GetAsync(address);
        response.Status.ShouldBe(200);
        response.Headers["content-type"].ShouldStartWith("text/calendar");
        return (await response.TextAsync()).Replace("\r\n ", "", StringComparison.Ordinal); // unfold
    }
}

/// /book/series: a recurring booking, previewed then booked.
internal sealed class SeriesPage(IPage page)
{
    public Task OpenAsync() => page.GotoAsync("/book/series");

    /// Fills the form and asks for the preview; answers the occurrences' rows.
    public async Task<ILocator> PreviewAsync(string resource, DateOnly first, string from, string to, string frequency, int count)
    {
        await page.Locator("#Input_ResourceId").SelectOptionAsync(new SelectOptionValue { Label = resource });
        await page.Locator("#Input_Date").FillAsync(first.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator("#Input_From").FillAsync(from);
        await page.Locator("#Input_To").FillAsync(to);
        await page.Locator("#Input_Frequency").SelectOptionAsync(frequency);
        await page.Locator("#Input_Count").FillAsync(count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator("#preview").ClickAsync();
        await page.Locator("#occurrences").WaitForAsync();
        return page.Locator("#occurrences tbody tr");
    }

    /// "Book the free ones"; lands on my bookings.
    public async Task BookTheFreeOnesAsync()
    {
        await page.Locator("#book-free").ClickAsync();
        await page.WaitForURLAsync(new Regex("/me/bookings(#.*)?$"));
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

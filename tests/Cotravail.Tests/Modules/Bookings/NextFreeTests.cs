using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cotravail.Modules.Bookings;
using Cotravail.Modules.Locations;
using Cotravail.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Tests.Modules.Bookings;

/// Issue 14: the search opens on the next open slot, and offers the next free slots when nothing fits.
public abstract class NextFreeTests(TestApp app)
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    private DateTime Day(int daysAhead) =>
        TimeZoneInfo.ConvertTimeFromUtc(app.Clock.GetUtcNow().UtcDateTime, Paris).Date.AddDays(daysAhead);

    private static string Local(DateTime local) => local.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    private static async Task<JsonElement> SearchAsync(HttpClient client, DateTime start, DateTime end, string filters)
    {
        using var response = await client.GetAsync($"/api/v1/availability?start={Local(start)}&end={Local(end)}{filters}");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body.ToString());
        return body;
    }

    /// The world's meeting room taken on the day from 07:00 to 20:00 (local), and the next day closed.
    private async Task<(BookingWorld World, DateTime Day, DateTime Closed)> FullDayAsync()
    {
        var world = await BookingWorld.CreateAsync(app);
        var (day, closed) = (Day(4), Day(5));
        await app.WithDbAsync(async db =>
        {
            var location = await db.Locations.SingleAsync(l => l.Id == world.Location);
            location.SetClosedDays([new ClosedDay(DateOnly.FromDateTime(closed), "Inventaire")]);
            await db.SaveChangesAsync();
        });
        var booker = await world.NewMemberAsync();
        foreach (var (from, hours) in new[] { (7, 6), (13, 7) }) // each within the room's longest booking (11 h)
        {
            await world.InsertAsync(booker, world.Room, TimeZoneInfo.ConvertTimeToUtc(day.AddHours(from), Paris), TimeSpan.FromHours(hours));
        }
        return (world, day, closed);
    }

    [Fact]
    public async Task A_full_day_offers_later_free_slots_in_order_skipping_the_closed_day()
    {
        var (world, day, closed) = await FullDayAsync();
        var member = await world.MemberClientAsync();
        var at = $"&locationId={world.Location}&kind=MeetingRoom";

        var none = await SearchAsync(member, day.AddHours(10), day.AddHours(11), at);
        none.GetProperty("availableCount").GetInt32().ShouldBe(0);
        var next = none.GetProperty("nextFree").EnumerateArray().ToList();
        var starts = next.Select(s => DateTime.Parse(s.GetProperty("start").GetString()!, CultureInfo.InvariantCulture)).ToList();
        starts.ShouldBe([day.AddHours(20), day.AddHours(20.5), day.AddHours(21), closed.AddDays(1).AddHours(7), closed.AddDays(1).AddHours(7.5)]);
        starts.ShouldAllBe(s => s > day.AddHours(10) && s.Date != closed);
        foreach (var slot in next)
        {
            var (start, end) = (DateTime.Parse(slot.GetProperty("start").GetString()!, CultureInfo.InvariantCulture), DateTime.Parse(slot.GetProperty("end").GetString()!, CultureInfo.InvariantCulture));
            (end - start).ShouldBe(TimeSpan.FromHours(1));
            slot.GetProperty("availableCount").GetInt32().ShouldBe(1);
            slot.GetProperty("resources")[0].GetProperty("resourceId").GetGuid().ShouldBe(world.Room);
            var free = await SearchAsync(member, start, end, at); // each one is free indeed
            free.GetProperty("available").EnumerateArray().Select(o => o.GetProperty("resourceId").GetGuid()).ShouldContain(world.Room);
            free.GetProperty("nextFree").ValueKind.ShouldBe(JsonValueKind.Null);
        }

        // One resource asked by id: the same answer; a longer slot fits later in the day only once.
        var one = await SearchAsync(member, day.AddHours(10), day.AddHours(11), $"&resourceId={world.Room}");
        one.GetProperty("nextFree").EnumerateArray().Select(s => s.GetProperty("start").GetString()).ShouldBe(next.Select(s => s.GetProperty("start").GetString()));
        var longer = await SearchAsync(member, day.AddHours(10), day.AddHours(12), at);
        longer.GetProperty("nextFree")[0].GetProperty("start").GetString().ShouldBe(Local(day.AddHours(20)) + ":00");
        longer.GetProperty("nextFree")[1].GetProperty("start").GetString().ShouldBe(Local(closed.AddDays(1).AddHours(7)) + ":00");
    }

    [Fact]
    public async Task The_search_page_offers_the_next_free_times_as_links_that_search_them()
    {
        var (world, day, _) = await FullDayAsync();
        var (browser, _) = await world.MemberBrowserAsync();
        var date = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var (_, doc) = await TestApp.GetHtmlAsync(browser, $"/book?date={date}&from=10:00&to=11:00&locationId={world.Location}&kind=MeetingRoom");
        var links = doc.QuerySelectorAll("ul.next-free a");
        links.Length.ShouldBe(SearchAvailability.NextFreeCount);
        links[0].GetAttribute("data-start").ShouldBe(Local(day.AddHours(20)));
        var href = links[0].GetAttribute("href")!;
        href.ShouldContain("from=20%3A00");
        var (_, then) = await TestApp.GetHtmlAsync(browser, href);
        then.QuerySelector($"ul.results:not(.unavailable) li[data-resource='{world.Room}']").ShouldNotBeNull();
        then.QuerySelector("ul.next-free").ShouldBeNull();
        (then.QuerySelector("#from") as AngleSharp.Html.Dom.IHtmlInputElement)!.Value.ShouldBe("20:00");
        (then.QuerySelector("#kind option[selected]") as AngleSharp.Html.Dom.IHtmlOptionElement)!.Value.ShouldBe("MeetingRoom");
    }

    [Fact]
    public async Task The_search_page_opens_on_the_next_open_slot_with_its_results()
    {
        var world = await BookingWorld.CreateAsync(app, opens: "07:00");
        var (browser, _) = await world.MemberBrowserAsync();

        var before = Expected(app.Clock.GetUtcNow().UtcDateTime);
        var (_, doc) = await TestApp.GetHtmlAsync(browser, $"/book?locationId={world.Location}");
        var after = Expected(app.Clock.GetUtcNow().UtcDateTime);

        var shown = $"{(doc.QuerySelector("#date") as AngleSharp.Html.Dom.IHtmlInputElement)!.Value}T{(doc.QuerySelector("#from") as AngleSharp.Html.Dom.IHtmlInputElement)!.Value}";
        new[] { Local(before), Local(after) }.ShouldContain(shown);
        (doc.QuerySelector("#to") as AngleSharp.Html.Dom.IHtmlInputElement)!.Value.ShouldBe(DateTime.Parse(shown, CultureInfo.InvariantCulture).AddHours(1).ToString("HH:mm", CultureInfo.InvariantCulture));
        doc.QuerySelector($"ul.results li[data-resource='{world.Room}']").ShouldNotBeNull(); // the results, at once

        // Its result forms post without a day in the address; a post without a readable resource is redisplayed, not a 500.
        foreach (var handler in new[] { "/book", "/book?handler=Waitlist" })
        {
            using var posted = await TestApp.PostFormAsync(browser, handler, new Dictionary<string, string> { ["resourceId"] = "not-a-resource" }, $"/book?locationId={world.Location}");
            posted.StatusCode.ShouldBe(HttpStatusCode.OK, handler);
        }
    }

    /// The world opens 07:00–22:00 every day: the next half hour, else 07:00 (the next day after 21:00).
    private static DateTime Expected(DateTime utc)
    {
        var now = TimeZoneInfo.ConvertTimeFromUtc(utc, Paris);
        var start = now.Date.AddMinutes(Math.Ceiling(now.TimeOfDay.TotalMinutes / 30) * 30);
        return start.TimeOfDay < TimeSpan.FromHours(7) ? start.Date.AddHours(7)
            : start.AddHours(1) > start.Date.AddHours(22) ? start.Date.AddDays(1).AddHours(7)
            : start;
    }

    [Fact]
    public void A_closed_location_opens_on_its_next_opening_in_its_own_time_zone()
    {
        var tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");
        OpeningPeriod[] hours = [.. Enum.GetValues<DayOfWeek>().Where(d => d != DayOfWeek.Sunday).Select(d => new OpeningPeriod(d, new TimeOnly(9, 0), new TimeOnly(18, 0)))];
        var saturday = new DateTime(2026, 12, 12);
        var location = new CatalogLocation(0, Guid.NewGuid(), "Tokyo", "tokyo", tokyo, "JPY", hours.ToLookup(p => p.Day), new HashSet<DateOnly> { new(2026, 12, 14) });
        DateTime Utc(DateTime local) => TimeZoneInfo.ConvertTimeToUtc(local, tokyo);

        SearchAvailability.NextOpenSlot(location, Utc(saturday.AddHours(10).AddMinutes(10)), TimeSpan.FromHours(1))!.Value.Start.ShouldBe(saturday.AddHours(10.5));
        SearchAvailability.NextOpenSlot(location, Utc(saturday.AddHours(17).AddMinutes(1)), TimeSpan.FromHours(1))!.Value.Start
            .ShouldBe(saturday.AddDays(3).AddHours(9)); // Sunday closed, Monday a closed day
        SearchAvailability.NextOpenSlot(location, Utc(saturday.AddHours(6)), TimeSpan.FromHours(1))!.Value.ShouldBe((saturday.AddHours(9), saturday.AddHours(10)));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class NextFreeTests_Sqlite(SqliteTestApp app) : NextFreeTests(app);

[Collection(PostgresCollection.Name)]
public sealed class NextFreeTests_Postgres(PostgresTestApp app) : NextFreeTests(app);

using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cotravail.Common.Auth;
using Cotravail.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Cotravail.Modules.Bookings;

namespace Cotravail.Tests.Modules.Bookings;

public abstract class ChangePagesTests(TestApp app)
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    private DateTime Day(int daysAhead = 3) =>
        TimeZoneInfo.ConvertTimeFromUtc(app.Clock.GetUtcNow().UtcDateTime, Paris).Date.AddDays(daysAhead);

    private static string Date(DateTime day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_member_changes_a_booking_from_my_bookings_and_a_refusal_keeps_what_was_typed()
    {
        var world = await BookingWorld.CreateAsync(app);
        var day = Day();
        var (browser, email) = await world.MemberBrowserAsync();
        var client = await app.ClientForAsync(email);
        using var booked = await world.BookAsync(client, world.Room, day.AddHours(10), day.AddHours(11));
        var id = (await booked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await world.BookAsync(await world.MemberClientAsync(), world.Room, day.AddHours(15), day.AddHours(16))).StatusCode.ShouldBe(HttpStatusCode.Created);

        var (_, mine) = await TestApp.GetHtmlAsync(browser, "/me/bookings");
        var link = mine.QuerySelector($"#coming tr[data-booking='{id}'] a.change")!.GetAttribute("href")!;
        var (_, form) = await TestApp.GetHtmlAsync(browser, link);
        form.QuerySelector("#Input_From")!.GetAttribute("value").ShouldBe("10:00");
        form.QuerySelector($"#Input_ResourceId option[value='{world.Zone}']").ShouldNotBeNull();
        form.QuerySelector("input[name='Input.Scope']").ShouldBeNull(); // not a series

        using var taken = await TestApp.PostFormAsync(browser, link, new Dictionary<string, string>
        {
            ["Input.Date"] = Date(day), ["Input.From"] = "14:30", ["Input.To"] = "15:30", ["Input.ResourceId"] = world.Room.ToString(),
        }, link);
        taken.StatusCode.ShouldBe(HttpStatusCode.OK);
        var (_, again) = await TestApp.ParseAsync(taken);
        again.QuerySelector("#Input_From-error")!.TextContent.ShouldNotBeNullOrWhiteSpace();
        again.QuerySelector("#Input_From")!.GetAttribute("value").ShouldBe("14:30");

        using var changed = await TestApp.PostFormAsync(browser, link, new Dictionary<string, string>
        {
            ["Input.Date"] = Date(day), ["Input.From"] = "13:00", ["Input.To"] = "14:30", ["Input.ResourceId"] = world.Room.ToString(),
        }, link);
        changed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var (_, after) = await TestApp.GetHtmlAsync(browser, "/me/bookings");
        after.QuerySelector($"#coming tr[data-booking='{id}']")!.TextContent.ShouldContain("13:00–14:30");
    }

    [Fact]
    public async Task A_series_occurrence_offers_this_one_or_the_following_ones()
    {
        var world = await BookingWorld.CreateAsync(app);
        var (browser, email) = await world.MemberBrowserAsync();
        var client = await app.ClientForAsync(email);
        var first = Day(2).AddHours(9);
        var ids = await world.BookSeriesAsync(client, first, TimeSpan.FromHours(1), 3, "Daily");
        var link = $"/me/bookings/{ids[1]}/change";

        var (_, form) = await TestApp.GetHtmlAsync(browser, link);
        form.QuerySelectorAll("input[name='Input.Scope']").Length.ShouldBe(2);
        using var changed = await TestApp.PostFormAsync(browser, link, new Dictionary<string, string>
        {
            ["Input.Date"] = Date(first.AddDays(1)), ["Input.From"] = "11:00", ["Input.To"] = "12:00", ["Input.ResourceId"] = world.Room.ToString(), ["Input.Scope"] = "following",
        }, link);

        changed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var starts = await app.WithDbAsync(db => db.Bookings.Where(b => ids.Contains(b.Id)).OrderBy(b => b.Start).Select(b => b.Start).ToListAsync());
        starts.Select(s => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(s, DateTimeKind.Utc), Paris).Hour).ShouldBe([9, 11, 11]);
    }

    [Fact]
    public async Task Staff_book_on_behalf_of_a_member_from_the_timeline_and_members_see_no_such_choice()
    {
        var world = await BookingWorld.CreateAsync(app);
        var member = await world.NewMemberAsync();
        var email = TestApp.NewEmail("host");
        var user = await app.CreateUserAsync(email);
        await app.WithDbAsync(async db =>
        {
            db.StaffAssignments.Add(new StaffAssignment(user.Id, world.Location, StaffRole.Host));
            await db.SaveChangesAsync();
        });
        var host = await app.BrowserClientAsync(email);
        var day = Day(4);
        var timeline = $"/locations/{await world.SlugAsync()}/timeline?date={Date(day)}";
        var form = $"{timeline}&resource={world.Room}&from=10:00";

        var (_, page) = await TestApp.GetHtmlAsync(host, form);
        page.QuerySelector($"#Input_MemberId option[value='{member.MemberId}']").ShouldNotBeNull();
        var (plain, _) = await world.MemberBrowserAsync();
        (await TestApp.GetHtmlAsync(plain, form)).Doc.QuerySelector("#Input_MemberId").ShouldBeNull();
        using var booked = await TestApp.PostFormAsync(host, timeline, new Dictionary<string, string>
        {
            ["Input.ResourceId"] = world.Room.ToString(), ["Input.Date"] = Date(day), ["Input.From"] = "10:00", ["Input.To"] = "11:00", ["Input.MemberId"] = member.MemberId.ToString(),
        }, form);

        booked.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var row = await app.WithDbAsync(db => db.Bookings.SingleAsync(b => b.ResourceId == world.Room));
        row.MemberId.ShouldBe(member.MemberId);
        row.BookedByUserId.ShouldBe(user.Id);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ChangePagesTests_Sqlite(SqliteTestApp app) : ChangePagesTests(app);

[Collection(PostgresCollection.Name)]
public sealed class ChangePagesTests_Postgres(PostgresTestApp app) : ChangePagesTests(app);

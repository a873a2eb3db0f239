using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cotravail.Modules.Bookings;
using Cotravail.Modules.Locations;
using Cotravail.Tests.Infrastructure;
using Cotravail.Tests.Modules.Bookings;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Tests.Modules.Resources;

public sealed class OpeningWeekTests
{
    private static OpeningPeriod P(DayOfWeek day, int opens, int closes) => new(day, new TimeOnly(opens, 0), new TimeOnly(closes % 24, 0));

    [Fact]
    public void Own_hours_narrow_the_location_s_and_never_widen_them()
    {
        IReadOnlyList<OpeningPeriod> location = [P(DayOfWeek.Monday, 8, 19), P(DayOfWeek.Tuesday, 8, 24), P(DayOfWeek.Wednesday, 8, 19)];

        OpeningWeek.Narrow(location, []).ShouldBe(location);
        OpeningWeek.Narrow(location, [P(DayOfWeek.Monday, 6, 12), P(DayOfWeek.Tuesday, 18, 24), P(DayOfWeek.Sunday, 9, 17)])
            .ShouldBe([P(DayOfWeek.Monday, 8, 12), P(DayOfWeek.Tuesday, 18, 24)]); // Wednesday: not its day; Sunday: the location is closed
        OpeningWeek.Narrow(location, [P(DayOfWeek.Monday, 20, 22)]).ShouldBeEmpty(); // no overlap: closed
    }
}

public abstract class ResourceHoursTests(TestApp app)
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    private DateTime Day(int daysAhead = 4) => TimeZoneInfo.ConvertTimeFromUtc(app.Clock.GetUtcNow().UtcDateTime, Paris).Date.AddDays(daysAhead);

    private static string Local(DateTime local) => local.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    /// The room of a new world open 09:00–12:00 every day, within its location's 07:00–22:00.
    private static async Task<BookingWorld> MorningRoomAsync(TestApp app)
    {
        var world = await BookingWorld.CreateAsync(app);
        var saved = await PutAsync(world, world.Room, body => body["openingHours"] = Week("09:00", "12:00"));
        saved.StatusCode.ShouldBe(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        return world;
    }

    private static JsonArray Week(string opens, string closes) =>
        [.. Enum.GetValues<DayOfWeek>().Select(d => (JsonNode)new JsonObject { ["day"] = d.ToString(), ["opens"] = opens, ["closes"] = closes })];

    private static async Task<HttpResponseMessage> PutAsync(BookingWorld world, Guid resource, Action<JsonObject> change)
    {
        var api = await world.App.ClientForAsync(world.AdminEmail);
        var body = (await api.GetFromJsonAsync<JsonObject>($"/api/v1/resources/{resource}"))!;
        change(body);
        return await api.PutAsJsonAsync($"/api/v1/resources/{resource}", body);
    }

    [Fact]
    public async Task A_booking_outside_the_resource_s_hours_but_inside_the_location_s_is_refused_naming_the_field()
    {
        var world = await MorningRoomAsync(app);
        var member = await world.MemberClientAsync();

        using var afternoon = await world.BookAsync(member, world.Room, Day().AddHours(14), Day().AddHours(15));
        afternoon.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        afternoon.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await afternoon.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("start", out _).ShouldBeTrue();
        (await world.BookAsync(member, world.Room, Day().AddHours(11), Day().AddHours(13))).StatusCode.ShouldBe(HttpStatusCode.BadRequest); // runs past 12:00
        (await world.BookAsync(member, world.Room, Day().AddHours(9), Day().AddHours(11))).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await world.BookAsync(member, world.Zone, Day().AddHours(14), Day().AddHours(15))).StatusCode.ShouldBe(HttpStatusCode.Created); // the zone follows the location
    }

    [Fact]
    public async Task Own_hours_wider_than_the_location_s_do_not_widen_them()
    {
        var world = await BookingWorld.CreateAsync(app);
        (await PutAsync(world, world.Room, body => body["openingHours"] = Week("05:00", "23:00"))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var member = await world.MemberClientAsync();

        (await world.BookAsync(member, world.Room, Day().AddHours(5), Day().AddHours(6))).StatusCode.ShouldBe(HttpStatusCode.BadRequest); // location opens at 07:00
        (await world.BookAsync(member, world.Room, Day().AddHours(7), Day().AddHours(8))).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task The_search_does_not_offer_a_resource_outside_its_own_hours()
    {
        var world = await MorningRoomAsync(app);
        var member = await world.MemberClientAsync();
        var at = $"&locationId={world.Location}&explain=true";

        async Task<JsonElement> SearchAsync(DateTime start, DateTime end)
        {
            using var response = await member.GetAsync($"/api/v1/availability?start={Local(start)}&end={Local(end)}{at}");
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            return await response.Content.ReadFromJsonAsync<JsonElement>();
        }

        static List<Guid> Ids(JsonElement body, string list) => [.. body.GetProperty(list).EnumerateArray().Select(o => o.GetProperty("resourceId").GetGuid())];

        var afternoon = await SearchAsync(Day().AddHours(14), Day().AddHours(15));
        Ids(afternoon, "available").ShouldBe([world.Zone]);
        afternoon.GetProperty("unavailable").EnumerateArray().Single(o => o.GetProperty("resourceId").GetGuid() == world.Room)
            .GetProperty("reason").GetString().ShouldBe("Closed");
        Ids(await SearchAsync(Day().AddHours(10), Day().AddHours(11)), "available").ShouldBe([world.Room, world.Zone], ignoreOrder: true);
    }

    [Fact]
    public async Task The_day_grid_marks_the_cells_outside_the_resource_s_hours_closed()
    {
        var world = await MorningRoomAsync(app);
        var date = DateOnly.FromDateTime(Day());

        var grid = await app.WithDbAsync(async db =>
        {
            var location = await db.Locations.AsNoTracking().SingleAsync(l => l.Id == world.Location);
            return await LocationDay.LoadAsync(db, location, date, app.Clock, CancellationToken.None);
        });

        CellState At(Guid resource, int hour) => grid.Rows.Single(r => r.ResourceId == resource).Cells[grid.Times.ToList().IndexOf(new TimeOnly(hour, 0))].State;
        grid.Times[0].ShouldBe(new TimeOnly(7, 0)); // the grid still spans the location's day
        At(world.Room, 8).ShouldBe(CellState.Closed);
        At(world.Room, 10).ShouldBe(CellState.Free);
        At(world.Room, 14).ShouldBe(CellState.Closed);
        At(world.Zone, 14).ShouldBe(CellState.Free);
    }

    [Fact]
    public async Task Opening_hours_round_trip_through_the_api_and_empty_follows_the_location()
    {
        var world = await BookingWorld.CreateAsync(app);
        var api = await app.ClientForAsync(world.AdminEmail);
        (await api.GetFromJsonAsync<JsonElement>($"/api/v1/resources/{world.Room}")).GetProperty("openingHours").GetArrayLength().ShouldBe(0);

        using var saved = await PutAsync(world, world.Room, body => body["openingHours"] = new JsonArray(
            new JsonObject { ["day"] = "Tuesday", ["opens"] = "14:00", ["closes"] = "18:30" },
            new JsonObject { ["day"] = "Monday", ["opens"] = "9:00", ["closes"] = "12:00" }));
        saved.StatusCode.ShouldBe(HttpStatusCode.OK);
        var hours = (await api.GetFromJsonAsync<JsonElement>($"/api/v1/resources/{world.Room}")).GetProperty("openingHours");
        hours.EnumerateArray().Select(p => $"{p.GetProperty("day").GetString()} {p.GetProperty("opens").GetString()}-{p.GetProperty("closes").GetString()}")
            .ShouldBe(["Monday 09:00-12:00", "Tuesday 14:00-18:30"]);

        (await PutAsync(world, world.Room, body => body.Remove("openingHours"))).StatusCode.ShouldBe(HttpStatusCode.OK); // omitted: unchanged
        (await api.GetFromJsonAsync<JsonElement>($"/api/v1/resources/{world.Room}")).GetProperty("openingHours").GetArrayLength().ShouldBe(2);
        (await PutAsync(world, world.Room, body => body["openingHours"] = new JsonArray())).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await api.GetFromJsonAsync<JsonElement>($"/api/v1/resources/{world.Room}")).GetProperty("openingHours").GetArrayLength().ShouldBe(0);
    }

    [Theory]
    [InlineData("12:00", "09:00", "Monday", "openingHours[0]")]
    [InlineData("9h", "12:00", "Monday", "openingHours[0]")]
    [InlineData("09:00", "12:00", "Tuesday", "openingHours")]
    public async Task Bad_opening_hours_are_refused_naming_the_field(string opens, string closes, string secondDay, string field)
    {
        var world = await BookingWorld.CreateAsync(app);
        using var response = await PutAsync(world, world.Room, body => body["openingHours"] = new JsonArray(
            new JsonObject { ["day"] = "Tuesday", ["opens"] = opens, ["closes"] = closes },
            new JsonObject { ["day"] = secondDay, ["opens"] = "14:00", ["closes"] = "18:00" }));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, problem.ToString());
        problem.GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue(problem.ToString());
    }

    [Fact]
    public async Task The_resource_form_saves_its_own_week_and_shows_errors_on_it()
    {
        var world = await BookingWorld.CreateAsync(app);
        var browser = await app.BrowserClientAsync(world.AdminEmail);
        var url = $"/admin/resources/edit/{world.Room}";
        var (_, form) = await TestApp.GetHtmlAsync(browser, url);
        // the main form as shown: checkboxes unticked send their hidden "false"
        var fields = TestApp.FormValues(form).Where(f => form.QuerySelector($"input[type=checkbox][name='{f.Key}']") is null).ToDictionary();
        fields.Keys.ShouldContain("Week[0].Opens");
        fields["Week[2].Opens"] = "08:00";
        fields["Week[2].Closes"] = "13:00";

        using var saved = await TestApp.PostFormAsync(browser, url, fields, url);
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync());
        var api = await app.ClientForAsync(world.AdminEmail);
        var hours = (await api.GetFromJsonAsync<JsonElement>($"/api/v1/resources/{world.Room}")).GetProperty("openingHours");
        hours.GetArrayLength().ShouldBe(1);
        hours[0].GetProperty("day").GetString().ShouldBe("Wednesday");

        fields["Week[2].Closes"] = "07:00";
        using var refused = await TestApp.PostFormAsync(browser, url, fields, url);
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        var (_, again) = await TestApp.ParseAsync(refused);
        again.QuerySelector("#week-error")!.TextContent.Trim().ShouldNotBeEmpty();
        again.QuerySelector("input[name='Week[2].Closes']")!.GetAttribute("value").ShouldBe("07:00");
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ResourceHoursTests_Sqlite(SqliteTestApp app) : ResourceHoursTests(app);

[Collection(PostgresCollection.Name)]
public sealed class ResourceHoursTests_Postgres(PostgresTestApp app) : ResourceHoursTests(app);

using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cotravail.Modules.Locations;
using Cotravail.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Tests.Modules.Bookings;

public abstract class AvailabilityTests(TestApp app)
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    private DateTime Day(int daysAhead = 4) =>
        TimeZoneInfo.ConvertTimeFromUtc(app.Clock.GetUtcNow().UtcDateTime, Paris).Date.AddDays(daysAhead);

    private static string Local(DateTime local) => local.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    private static async Task<JsonElement> SearchAsync(HttpClient client, DateTime start, DateTime end, string filters = "")
    {
        using var response = await client.GetAsync($"/api/v1/availability?start={Local(start)}&end={Local(end)}{filters}");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body.ToString());
        return body;
    }

    private static List<JsonElement> Items(JsonElement body, string list) => [.. body.GetProperty(list).EnumerateArray()];

    private static List<Guid> Ids(JsonElement body, string list = "available") => [.. Items(body, list).Select(o => o.GetProperty("resourceId").GetGuid())];

    private static JsonElement Find(JsonElement body, string list, Guid id) => Items(body, list).Single(o => o.GetProperty("resourceId").GetGuid() == id);

    [Fact]
    public async Task Filters_on_kind_capacity_amenities_and_price_keep_only_matching_resources()
    {
        var world = await BookingWorld.CreateAsync(app);
        var big = await world.AddRoomAsync("Salle Chêne", 10, ["VisioKit", "Screen", "Whiteboard"], hourly: 40m);
        var member = await world.MemberClientAsync();
        var start = Day().AddHours(14);
        var at = $"&locationId={world.Location}";

        Ids(await SearchAsync(member, start, start.AddHours(2), at)).ShouldBe([big, world.Zone, world.Room], ignoreOrder: true);
        Ids(await SearchAsync(member, start, start.AddHours(2), at + "&kind=MeetingRoom")).ShouldBe([big, world.Room], ignoreOrder: true);
        Ids(await SearchAsync(member, start, start.AddHours(2), at + "&capacity=8")).ShouldBe([big]);
        Ids(await SearchAsync(member, start, start.AddHours(2), at + "&amenities=VisioKit,Screen")).ShouldBe([big]);
        Ids(await SearchAsync(member, start, start.AddHours(2), at + "&kind=MeetingRoom&maxPrice=60")).ShouldBe([world.Room]); // 2 h: 50.00 and 80.00

        var priced = Find(await SearchAsync(member, start, start.AddHours(2), at), "available", world.Room);
        priced.GetProperty("price").GetDecimal().ShouldBe(50m);
        priced.GetProperty("locationName").GetString().ShouldBe("Booking test");
    }

    [Fact]
    public async Task A_taken_room_is_left_out_and_explained_as_taken_and_buffers_count()
    {
        var world = await BookingWorld.CreateAsync(app, policy: Cotravail.Modules.Resources.BookingPolicy.Default with { CleanupMinutes = 30 });
        var member = await world.MemberClientAsync();
        var start = Day().AddHours(10);
        (await world.BookAsync(member, world.Room, start, start.AddHours(1))).StatusCode.ShouldBe(HttpStatusCode.Created);
        var at = $"&locationId={world.Location}&kind=MeetingRoom&explain=true";

        var overlapping = await SearchAsync(member, start.AddMinutes(30), start.AddHours(2), at);
        Ids(overlapping).ShouldNotContain(world.Room);
        Find(overlapping, "unavailable", world.Room).GetProperty("reason").GetString().ShouldBe("Taken");
        var inCleanUp = await SearchAsync(member, start.AddHours(1), start.AddHours(2), at);
        Find(inCleanUp, "unavailable", world.Room).GetProperty("reason").GetString().ShouldBe("Taken");
        Ids(await SearchAsync(member, start.AddMinutes(90), start.AddHours(3), at)).ShouldContain(world.Room);
        Items(await SearchAsync(member, start, start.AddHours(1), $"&locationId={world.Location}"), "unavailable").ShouldBeEmpty(); // only when asked
    }

    [Fact]
    public async Task A_desk_zone_shows_its_free_seats_until_full()
    {
        var world = await BookingWorld.CreateAsync(app, zoneSeats: 2);
        var start = Day().AddHours(9);
        var at = $"&locationId={world.Location}&kind=HotDeskZone&explain=true";
        var first = await world.MemberClientAsync();

        Find(await SearchAsync(first, start, start.AddHours(4), at), "available", world.Zone).GetProperty("freeSeats").GetInt32().ShouldBe(2);
        (await world.BookAsync(first, world.Zone, start, start.AddHours(4))).StatusCode.ShouldBe(HttpStatusCode.Created);
        Find(await SearchAsync(first, start, start.AddHours(4), at), "available", world.Zone).GetProperty("freeSeats").GetInt32().ShouldBe(1);
        (await world.BookAsync(await world.MemberClientAsync(), world.Zone, start, start.AddHours(4))).StatusCode.ShouldBe(HttpStatusCode.Created);
        Find(await SearchAsync(first, start, start.AddHours(4), at), "unavailable", world.Zone).GetProperty("reason").GetString().ShouldBe("Taken");
    }

    [Fact]
    public async Task Closed_days_opening_hours_and_durations_are_explained()
    {
        var world = await BookingWorld.CreateAsync(app);
        var closed = Day(6);
        await app.WithDbAsync(async db =>
        {
            var location = await db.Locations.SingleAsync(l => l.Id == world.Location);
            location.SetClosedDays([new ClosedDay(DateOnly.FromDateTime(closed), "Inventaire")]);
            await db.SaveChangesAsync();
        });
        var member = await world.MemberClientAsync();
        var at = $"&locationId={world.Location}&kind=MeetingRoom&explain=true";

        string Reason(JsonElement body) => Find(body, "unavailable", world.Room).GetProperty("reason").GetString()!;
        Reason(await SearchAsync(member, closed.AddHours(10), closed.AddHours(11), at)).ShouldBe("ClosedDay");
        Reason(await SearchAsync(member, Day().AddHours(5), Day().AddHours(6), at)).ShouldBe("Closed");
        Reason(await SearchAsync(member, Day().AddHours(8), Day().AddHours(20), at)).ShouldBe("TooLong");
        Reason(await SearchAsync(member, Day(-2).AddHours(10), Day(-2).AddHours(11), at)).ShouldBe("InThePast");
    }

    [Fact]
    public async Task A_network_wide_search_finds_rooms_in_two_locations()
    {
        var paris = await BookingWorld.CreateAsync(app);
        var lyon = await BookingWorld.CreateAsync(app);
        var member = await paris.MemberClientAsync();
        var start = Day(5).AddHours(15);

        // Page by page (the shared test database holds many networks' rooms): every page sorted, none repeated.
        var first = await SearchAsync(member, start, start.AddHours(1), "&kind=MeetingRoom&capacity=6&pageSize=20");
        var (total, pages) = (first.GetProperty("availableCount").GetInt32(), (first.GetProperty("availableCount").GetInt32() + 19) / 20);
        first.GetProperty("pageSize").GetInt32().ShouldBe(20);
        var all = Items(first, "available");
        for (var page = 2; page <= pages; page++)
        {
            var next = await SearchAsync(member, start, start.AddHours(1), $"&kind=MeetingRoom&capacity=6&pageSize=20&page={page}");
            next.GetProperty("page").GetInt32().ShouldBe(page);
            all.AddRange(Items(next, "available"));
        }

        all.Count.ShouldBe(total);
        all.Select(o => o.GetProperty("resourceId").GetGuid()).Distinct().Count().ShouldBe(total);
        var found = all.Where(o => o.GetProperty("resourceId").GetGuid() == paris.Room || o.GetProperty("resourceId").GetGuid() == lyon.Room).ToList();
        found.Select(o => o.GetProperty("locationId").GetGuid()).ShouldBe([paris.Location, lyon.Location], ignoreOrder: true);
        Items(await SearchAsync(member, start, start.AddHours(1), $"&kind=MeetingRoom&capacity=6&pageSize=20&page={pages + 1}"), "available").ShouldBeEmpty();
    }

    [Fact]
    public async Task Over_many_candidates_the_bookings_are_read_by_kind_and_time_and_each_taken_room_is_found()
    {
        var world = await BookingWorld.CreateAsync(app);
        var admin = TestApp.NewEmail("many-rooms");
        await app.CreateUserAsync(admin, networkAdmin: true);
        using var api = await app.ClientForAsync(admin);
        var rooms = new List<Guid>();
        for (var i = 0; i < Cotravail.Modules.Bookings.SearchAvailability.ByTimeFrom; i++)
        {
            using var created = await api.PostAsJsonAsync("/api/v1/resources", new { locationId = world.Location, name = $"Salle {i:D3}", kind = "MeetingRoom", capacity = 4, memberHourly = 10m });
            created.StatusCode.ShouldBe(HttpStatusCode.Created);
            rooms.Add((await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
        }
        var member = await world.MemberClientAsync();
        var start = Day(6).AddHours(10);
        foreach (var booked in new[] { rooms[7], rooms[50] })
        {
            (await world.BookAsync(member, booked, start.AddMinutes(30), start.AddMinutes(90))).StatusCode.ShouldBe(HttpStatusCode.Created);
        }
        (await world.BookAsync(member, rooms[20], start.AddHours(3), start.AddHours(4))).StatusCode.ShouldBe(HttpStatusCode.Created); // later: no conflict

        foreach (var kind in new[] { "&kind=MeetingRoom", "" }) // one kind, then every kind of the location
        {
            var found = await SearchAsync(member, start, start.AddHours(2), $"&locationId={world.Location}{kind}&explain=true&pageSize=100");
            Items(found, "unavailable").Where(o => o.GetProperty("reason").GetString() == "Taken").Select(o => o.GetProperty("resourceId").GetGuid())
                .ShouldBe([rooms[7], rooms[50]], ignoreOrder: true);
            Ids(found).ShouldContain(rooms[20]);
            Ids(found).Count(rooms.Contains).ShouldBe(rooms.Count - 2);
        }
    }

    [Fact]
    public async Task Answers_come_a_page_at_a_time_in_location_then_resource_order()
    {
        var world = await BookingWorld.CreateAsync(app);
        foreach (var name in new[] { "Salle Bouleau", "Salle Aulne", "Salle Érable", "Salle Cèdre" })
        {
            await world.AddRoomAsync(name, 4, [], hourly: 10m);
        }
        var member = await world.MemberClientAsync();
        var start = Day().AddHours(11);
        var at = $"&locationId={world.Location}&kind=MeetingRoom";

        var one = await SearchAsync(member, start, start.AddHours(1), at + "&pageSize=2");
        var two = await SearchAsync(member, start, start.AddHours(1), at + "&pageSize=2&page=2");
        var three = await SearchAsync(member, start, start.AddHours(1), at + "&pageSize=2&page=3");

        one.GetProperty("availableCount").GetInt32().ShouldBe(5);
        string[] names = [.. new[] { one, two, three }.SelectMany(p => Items(p, "available")).Select(o => o.GetProperty("name").GetString()!)];
        names.ShouldBe(["Salle Aulne", "Salle Bouleau", "Salle Cèdre", "Salle Érable", "Salle Tilleul"]); // the French order: É with E
        (await SearchAsync(member, start, start.AddHours(1), at + "&pageSize=1000")).GetProperty("pageSize").GetInt32().ShouldBe(100); // clamped
    }

    [Fact]
    public async Task Bad_filters_are_refused_by_field()
    {
        var world = await BookingWorld.CreateAsync(app);
        var member = await world.MemberClientAsync();

        foreach (var (query, field) in new[]
        {
            ("start=soon&end=2026-12-01T10:00", "start"),
            ($"start={Local(Day().AddHours(10))}&end={Local(Day().AddHours(9))}", "end"),
            ($"start={Local(Day().AddHours(9))}&end={Local(Day().AddHours(10))}&amenities=Jacuzzi", "amenities"),
            ($"start={Local(Day().AddHours(9))}&end={Local(Day().AddHours(10))}&kind=Castle", "kind"),
            ($"start={Local(Day().AddHours(9))}&end={Local(Day().AddHours(10))}&capacity=0", "capacity"),
        })
        {
            using var response = await member.GetAsync("/api/v1/availability?" + query);
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, query);
            body.GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue(body.ToString());
        }
    }
}

[Collection(SqliteCollection.Name)]
public sealed class AvailabilityTests_Sqlite(SqliteTestApp app) : AvailabilityTests(app);

[Collection(PostgresCollection.Name)]
public sealed class AvailabilityTests_Postgres(PostgresTestApp app) : AvailabilityTests(app);

internal static class BookingWorldRooms
{
    /// One more meeting room at the world's location, with amenities and a member hourly rate.
    public static async Task<Guid> AddRoomAsync(this BookingWorld world, string name, int capacity, string[] amenities, decimal hourly)
    {
        var admin = TestApp.NewEmail("rooms-admin");
        await world.App.CreateUserAsync(admin, networkAdmin: true);
        using var api = await world.App.ClientForAsync(admin);
        using var response = await api.PostAsJsonAsync("/api/v1/resources", new { locationId = world.Location, name, kind = "MeetingRoom", capacity, amenities, memberHourly = hourly });
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        response.StatusCode.ShouldBe(HttpStatusCode.Created, json.ToString());
        return json.GetProperty("id").GetGuid();
    }
}

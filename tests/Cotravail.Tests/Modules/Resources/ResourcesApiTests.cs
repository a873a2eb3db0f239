using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cotravail.Modules.Demo;
using Cotravail.Tests.Infrastructure;
using Cotravail.Tests.Modules.Locations;

namespace Cotravail.Tests.Modules.Resources;

public abstract class ResourcesApiTests(TestApp app)
{
    private static object Room(Guid locationId, string name, int capacity = 6) => TestData.Room(locationId, name, capacity);

    [Fact]
    public async Task A_manager_creates_a_room_in_their_location_and_it_shows_on_the_public_page()
    {
        var manager = await app.ClientForAsync(DemoAccounts.ParisManager);
        var paris = await LocationsApiTests.LocationIdAsync(manager, DemoAccounts.ParisSlug);
        var name = $"Salle {Guid.NewGuid():N}"[..16];
        var response = await manager.PostAsJsonAsync("/api/v1/resources", Room(paris, name));
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var resource = await response.Content.ReadFromJsonAsync<JsonElement>();
        resource.GetProperty("memberHourly").GetDecimal().ShouldBe(25.5m);
        resource.GetProperty("amenities").EnumerateArray().Select(a => a.GetString()).ShouldBe(["Screen", "VisioKit"], ignoreOrder: true);
        resource.GetProperty("currency").GetString().ShouldBe("EUR");

        var html = await app.AnonymousClient().GetStringAsync($"/locations/{DemoAccounts.ParisSlug}");
        html.ShouldContain(name);
    }

    [Fact]
    public async Task A_manager_cannot_add_a_resource_to_another_location()
    {
        var admin = await app.ClientForAsync(DemoAccounts.NetworkAdmin);
        var lyon = await LocationsApiTests.LocationIdAsync(admin, DemoAccounts.LyonSlug);
        var manager = await app.ClientForAsync(DemoAccounts.ParisManager);
        (await manager.PostAsJsonAsync("/api/v1/resources", Room(lyon, "Intrusion"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var lyonResources = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/resources?locationId={lyon}&pageSize=100");
        var someLyonResource = lyonResources.GetProperty("items")[0].GetProperty("id").GetGuid();
        (await manager.GetAsync($"/api/v1/resources/{someLyonResource}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Bad_resources_are_refused_with_the_fields_named()
    {
        var admin = await app.ClientForAsync(DemoAccounts.NetworkAdmin);
        var paris = await LocationsApiTests.LocationIdAsync(admin, DemoAccounts.ParisSlug);
        var response = await admin.PostAsJsonAsync("/api/v1/resources", new { locationId = paris, name = "", kind = "MeetingRoom", capacity = 0, memberHourly = 10.555m });
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        errors.TryGetProperty("name", out _).ShouldBeTrue();
        errors.TryGetProperty("capacity", out _).ShouldBeTrue();
        errors.TryGetProperty("memberHourly", out _).ShouldBeTrue();

        var unknownKind = await admin.PostAsJsonAsync("/api/v1/resources", new { locationId = paris, name = "X", kind = "Spaceship", capacity = 1 });
        unknownKind.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await unknownKind.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("kind", out _).ShouldBeTrue();

        var missingLocation = await admin.PostAsJsonAsync("/api/v1/resources", Room(Guid.NewGuid(), "Nowhere"));
        missingLocation.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Two_resources_of_a_location_cannot_share_a_name()
    {
        var admin = await app.ClientForAsync(DemoAccounts.NetworkAdmin);
        var paris = await LocationsApiTests.LocationIdAsync(admin, DemoAccounts.ParisSlug);
        var name = $"Doublon {Guid.NewGuid():N}"[..16];
        (await admin.PostAsJsonAsync("/api/v1/resources", Room(paris, name))).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await admin.PostAsJsonAsync("/api/v1/resources", Room(paris, name))).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Members_see_active_resources_and_can_filter_them()
    {
        var member = await app.ClientForAsync(DemoAccounts.Member);
        var rooms = await member.GetFromJsonAsync<JsonElement>("/api/v1/resources?kind=MeetingRoom&minCapacity=6&pageSize=100");
        var items = rooms.GetProperty("items").EnumerateArray().ToList();
        items.ShouldNotBeEmpty();
        items.ShouldAllBe(r => r.GetProperty("kind").GetString() == "MeetingRoom" && r.GetProperty("capacity").GetInt32() >= 6 && r.GetProperty("isActive").GetBoolean());
        var created = await member.PostAsJsonAsync("/api/v1/resources", Room(items[0].GetProperty("locationId").GetGuid(), "Mine"));
        created.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_deactivated_resource_disappears_from_the_public_page()
    {
        var admin = await app.ClientForAsync(DemoAccounts.NetworkAdmin);
        var rural = await LocationsApiTests.LocationIdAsync(admin, DemoAccounts.RuralSlug);
        var name = $"Atelier {Guid.NewGuid():N}"[..16];
        var created = await (await admin.PostAsJsonAsync("/api/v1/resources", Room(rural, name))).Content.ReadFromJsonAsync<JsonElement>();
        (await app.AnonymousClient().GetStringAsync($"/locations/{DemoAccounts.RuralSlug}")).ShouldContain(name);
        (await admin.PostAsync($"/api/v1/resources/{created.GetProperty("id").GetGuid()}/deactivate", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await app.AnonymousClient().GetStringAsync($"/locations/{DemoAccounts.RuralSlug}")).ShouldNotContain(name);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ResourcesApiTests_Sqlite(SqliteTestApp app) : ResourcesApiTests(app);

[Collection(PostgresCollection.Name)]
public sealed class ResourcesApiTests_Postgres(PostgresTestApp app) : ResourcesApiTests(app);

using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Cotravail.Modules.Demo;
using Cotravail.Tests.Infrastructure;

namespace Cotravail.Tests.Modules.Locations;

public abstract class LocationsApiTests(TestApp app)
{
    private static object NewLocation(string name, string? slug = null) => TestData.Location(name, slug);

    [Fact]
    public async Task A_demo_token_lists_the_three_demo_locations()
    {
        var client = await app.ClientForAsync(DemoAccounts.NetworkAdmin);
        var page = await client.GetFromJsonAsync<JsonElement>("/api/v1/locations?sort=created&pageSize=100");
        var slugs = page.GetProperty("items").EnumerateArray().Select(l => l.GetProperty("slug").GetString()).ToList();
        slugs.ShouldContain(DemoAccounts.ParisSlug);
        slugs.ShouldContain(DemoAccounts.LyonSlug);
        slugs.ShouldContain(DemoAccounts.RuralSlug);
    }

    [Fact]
    public async Task Without_a_token_the_api_answers_401()
    {
        var response = await app.AnonymousClient().GetAsync("/api/v1/locations");
        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_forged_or_unknown_token_is_refused()
    {
        var client = app.AnonymousClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", "ctv_not-a-real-token");
        (await client.GetAsync("/api/v1/locations")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_empty_name_is_answered_400_naming_the_field()
    {
        var client = await app.ClientForAsync(DemoAccounts.NetworkAdmin);
        var response = await client.PostAsJsonAsync("/api/v1/locations", NewLocation(""));
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors").TryGetProperty("name", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task Malformed_json_is_answered_400_not_500()
    {
        var client = await app.ClientForAsync(DemoAccounts.NetworkAdmin);
        using var body = new StringContent("{\"name\": \"Oops\", \"openSpaceCapacity\": \"many\"}", Encoding.UTF8, "application/json");
        var response = await client.PostAsync("/api/v1/locations", body);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors").TryGetProperty("openSpaceCapacity", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task An_unknown_time_zone_and_bad_hours_are_named_in_the_problem()
    {
        var client = await app.ClientForAsync(DemoAccounts.NetworkAdmin);
        var response = await client.PostAsJsonAsync("/api/v1/locations", new
        {
            name = "Bad zone",
            city = "Lyon",
            countryCode = "FR",
            timeZone = "Mars/Olympus",
            currency = "EUR",
            openingHours = new[] { new { day = "Monday", opens = "19:00", closes = "08:00" } },
        });
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        errors.TryGetProperty("timeZone", out _).ShouldBeTrue();
        errors.TryGetProperty("openingHours[0]", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task An_admin_creates_changes_and_deactivates_a_location()
    {
        var client = await app.ClientForAsync(DemoAccounts.NetworkAdmin);
        var name = $"Espace {Guid.NewGuid():N}"[..20];
        var created = await client.PostAsJsonAsync("/api/v1/locations", NewLocation(name));
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var location = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = location.GetProperty("id").GetGuid();
        created.Headers.Location!.ToString().ShouldBe($"/api/v1/locations/{id}");
        location.GetProperty("openingHours")[0].GetProperty("opens").GetString().ShouldBe("08:30");
        location.GetProperty("vatRates")[0].GetProperty("percent").GetDecimal().ShouldBe(20m);

        var updated = await client.PutAsJsonAsync($"/api/v1/locations/{id}", NewLocation(name + " bis"));
        updated.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetFromJsonAsync<JsonElement>($"/api/v1/locations/{id}")).GetProperty("name").GetString().ShouldBe(name + " bis");

        var slug = location.GetProperty("slug").GetString();
        (await app.AnonymousClient().GetAsync($"/locations/{slug}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.PostAsync($"/api/v1/locations/{id}/deactivate", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await app.AnonymousClient().GetAsync($"/locations/{slug}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var stored = await client.GetFromJsonAsync<JsonElement>($"/api/v1/locations/{id}");
        stored.GetProperty("isActive").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public async Task A_taken_web_address_is_a_409_naming_the_slug()
    {
        var client = await app.ClientForAsync(DemoAccounts.NetworkAdmin);
        var response = await client.PostAsJsonAsync("/api/v1/locations", NewLocation("Copie", DemoAccounts.ParisSlug));
        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors").TryGetProperty("slug", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task A_manager_cannot_read_or_change_a_location_they_do_not_manage()
    {
        var admin = await app.ClientForAsync(DemoAccounts.NetworkAdmin);
        var lyon = await LocationIdAsync(admin, DemoAccounts.LyonSlug);
        var paris = await LocationIdAsync(admin, DemoAccounts.ParisSlug);
        var manager = await app.ClientForAsync(DemoAccounts.ParisManager);

        var list = await manager.GetFromJsonAsync<JsonElement>("/api/v1/locations");
        list.GetProperty("items").EnumerateArray().Select(l => l.GetProperty("id").GetGuid()).ShouldBe([paris]);
        (await manager.GetAsync($"/api/v1/locations/{lyon}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await manager.PutAsJsonAsync($"/api/v1/locations/{lyon}", NewLocation("Hijack"))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        // Opening and closing a location is a network decision: refused before the record is even looked up.
        (await manager.PostAsync($"/api/v1/locations/{lyon}/deactivate", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/locations/{lyon}")).GetProperty("name").GetString().ShouldNotBe("Hijack");
    }

    [Fact]
    public async Task A_manager_may_change_their_own_location_but_not_create_or_deactivate_one()
    {
        var manager = await app.ClientForAsync(DemoAccounts.ParisManager);
        var paris = await LocationIdAsync(manager, DemoAccounts.ParisSlug);
        (await manager.PostAsJsonAsync("/api/v1/locations", NewLocation("Pirate"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await manager.PostAsync($"/api/v1/locations/{paris}/deactivate", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var current = await manager.GetFromJsonAsync<JsonElement>($"/api/v1/locations/{paris}");
        var body = JsonSerializer.Deserialize<Dictionary<string, object?>>(current.GetRawText())!;
        body["description"] = "Mis à jour par la gérante.";
        (await manager.PutAsJsonAsync($"/api/v1/locations/{paris}", body)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Lists_page_sort_and_search()
    {
        var client = await app.ClientForAsync(DemoAccounts.NetworkAdmin);
        var first = await client.GetFromJsonAsync<JsonElement>("/api/v1/locations?pageSize=1&sort=name");
        first.GetProperty("items").GetArrayLength().ShouldBe(1);
        first.GetProperty("totalCount").GetInt32().ShouldBeGreaterThanOrEqualTo(3);
        var search = await client.GetFromJsonAsync<JsonElement>("/api/v1/locations?search=dieulefit");
        search.GetProperty("items").EnumerateArray().Select(l => l.GetProperty("slug").GetString()).ShouldContain(DemoAccounts.RuralSlug);
        var ascending = await NamesAsync(client, "name");
        var descending = await NamesAsync(client, "-name");
        descending.ShouldBe(ascending.AsEnumerable().Reverse().ToList());
    }

    [Fact]
    public async Task A_bad_query_parameter_is_a_400_not_a_500()
    {
        var client = await app.ClientForAsync(DemoAccounts.NetworkAdmin);
        (await client.GetAsync("/api/v1/locations?page=abc")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await client.GetAsync("/api/v1/locations/not-a-guid")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    /// Every page: the shared test database holds more locations than one page.
    private static async Task<List<string>> NamesAsync(HttpClient client, string sort)
    {
        var names = new List<string>();
        for (var number = 1; ; number++)
        {
            var page = await client.GetFromJsonAsync<JsonElement>($"/api/v1/locations?sort={sort}&pageSize=100&page={number}");
            var items = page.GetProperty("items").EnumerateArray().Select(l => l.GetProperty("name").GetString()!).ToList();
            names.AddRange(items);
            if (items.Count < 100)
            {
                return names;
            }
        }
    }

    /// The demo locations are seeded first: the oldest page holds them however many tests add.
    internal static async Task<Guid> LocationIdAsync(HttpClient client, string slug)
    {
        var page = await client.GetFromJsonAsync<JsonElement>("/api/v1/locations?sort=created&pageSize=100");
        return page.GetProperty("items").EnumerateArray().First(l => l.GetProperty("slug").GetString() == slug).GetProperty("id").GetGuid();
    }
}

[Collection(SqliteCollection.Name)]
public sealed class LocationsApiTests_Sqlite(SqliteTestApp app) : LocationsApiTests(app);

[Collection(PostgresCollection.Name)]
public sealed class LocationsApiTests_Postgres(PostgresTestApp app) : LocationsApiTests(app);

using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Cotravail.Modules.Demo;
using Cotravail.Modules.Locations.Photos;
using Cotravail.Tests.Infrastructure;
using Cotravail.Tests.Modules.Bookings;
using Cotravail.Tests.Modules.Locations;

namespace Cotravail.Tests.Modules.Resources;

public abstract class ResourcePhotosTests(TestApp app)
{
    private static MultipartFormDataContent Upload(byte[] bytes)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        return new MultipartFormDataContent { { file, "photo", "salle.png" } };
    }

    [Fact]
    public async Task A_resource_photo_is_uploaded_shown_on_its_card_and_in_the_search_results_then_removed()
    {
        var world = await BookingWorld.CreateAsync(app);
        var admin = await app.ClientForAsync(world.AdminEmail);
        var png = LocationPhotosTests.Png();

        using var created = await admin.PostAsync($"/api/v1/resources/{world.Room}/photos", Upload(png));
        var photo = await created.Content.ReadFromJsonAsync<JsonElement>();
        created.StatusCode.ShouldBe(HttpStatusCode.Created, photo.ToString());
        var url = photo.GetProperty("url").GetString()!;
        (await (await app.AnonymousClient().GetAsync(url)).Content.ReadAsByteArrayAsync()).ShouldBe(png);
        (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/resources/{world.Room}/photos")).EnumerateArray()
            .Select(p => p.GetProperty("url").GetString()).ShouldBe([url]);
        (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/locations/{world.Location}/photos")).GetArrayLength().ShouldBe(0, "a resource's photo is not the location's");

        var booker = await world.NewMemberAsync();
        using var browser = await app.BrowserClientAsync(booker.Email);
        var date = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime).AddDays(4).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var (_, search) = await TestApp.GetHtmlAsync(browser, $"/book?date={date}&from=10:00&to=11:00&locationId={world.Location}");
        var shown = search.QuerySelector($"li[data-resource='{world.Room}'] img.photo")!;
        shown.GetAttribute("src").ShouldBe(url);
        shown.GetAttribute("alt")!.ShouldContain("Salle Tilleul");
        (shown.GetAttribute("width"), shown.GetAttribute("height"), shown.GetAttribute("loading")).ShouldBe(("640", "360", "lazy"));
        var placeholder = search.QuerySelector($"li[data-resource='{world.Zone}'] img.photo")!;
        placeholder.GetAttribute("alt").ShouldBe(""); // a placeholder says nothing
        placeholder.GetAttribute("src")!.ShouldStartWith("/img/");

        var slug = url.Split('/')[2];
        var (_, details) = await TestApp.GetHtmlAsync(app.AnonymousClient(), $"/locations/{slug}");
        details.QuerySelectorAll("#resources img.photo").Select(i => i.GetAttribute("src")).ShouldContain(url);

        var id = photo.GetProperty("id").GetGuid();
        (await admin.DeleteAsync($"/api/v1/locations/{world.Location}/photos/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound, "removed through its resource");
        (await admin.DeleteAsync($"/api/v1/resources/{world.Room}/photos/{id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await app.AnonymousClient().GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_resource_photo_follows_the_same_rules_and_only_its_location_s_managers_add_one()
    {
        var admin = await app.ClientForAsync(DemoAccounts.NetworkAdmin);
        var lyonRoom = await ResourceIdAsync(admin, DemoAccounts.LyonSlug);
        var parisRoom = await ResourceIdAsync(admin, DemoAccounts.ParisSlug);

        using var svg = await admin.PostAsync($"/api/v1/resources/{parisRoom}/photos", Upload("<svg xmlns='http://www.w3.org/2000/svg'/>"u8.ToArray()));
        svg.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await svg.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("photo", out _).ShouldBeTrue();
        using var big = await admin.PostAsync($"/api/v1/resources/{parisRoom}/photos", Upload(LocationPhotosTests.Jpeg((5 * 1024 * 1024) + 1)));
        big.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);

        var parisManager = await app.ClientForAsync(DemoAccounts.ParisManager);
        (await parisManager.PostAsync($"/api/v1/resources/{lyonRoom}/photos", Upload(LocationPhotosTests.Png()))).StatusCode
            .ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.NotFound);
        var host = await app.ClientForAsync(DemoAccounts.ParisHost);
        (await host.PostAsync($"/api/v1/resources/{parisRoom}/photos", Upload(LocationPhotosTests.Png()))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var added = await parisManager.PostAsync($"/api/v1/resources/{parisRoom}/photos", Upload(LocationPhotosTests.Png()));
        added.StatusCode.ShouldBe(HttpStatusCode.Created);
        var id = (await added.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await parisManager.DeleteAsync($"/api/v1/resources/{parisRoom}/photos/{id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task The_demo_spaces_and_rooms_have_photos_on_their_cards()
    {
        var (_, home) = await TestApp.GetHtmlAsync(app.AnonymousClient(), "/");
        var src = home.QuerySelectorAll("ul.cards img.photo").Select(i => i.GetAttribute("src")!).First(s => s.Contains($"/locations/{DemoAccounts.ParisSlug}/photos/", StringComparison.Ordinal));
        var image = await (await app.AnonymousClient().GetAsync(src)).Content.ReadAsByteArrayAsync();
        PhotoRules.ContentTypeOf(image).ShouldBe("image/png");
        image.Length.ShouldBeLessThan(30 * 1024);

        var (_, paris) = await TestApp.GetHtmlAsync(app.AnonymousClient(), $"/locations/{DemoAccounts.ParisSlug}");
        paris.QuerySelectorAll("#resources img.photo[src^='/locations/']").Length.ShouldBeGreaterThan(0);
        paris.QuerySelectorAll("#resources img.photo[src^='/img/']").Length.ShouldBeGreaterThan(0);
        paris.QuerySelector("#resources .own-hours")!.TextContent.ShouldContain("09:00");
    }

    private static async Task<Guid> ResourceIdAsync(HttpClient admin, string slug)
    {
        var location = await LocationsApiTests.LocationIdAsync(admin, slug);
        var page = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/resources?locationId={location}&kind=MeetingRoom");
        return page.GetProperty("items")[0].GetProperty("id").GetGuid();
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ResourcePhotosTests_Sqlite(SqliteTestApp app) : ResourcePhotosTests(app);

[Collection(PostgresCollection.Name)]
public sealed class ResourcePhotosTests_Postgres(PostgresTestApp app) : ResourcePhotosTests(app);

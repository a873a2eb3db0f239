using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Cotravail.Modules.Demo;
using Cotravail.Modules.Locations.Photos;
using Cotravail.Tests.Infrastructure;

namespace Cotravail.Tests.Modules.Locations;

public sealed class PhotoRulesTests
{
    [Theory]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10 }, "image/jpeg")]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0 }, "image/png")]
    [InlineData(new byte[] { (byte)'R', (byte)'I', (byte)'F', (byte)'F', 1, 0, 0, 0, (byte)'W', (byte)'E', (byte)'B', (byte)'P', (byte)'V' }, "image/webp")]
    [InlineData(new byte[] { (byte)'G', (byte)'I', (byte)'F', (byte)'8', (byte)'9', (byte)'a' }, null)]
    [InlineData(new byte[] { (byte)'<', (byte)'s', (byte)'v', (byte)'g' }, null)]
    [InlineData(new byte[] { (byte)'R', (byte)'I', (byte)'F', (byte)'F', 1, 0, 0, 0, (byte)'W', (byte)'A', (byte)'V', (byte)'E' }, null)]
    [InlineData(new byte[] { 0x89, 0x50 }, null)]
    [InlineData(new byte[0], null)]
    public void The_first_bytes_decide_the_type(byte[] content, string? expected) =>
        PhotoRules.ContentTypeOf(content).ShouldBe(expected);
}

public abstract class LocationPhotosTests(TestApp app)
{
    internal static byte[] Png(int size = 2048)
    {
        var bytes = new byte[size];
        new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }.CopyTo(bytes, 0);
        Random.Shared.NextBytes(bytes.AsSpan(8));
        return bytes;
    }

    internal static byte[] Jpeg(int size) => [0xFF, 0xD8, 0xFF, 0xE0, .. new byte[size - 4]];

    private static MultipartFormDataContent Upload(byte[] bytes, string fileName, string contentType, string field = "photo")
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return new MultipartFormDataContent { { file, field, fileName } };
    }

    [Fact]
    public async Task A_manager_uploads_a_photo_that_the_public_page_shows_and_then_deletes_it()
    {
        var manager = await app.ClientForAsync(DemoAccounts.ParisManager);
        var paris = await LocationsApiTests.LocationIdAsync(manager, DemoAccounts.ParisSlug);
        var png = Png();

        using var created = await manager.PostAsync($"/api/v1/locations/{paris}/photos", Upload(png, "salle.png", "image/png"));
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var photo = await created.Content.ReadFromJsonAsync<JsonElement>();
        var url = photo.GetProperty("url").GetString()!;
        url.ShouldStartWith($"/locations/{DemoAccounts.ParisSlug}/photos/");
        photo.GetProperty("contentType").GetString().ShouldBe("image/png");

        using var served = await app.AnonymousClient().GetAsync(url);
        served.StatusCode.ShouldBe(HttpStatusCode.OK);
        served.Content.Headers.ContentType!.MediaType.ShouldBe("image/png");
        served.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        served.Headers.CacheControl!.MaxAge.ShouldNotBeNull();
        (await served.Content.ReadAsByteArrayAsync()).ShouldBe(png);

        var (_, page) = await TestApp.GetHtmlAsync(app.AnonymousClient(), $"/locations/{DemoAccounts.ParisSlug}");
        page.QuerySelectorAll("ul.photos img").Select(i => i.GetAttribute("src")).ShouldContain(url);
        (await manager.GetFromJsonAsync<JsonElement>($"/api/v1/locations/{paris}/photos")).EnumerateArray()
            .Select(p => p.GetProperty("url").GetString()).ShouldContain(url);

        var id = photo.GetProperty("id").GetGuid();
        (await manager.DeleteAsync($"/api/v1/locations/{paris}/photos/{id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await app.AnonymousClient().GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await manager.DeleteAsync($"/api/v1/locations/{paris}/photos/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_content_decides_not_the_name_or_declared_type()
    {
        var admin = await app.ClientForAsync(DemoAccounts.NetworkAdmin);
        var paris = await LocationsApiTests.LocationIdAsync(admin, DemoAccounts.ParisSlug);

        using var svg = await admin.PostAsync($"/api/v1/locations/{paris}/photos",
            Upload("<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>"u8.ToArray(), "photo.png", "image/png"));
        svg.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await svg.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("photo", out _).ShouldBeTrue();

        using var html = await admin.PostAsync($"/api/v1/locations/{paris}/photos", Upload("<html><script>x</script>"u8.ToArray(), "a.jpg", "image/jpeg"));
        html.StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        using var missing = await admin.PostAsync($"/api/v1/locations/{paris}/photos", Upload(Png(), "a.png", "image/png", field: "other"));
        missing.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await missing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("photo", out _).ShouldBeTrue();

        using var disguised = await admin.PostAsync($"/api/v1/locations/{paris}/photos", Upload(Jpeg(1000), "notes.txt", "text/plain"));
        disguised.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await disguised.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("contentType").GetString().ShouldBe("image/jpeg");
    }

    [Fact]
    public async Task A_photo_over_5_mb_is_a_413_problem_naming_the_field()
    {
        var admin = await app.ClientForAsync(DemoAccounts.NetworkAdmin);
        var paris = await LocationsApiTests.LocationIdAsync(admin, DemoAccounts.ParisSlug);
        using var justOver = await admin.PostAsync($"/api/v1/locations/{paris}/photos", Upload(Jpeg((5 * 1024 * 1024) + 1), "big.jpg", "image/jpeg"));
        justOver.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        justOver.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await justOver.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("photo", out _).ShouldBeTrue();

        using var huge = await admin.PostAsync($"/api/v1/locations/{paris}/photos", Upload(Jpeg(8 * 1024 * 1024), "huge.jpg", "image/jpeg"));
        huge.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);

        using var exactly = await admin.PostAsync($"/api/v1/locations/{paris}/photos", Upload(Jpeg(5 * 1024 * 1024), "max.jpg", "image/jpeg"));
        exactly.StatusCode.ShouldBe(HttpStatusCode.Created);
        var id = (await exactly.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await admin.DeleteAsync($"/api/v1/locations/{paris}/photos/{id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task Only_managers_of_the_location_add_or_remove_photos()
    {
        var admin = await app.ClientForAsync(DemoAccounts.NetworkAdmin);
        var lyon = await LocationsApiTests.LocationIdAsync(admin, DemoAccounts.LyonSlug);
        var paris = await LocationsApiTests.LocationIdAsync(admin, DemoAccounts.ParisSlug);
        using var created = await admin.PostAsync($"/api/v1/locations/{lyon}/photos", Upload(Png(), "lyon.png", "image/png"));
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var parisManager = await app.ClientForAsync(DemoAccounts.ParisManager);
        (await parisManager.PostAsync($"/api/v1/locations/{lyon}/photos", Upload(Png(), "x.png", "image/png"))).StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.NotFound);
        (await parisManager.DeleteAsync($"/api/v1/locations/{lyon}/photos/{id}")).StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.NotFound);
        (await parisManager.DeleteAsync($"/api/v1/locations/{paris}/photos/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound, "a photo is removed through its own location");
        var host = await app.ClientForAsync(DemoAccounts.ParisHost);
        (await host.PostAsync($"/api/v1/locations/{paris}/photos", Upload(Png(), "x.png", "image/png"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var member = await app.ClientForAsync(DemoAccounts.Member);
        (await member.PostAsync($"/api/v1/locations/{paris}/photos", Upload(Png(), "x.png", "image/png"))).StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.NotFound);

        (await admin.DeleteAsync($"/api/v1/locations/{lyon}/photos/{id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task A_manager_uploads_and_removes_a_photo_on_the_location_edit_page()
    {
        var manager = await app.ClientForAsync(DemoAccounts.ParisManager);
        var paris = await LocationsApiTests.LocationIdAsync(manager, DemoAccounts.ParisSlug);
        using var browser = await app.BrowserClientAsync(DemoAccounts.ParisManager);
        var editUrl = $"/admin/locations/edit/{paris}";

        async Task<HttpResponseMessage> PostAsync(string handler, MultipartFormDataContent content)
        {
            var (_, form) = await TestApp.GetHtmlAsync(browser, editUrl);
            var token = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
            content.Add(new StringContent(token), "__RequestVerificationToken");
            return await browser.PostAsync($"{editUrl}?handler={handler}", content);
        }

        using var wrong = await PostAsync("Photo", Upload("GIF89a......"u8.ToArray(), "a.png", "image/png"));
        wrong.StatusCode.ShouldBe(HttpStatusCode.OK);
        var (_, refused) = await TestApp.ParseAsync(wrong);
        refused.QuerySelector("#Photo-error")!.TextContent.ShouldNotBeEmpty();

        using var added = await PostAsync("Photo", Upload(Png(3 * 1024 * 1024), "a.png", "image/png")); // over the 1 MB default: the page allows photos
        added.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var (_, page) = await TestApp.GetHtmlAsync(browser, editUrl);
        var photoId = page.QuerySelectorAll("#photos input[name=photoId]").Select(i => i.GetAttribute("value")!).Last();

        using var removed = await PostAsync("DeletePhoto", new MultipartFormDataContent { { new StringContent(photoId), "photoId" } });
        removed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.AnonymousClient().GetAsync($"/locations/{DemoAccounts.ParisSlug}/photos/{photoId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class LocationPhotosTests_Sqlite(SqliteTestApp app) : LocationPhotosTests(app);

[Collection(PostgresCollection.Name)]
public sealed class LocationPhotosTests_Postgres(PostgresTestApp app) : LocationPhotosTests(app);

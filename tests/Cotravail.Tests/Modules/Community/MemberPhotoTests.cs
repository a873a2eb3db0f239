using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Cotravail.Modules.Community;
using Cotravail.Modules.Demo;
using Cotravail.Tests.Infrastructure;
using Cotravail.Tests.Modules.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Tests.Modules.Community;

/// A member's photo: checked like locations' photos and by its size, shown only as widely as its Photo choice.
public abstract class MemberPhotoTests(TestApp app)
{
    /// A PNG signature and IHDR of that size: what the checks read (the pixels are not decoded).
    internal static byte[] Png(int width = 128, int height = 128)
    {
        var bytes = new byte[512];
        new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13 }.CopyTo(bytes, 0);
        "IHDR"u8.CopyTo(bytes.AsSpan(12));
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(16), width);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(20), height);
        return bytes;
    }

    internal static MultipartFormDataContent Upload(byte[] bytes, string contentType = "image/png")
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return new MultipartFormDataContent { { file, "photo", "moi.png" } };
    }

    [Fact]
    public async Task A_photo_is_shown_to_the_audience_its_member_chose_and_to_no_one_else()
    {
        var lea = await PrivacyPeople.CreateAsync(app, DemoAccounts.ParisSlug);
        var paris = await PrivacyPeople.CreateAsync(app, DemoAccounts.ParisSlug);
        var lyon = await PrivacyPeople.CreateAsync(app, DemoAccounts.LyonSlug);
        using var me = await app.ClientForAsync(lea.Email);
        (await me.PutAsJsonAsync("/api/v1/me/privacy", new { listing = "Network", photo = "Location" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var png = Png();

        using var saved = await me.PutAsync("/api/v1/me/community-profile/photo", Upload(png));
        var photo = await saved.Content.ReadFromJsonAsync<JsonElement>();
        saved.StatusCode.ShouldBe(HttpStatusCode.OK, photo.ToString());
        var url = photo.GetProperty("url").GetString()!;
        photo.GetProperty("width").GetInt32().ShouldBe(128);

        (await (await me.GetAsync(url)).Content.ReadAsByteArrayAsync()).ShouldBe(png);
        using var atParis = await app.ClientForAsync(paris.Email);
        using var atLyon = await app.ClientForAsync(lyon.Email);
        (await atParis.GetFromJsonAsync<JsonElement>($"/api/v1/community/members/{lea.MemberId}")).GetProperty("photoUrl").GetString().ShouldBe(url);
        var seen = await atParis.GetAsync(url);
        seen.StatusCode.ShouldBe(HttpStatusCode.OK);
        seen.Headers.CacheControl!.Private.ShouldBeTrue();
        (await atLyon.GetFromJsonAsync<JsonElement>($"/api/v1/community/members/{lea.MemberId}")).GetProperty("photoUrl").ValueKind.ShouldBe(JsonValueKind.Null);
        (await atLyon.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var (lyonHtml, _) = await TestApp.GetHtmlAsync(await app.BrowserClientAsync(lyon.Email), $"/community/members/{lea.MemberId}");
        lyonHtml.ShouldNotContain("/photo?v=");
        var (parisHtml, _) = await TestApp.GetHtmlAsync(await app.BrowserClientAsync(paris.Email), "/community?pageSize=100");
        parisHtml.ShouldContain(url);

        // Nobody: gone for everyone else, still the member's own.
        (await me.PutAsJsonAsync("/api/v1/me/privacy", new { listing = "Network", photo = "Nobody" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await atParis.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await me.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await me.DeleteAsync("/api/v1/me/community-profile/photo")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await me.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_bad_file_is_refused_naming_the_photo_field()
    {
        var person = await PrivacyPeople.CreateAsync(app);
        using var me = await app.ClientForAsync(person.Email);

        foreach (var (content, why) in new (HttpContent Content, string Why)[]
        {
            (Upload("<svg onload=alert(1)>"u8.ToArray(), "image/png"), "not an image"),
            (Upload(Png(16, 16)), "too small"),
            (Upload(Png(9000, 200)), "too large"),
            (new MultipartFormDataContent(), "no file"),
        })
        {
            using var refused = await me.PutAsync("/api/v1/me/community-profile/photo", content);
            refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest, why);
            (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("photo", out _).ShouldBeTrue(why);
        }
        using var huge = await me.PutAsync("/api/v1/me/community-profile/photo", Upload([.. Png(), .. new byte[6 * 1024 * 1024]]));
        huge.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        (await app.WithDbAsync(db => db.MemberPhotos.AnyAsync(p => p.MemberId == person.MemberId))).ShouldBeFalse();
    }

    [Fact]
    public async Task The_profile_page_uploads_a_photo_and_names_a_bad_one_next_to_its_field()
    {
        var person = await PrivacyPeople.CreateAsync(app);
        using var browser = await app.BrowserClientAsync(person.Email);
        await app.WithDbAsync(async db =>
        {
            db.Add(new MemberProfile(person.MemberId) { Headline = "Céramiste", UpdatedAt = app.Clock.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync();
        });

        using var bad = await PostPhotoAsync(browser, "not a photo"u8.ToArray());
        bad.StatusCode.ShouldBe(HttpStatusCode.OK);
        var (_, doc) = await TestApp.ParseAsync(bad);
        doc.QuerySelector("#Photo-error")!.TextContent.ShouldNotBeEmpty();
        doc.QuerySelector("#Input_Headline")!.GetAttribute("value").ShouldBe("Céramiste");

        using var good = await PostPhotoAsync(browser, Png());
        good.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var (_, after) = await TestApp.GetHtmlAsync(browser, "/community/profile");
        after.QuerySelector("#photo img.avatar").ShouldNotBeNull();

        // Erasure takes the photo with the account.
        using var api = await app.ClientForAsync(person.Email);
        (await api.PostAsJsonAsync("/api/v1/me/erase", new { password = DemoAccounts.Password })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await app.WithDbAsync(db => db.MemberPhotos.AnyAsync(p => p.MemberId == person.MemberId))).ShouldBeFalse();
    }

    private static async Task<HttpResponseMessage> PostPhotoAsync(HttpClient browser, byte[] bytes)
    {
        var (_, page) = await TestApp.GetHtmlAsync(browser, "/community/profile");
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = Upload(bytes);
        content.Add(new StringContent(token), "__RequestVerificationToken");
        return await browser.PostAsync("/community/profile?handler=Photo", content);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class MemberPhotoTests_Sqlite(SqliteTestApp app) : MemberPhotoTests(app);

[Collection(PostgresCollection.Name)]
public sealed class MemberPhotoTests_Postgres(PostgresTestApp app) : MemberPhotoTests(app);

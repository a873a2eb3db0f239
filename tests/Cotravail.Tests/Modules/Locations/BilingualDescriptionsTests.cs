using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cotravail.Modules.Demo;
using Cotravail.Tests.Infrastructure;

namespace Cotravail.Tests.Modules.Locations;

/// Location and resource descriptions in French and English (ADR 23): the API takes and gives both, pages show the
/// reader's language and mark the other one with lang when it stands in.
public abstract class BilingualDescriptionsTests(TestApp app)
{
    private static object LocationBody(string name, string slug, object descriptions)
    {
        var body = JsonSerializer.SerializeToNode(TestData.Location(name, slug))!.AsObject();
        foreach (var (key, value) in JsonSerializer.SerializeToNode(descriptions)!.AsObject())
        {
            body[key] = value?.DeepClone();
        }
        return body;
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        response.StatusCode.ShouldBe(expected, json.ToString());
        return json;
    }

    private async Task<HttpClient> AdminAsync(string language)
    {
        var client = await app.ClientForAsync(DemoAccounts.NetworkAdmin);
        var scoped = app.WithBearer(client.DefaultRequestHeaders.Authorization!.Parameter!);
        scoped.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return scoped;
    }

    private async Task<string> PageAsync(string url, string language)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.AcceptLanguage.ParseAdd(language);
        using var response = await app.AnonymousClient().SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task The_api_keeps_both_languages_and_answers_in_the_request_language()
    {
        using var english = await AdminAsync("en");
        using var french = await AdminAsync("fr");
        var slug = TestData.NewSlug("bi");
        var created = await ReadAsync(await english.PostAsJsonAsync("/api/v1/locations",
            LocationBody("Bilingue " + slug, slug, new { descriptionFr = "  Un espace lumineux. ", descriptionEn = "A bright space." })), HttpStatusCode.Created);
        created.GetProperty("descriptionFr").GetString().ShouldBe("Un espace lumineux.");
        created.GetProperty("descriptionEn").GetString().ShouldBe("A bright space.");
        created.GetProperty("description").GetString().ShouldBe("A bright space.");
        var id = created.GetProperty("id").GetGuid();
        (await french.GetFromJsonAsync<JsonElement>($"/api/v1/locations/{id}")).GetProperty("description").GetString().ShouldBe("Un espace lumineux.");

        // English removed: both readers get the French text
        var updated = await ReadAsync(await english.PutAsJsonAsync($"/api/v1/locations/{id}",
            LocationBody("Bilingue " + slug, slug, new { descriptionFr = "Un espace lumineux.", descriptionEn = "" })), HttpStatusCode.OK);
        updated.GetProperty("descriptionEn").ValueKind.ShouldBe(JsonValueKind.Null);
        updated.GetProperty("description").GetString().ShouldBe("Un espace lumineux.");

        var room = await ReadAsync(await english.PostAsJsonAsync("/api/v1/resources", new
        {
            locationId = id, name = "Salle Érable", kind = "MeetingRoom", capacity = 4,
            descriptionFr = "Salle calme.", descriptionEn = "A quiet room.",
        }), HttpStatusCode.Created);
        room.GetProperty("description").GetString().ShouldBe("A quiet room.");
        var roomId = room.GetProperty("id").GetGuid();
        var read = await french.GetFromJsonAsync<JsonElement>($"/api/v1/resources/{roomId}");
        read.GetProperty("description").GetString().ShouldBe("Salle calme.");
        read.GetProperty("descriptionEn").GetString().ShouldBe("A quiet room.");
    }

    [Fact]
    public async Task The_former_single_description_is_taken_as_the_french_one()
    {
        using var english = await AdminAsync("en");
        var slug = TestData.NewSlug("legacy");
        var created = await ReadAsync(await english.PostAsJsonAsync("/api/v1/locations",
            LocationBody("Ancien client " + slug, slug, new { description = "Texte d'avant." })), HttpStatusCode.Created);
        created.GetProperty("descriptionFr").GetString().ShouldBe("Texte d'avant.");
        created.GetProperty("descriptionEn").ValueKind.ShouldBe(JsonValueKind.Null);
        created.GetProperty("description").GetString().ShouldBe("Texte d'avant.");

        var room = await ReadAsync(await english.PostAsJsonAsync("/api/v1/resources",
            TestData.Room(created.GetProperty("id").GetGuid(), "Salle d'avant")), HttpStatusCode.Created);
        room.GetProperty("descriptionFr").GetString().ShouldBe("Salle lumineuse");
    }

    [Fact]
    public async Task A_too_long_english_description_is_a_problem_naming_that_field()
    {
        using var english = await AdminAsync("en");
        var slug = TestData.NewSlug("long");
        var response = await english.PostAsJsonAsync("/api/v1/locations",
            LocationBody("Trop long " + slug, slug, new { descriptionFr = "Court.", descriptionEn = new string('a', 4001) }));
        var problem = await ReadAsync(response, HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var errors = problem.GetProperty("errors");
        errors.TryGetProperty("descriptionEn", out var messages).ShouldBeTrue(problem.ToString());
        messages[0].GetString()!.ShouldContain("Description in English");
        errors.TryGetProperty("descriptionFr", out _).ShouldBeFalse();

        var paris = await LocationsApiTests.LocationIdAsync(english, DemoAccounts.ParisSlug);
        var room = await ReadAsync(await english.PostAsJsonAsync("/api/v1/resources", new
        {
            locationId = paris, name = "Salle trop bavarde", kind = "MeetingRoom", capacity = 4, descriptionFr = new string('b', 4001),
        }), HttpStatusCode.BadRequest);
        room.GetProperty("errors").TryGetProperty("descriptionFr", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task The_page_shows_the_english_text_to_english_readers_and_marks_the_french_fallback()
    {
        using var admin = await AdminAsync("fr");
        var slug = TestData.NewSlug("page");
        var location = await ReadAsync(await admin.PostAsJsonAsync("/api/v1/locations",
            LocationBody("Page " + slug, slug, new { descriptionFr = "Au bord du canal.", descriptionEn = "By the canal." })), HttpStatusCode.Created);
        await ReadAsync(await admin.PostAsJsonAsync("/api/v1/resources", new
        {
            locationId = location.GetProperty("id").GetGuid(), name = "Salle Peuplier", kind = "MeetingRoom", capacity = 4,
            descriptionFr = "Seulement en français.",
        }), HttpStatusCode.Created);

        var english = await PageAsync($"/locations/{slug}", "en");
        english.ShouldContain("<div class=\"user-text\"><p>By the canal.</p></div>");
        english.ShouldNotContain("Au bord du canal.");
        english.ShouldContain("<div class=\"user-text\" lang=\"fr\"><p>Seulement en fran");

        var french = await PageAsync($"/locations/{slug}", "fr");
        french.ShouldContain("<div class=\"user-text\"><p>Au bord du canal.</p></div>");
        french.ShouldContain("<div class=\"user-text\"><p>Seulement en fran");
        french.ShouldNotContain("class=\"user-text\" lang=");

        var home = await PageAsync("/", "en");
        home.ShouldContain("<div class=\"user-text\"><p>By the canal.</p></div>");
    }

    [Fact]
    public async Task The_demo_rural_space_shows_its_french_text_marked_in_english()
    {
        var english = await PageAsync($"/locations/{DemoAccounts.RuralSlug}", "en");
        english.ShouldContain("<div class=\"user-text\" lang=\"fr\"><p>Une grange");
        var paris = await PageAsync($"/locations/{DemoAccounts.ParisSlug}", "en");
        paris.ShouldContain("<div class=\"user-text\"><p>A coworking space in the heart of");
    }

    [Fact]
    public async Task The_forms_show_both_fields_and_redisplay_them_as_typed_on_an_error()
    {
        using var admin = await AdminAsync("en");
        var slug = TestData.NewSlug("form");
        var location = await ReadAsync(await admin.PostAsJsonAsync("/api/v1/locations",
            LocationBody("Formulaire " + slug, slug, new { descriptionFr = "Texte français.", descriptionEn = "English text." })), HttpStatusCode.Created);
        var url = $"/admin/locations/edit/{location.GetProperty("id").GetGuid()}";
        using var browser = await app.BrowserClientAsync(DemoAccounts.NetworkAdmin);
        browser.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr");
        var (_, form) = await TestApp.GetHtmlAsync(browser, url);
        form.QuerySelector("textarea[name='Input.DescriptionFr']")!.GetAttribute("lang").ShouldBe("fr");
        form.QuerySelector("textarea[name='Input.DescriptionFr']")!.TextContent.Trim().ShouldBe("Texte français.");
        form.QuerySelector("textarea[name='Input.DescriptionEn']")!.GetAttribute("lang").ShouldBe("en");
        form.QuerySelector("textarea[name='Input.DescriptionEn']")!.TextContent.Trim().ShouldBe("English text.");

        var fields = TestApp.FormValues(form);
        fields["Input.DescriptionFr"] = "Nouveau texte.";
        fields["Input.DescriptionEn"] = new string('e', 4001);
        using var refused = await TestApp.PostFormAsync(browser, url, fields);
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        var (_, page) = await TestApp.ParseAsync(refused);
        page.QuerySelector("textarea[name='Input.DescriptionFr']")!.TextContent.Trim().ShouldBe("Nouveau texte.");
        page.QuerySelector("textarea[name='Input.DescriptionEn']")!.TextContent.Trim().Length.ShouldBe(4001);
        page.QuerySelector("[data-valmsg-for='Input.DescriptionEn']")!.TextContent.ShouldContain("Description en anglais");
    }
}

[Collection(SqliteCollection.Name)]
public sealed class BilingualDescriptionsTests_Sqlite(SqliteTestApp app) : BilingualDescriptionsTests(app);

[Collection(PostgresCollection.Name)]
public sealed class BilingualDescriptionsTests_Postgres(PostgresTestApp app) : BilingualDescriptionsTests(app);

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cotravail.Modules.Demo;
using Cotravail.Tests.Infrastructure;
using Cotravail.Tests.Modules.Locations;
using Microsoft.EntityFrameworkCore;
using Cotravail.Modules.Members;

namespace Cotravail.Tests.Common.Email;

/// Addresses that look the same to a person are one address, or refused, wherever they come in.
public abstract class LookAlikeEmailTests(TestApp app)
{
    private const string Password = "my-own-passphrase-2026";

    private static string Accented(string form) => $"e\u0301lodie.{Guid.NewGuid():N}@exemple.fr".Normalize(form == "NFC" ? System.Text.NormalizationForm.FormC : System.Text.NormalizationForm.FormD);

    [Fact]
    public async Task The_members_api_stores_accents_composed_and_refuses_a_decomposed_duplicate()
    {
        using var admin = await FrenchClientAsync();
        var paris = await LocationsApiTests.LocationIdAsync(admin, DemoAccounts.ParisSlug);
        var composed = Accented("NFC");
        var decomposed = composed.Normalize(System.Text.NormalizationForm.FormD);
        decomposed.ShouldNotBe(composed);

        using var created = await admin.PostAsJsonAsync("/api/v1/members", TestData.Member(paris, decomposed));
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("email").GetString().ShouldBe(composed);
        (await app.WithDbAsync(db => db.Members.CountAsync(m => m.Email == composed))).ShouldBe(1);

        using var duplicate = await admin.PostAsJsonAsync("/api/v1/members", TestData.Member(paris, composed));
        duplicate.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await ErrorAsync(duplicate, "email")).ShouldBe("Un autre membre utilise déjà cette adresse e-mail.");

        using var other = await admin.PostAsJsonAsync("/api/v1/members", TestData.Member(paris, TestApp.NewEmail("other")));
        var otherId = (await other.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        using var renamed = await admin.PutAsJsonAsync($"/api/v1/members/{otherId}", TestData.Member(paris, decomposed));
        renamed.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await ErrorAsync(renamed, "email")).ShouldBe("Un autre membre utilise déjà cette adresse e-mail.");
    }

    [Theory]
    [InlineData("ines.\u200b{0}@test.example", "E-mail ne doit contenir ni espace ni caractère invisible.")]
    [InlineData("in\u0435s.{0}@test.example", "E-mail mélange des lettres d'alphabets différents (comme le latin et le cyrillique), à la manière des adresses trompeuses.")]
    [InlineData("ines.{0}@test.example.", "E-mail ne doit ni commencer ni finir par un point, ni contenir deux points à la suite.")]
    [InlineData("ines..{0}@test.example", "E-mail ne doit ni commencer ni finir par un point, ni contenir deux points à la suite.")]
    public async Task The_members_api_refuses_look_alike_addresses_naming_the_field_and_the_reason(string pattern, string reason)
    {
        using var admin = await FrenchClientAsync();
        var paris = await LocationsApiTests.LocationIdAsync(admin, DemoAccounts.ParisSlug);
        var email = string.Format(null, pattern, Guid.NewGuid().ToString("N"));

        using var created = await admin.PostAsJsonAsync("/api/v1/members", TestData.Member(paris, email));
        created.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ErrorAsync(created, "email")).ShouldBe(reason);

        using var other = await admin.PostAsJsonAsync("/api/v1/members", TestData.Member(paris, TestApp.NewEmail("other")));
        var otherId = (await other.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        using var changed = await admin.PutAsJsonAsync($"/api/v1/members/{otherId}", TestData.Member(paris, email));
        changed.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ErrorAsync(changed, "email")).ShouldBe(reason);
    }

    [Fact]
    public async Task Invitations_and_billing_emails_follow_the_same_rule()
    {
        using var admin = await FrenchClientAsync();
        var lyon = await LocationsApiTests.LocationIdAsync(admin, DemoAccounts.LyonSlug);
        using var invitation = await admin.PostAsJsonAsync("/api/v1/invitations",
            new { email = $"paul.{Guid.NewGuid():N}@test.example.", firstName = "Paul", lastName = "Lent", locationId = lyon });
        invitation.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ErrorAsync(invitation, "email")).ShouldContain("point");

        var company = TestData.Company(TestData.NewSiren());
        var json = JsonSerializer.SerializeToNode(company)!.AsObject();
        json["billingEmail"] = "factur\u0430tion@test.example";
        using var billing = await admin.PostAsJsonAsync("/api/v1/companies", json);
        billing.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ErrorAsync(billing, "billingEmail")).ShouldContain("cyrillique");
    }

    [Fact]
    public async Task A_visitor_with_an_accented_address_joins_and_signs_in_whichever_way_it_is_typed()
    {
        var composed = Accented("NFC");
        using var visitor = app.AnonymousClient();
        using var asked = await AskToJoinAsync(visitor, composed);
        var (_, page) = await TestApp.ParseAsync(asked);
        page.QuerySelector("#join-sent").ShouldNotBeNull(page.QuerySelector("main")?.TextContent);
        (await app.WithDbAsync(db => db.Users.CountAsync(u => u.Email == composed))).ShouldBe(1);

        using var second = app.AnonymousClient();
        using var again = await AskToJoinAsync(second, composed.Normalize(System.Text.NormalizationForm.FormD));
        var (_, refused) = await TestApp.ParseAsync(again);
        refused.QuerySelector("#Input_Email-error")!.TextContent.Trim().ShouldBe("Un compte utilise déjà cette adresse e-mail.");
        (await app.WithDbAsync(db => db.Users.CountAsync(u => u.NormalizedEmail == composed.ToUpperInvariant()))).ShouldBe(1);
    }

    [Theory]
    [InlineData("camille.\u200b{0}@test.example", "E-mail ne doit contenir ni espace ni caractère invisible.")]
    [InlineData("cam\u0456lle.{0}@test.example", "E-mail mélange des lettres d'alphabets différents (comme le latin et le cyrillique), à la manière des adresses trompeuses.")]
    [InlineData("camille.{0}@test.example.", "E-mail ne doit ni commencer ni finir par un point, ni contenir deux points à la suite.")]
    public async Task The_join_page_shows_the_french_reason_next_to_the_email_field(string pattern, string reason)
    {
        var email = string.Format(null, pattern, Guid.NewGuid().ToString("N"));
        using var visitor = app.AnonymousClient();
        using var response = await AskToJoinAsync(visitor, email);
        var (html, page) = await TestApp.ParseAsync(response);
        page.QuerySelector("#join-sent").ShouldBeNull();
        page.QuerySelector("#Input_Email-error")!.TextContent.Trim().ShouldBe(reason);
        page.QuerySelector("#password-error")!.TextContent.Trim().ShouldBeEmpty();
        html.ShouldNotContain("Username");
        (await app.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email))).ShouldBeFalse();
    }

    private async Task<HttpClient> FrenchClientAsync()
    {
        var client = await app.ClientForAsync(DemoAccounts.NetworkAdmin);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr");
        return client;
    }

    private static async Task<string> ErrorAsync(HttpResponseMessage response, string field) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty(field)[0].GetString() ?? "";

    private static Task<HttpResponseMessage> AskToJoinAsync(HttpClient visitor, string email)
    {
        visitor.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr");
        return TestApp.PostFormAsync(visitor, $"/join/{DemoAccounts.LyonSlug}", new Dictionary<string, string>
        {
            ["Input.FirstName"] = "Élodie",
            ["Input.LastName"] = "Durand",
            ["Input.Email"] = email,
            ["Input.Category"] = "Freelancer",
            ["Input.Password"] = Password,
        });
    }
}

[Collection(SqliteCollection.Name)]
public sealed class LookAlikeEmailTests_Sqlite(SqliteTestApp app) : LookAlikeEmailTests(app);

[Collection(PostgresCollection.Name)]
public sealed class LookAlikeEmailTests_Postgres(PostgresTestApp app) : LookAlikeEmailTests(app);

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cotravail.Modules.Demo;
using Cotravail.Modules.Members;
using Cotravail.Tests.Infrastructure;
using Cotravail.Tests.Modules.Locations;
using Cotravail.Tests.Modules.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Tests.Modules.Members;

/// A member's billing address (issue 13): staff set it through the API and the member's page, the member through
/// their profile (API and page); a bad postal code or country is refused naming the field, and forms keep what was typed.
public abstract class MemberAddressTests(TestApp app)
{
    private static object Profile(string? street, string? postalCode, string? city, string? countryCode) => new
    {
        firstName = "Solène", lastName = "Marchetti", phone = "+33 6 11 22 33 44", street, postalCode, city, countryCode,
    };

    [Fact]
    public async Task Staff_give_a_member_an_address_through_the_api_and_france_is_the_default_country()
    {
        var admin = await app.ClientForAsync(DemoAccounts.NetworkAdmin);
        var paris = await LocationsApiTests.LocationIdAsync(admin, DemoAccounts.ParisSlug);
        var email = TestApp.NewEmail("address");
        using var created = await admin.PostAsJsonAsync("/api/v1/members", new
        {
            firstName = "Inès", lastName = "Moreau", email, category = "Freelancer", homeLocationId = paris,
            street = "  8 rue Oberkampf ", postalCode = "75011", city = "Paris",
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var member = await created.Content.ReadFromJsonAsync<JsonElement>();
        (member.GetProperty("street").GetString(), member.GetProperty("postalCode").GetString(), member.GetProperty("city").GetString(),
            member.GetProperty("countryCode").GetString()).ShouldBe(("8 rue Oberkampf", "75011", "Paris", "FR"));
        var id = member.GetProperty("id").GetGuid();

        using var moved = await admin.PutAsJsonAsync($"/api/v1/members/{id}", new
        {
            firstName = "Inès", lastName = "Moreau", email, category = "Freelancer", homeLocationId = paris,
            street = "Rue de la Loi 16", postalCode = "1000", city = "Bruxelles", countryCode = "BE",
        });
        moved.StatusCode.ShouldBe(HttpStatusCode.OK, await moved.Content.ReadAsStringAsync());
        var again = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/members/{id}");
        (again.GetProperty("city").GetString(), again.GetProperty("postalCode").GetString(), again.GetProperty("countryCode").GetString())
            .ShouldBe(("Bruxelles", "1000", "BE"));

        using var cleared = await admin.PutAsJsonAsync($"/api/v1/members/{id}", new
        {
            firstName = "Inès", lastName = "Moreau", email, category = "Freelancer", homeLocationId = paris, countryCode = "BE",
        });
        cleared.StatusCode.ShouldBe(HttpStatusCode.OK);
        var none = await app.WithDbAsync(db => db.Members.AsNoTracking().Where(m => m.Id == id).Select(m => new { m.Street, m.PostalCode, m.City, m.CountryCode }).SingleAsync());
        (none.Street, none.PostalCode, none.City, none.CountryCode).ShouldBe((null, null, null, null), "no address leaves no country either");
    }

    /// A bad value, the field the answer must name, and its French message.
    public static TheoryData<string?, string?, string?, string?, string, string> BadAddresses => new()
    {
        { "8 rue Oberkampf", "750", "Paris", null, "postalCode", "Un code postal français compte 5 chiffres." },
        { "8 rue Oberkampf", "7501A", "Paris", "FR", "postalCode", "Un code postal français compte 5 chiffres." },
        { "8 rue Oberkampf", new string('1', 21), "Paris", "BE", "postalCode", "Code postal doit compter au plus 20 caractères." },
        { "8 rue Oberkampf", "75011", "Paris", "France", "countryCode", "Code pays n'a pas le format attendu." },
        { "8 rue Oberkampf", "75011", "Paris", "XX", "countryCode", "Code pays n'a pas le format attendu." },
        { "8 rue Oberkampf", "75011", "Paris", "fr", "countryCode", "Code pays n'a pas le format attendu." },
        { "8 rue Oberkampf", "75011", null, null, "city", "Une adresse demande une rue et une ville ; laissez tous ses champs vides s'il n'y en a pas." },
        { null, "75011", "Paris", null, "street", "Une adresse demande une rue et une ville ; laissez tous ses champs vides s'il n'y en a pas." },
    };

    [Theory]
    [MemberData(nameof(BadAddresses))]
    public async Task A_bad_address_is_refused_naming_the_field_on_the_member_and_the_staff_endpoints(
        string? street, string? postalCode, string? city, string? countryCode, string field, string french)
    {
        var person = await PrivacyPeople.CreateAsync(app);
        using var own = await app.ClientForAsync(person.Email);
        using var request = new HttpRequestMessage(HttpMethod.Put, "/api/v1/me/profile") { Content = JsonContent.Create(Profile(street, postalCode, city, countryCode)) };
        request.Headers.AcceptLanguage.ParseAdd("fr");
        using var mine = await own.SendAsync(request);
        mine.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await mine.Content.ReadAsStringAsync());
        (await ErrorsAsync(mine, field))[0].ShouldBe(french);

        var admin = await app.ClientForAsync(DemoAccounts.NetworkAdmin);
        var paris = await LocationsApiTests.LocationIdAsync(admin, DemoAccounts.ParisSlug);
        using var staff = await admin.PutAsJsonAsync($"/api/v1/members/{person.MemberId}", new
        {
            firstName = "Solène", lastName = person.LastName, email = person.Email, category = "Freelancer", homeLocationId = paris,
            street, postalCode, city, countryCode,
        });
        staff.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await staff.Content.ReadAsStringAsync());
        (await ErrorsAsync(staff, field)).ShouldNotBeEmpty();

        var kept = await app.WithDbAsync(db => db.Members.AsNoTracking().Where(m => m.Id == person.MemberId).Select(m => m.Street).SingleAsync());
        kept.ShouldBe(person.Street, "nothing is saved from a refused address");
    }

    [Fact]
    public async Task A_member_changes_their_address_through_the_profile_api()
    {
        var person = await PrivacyPeople.CreateAsync(app);
        using var own = await app.ClientForAsync(person.Email);

        using var saved = await own.PutAsJsonAsync("/api/v1/me/profile", Profile("41 boulevard de Belleville", "75020", "Paris", "FR"));
        saved.StatusCode.ShouldBe(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());

        var profile = await own.GetFromJsonAsync<JsonElement>("/api/v1/me/profile");
        (profile.GetProperty("street").GetString(), profile.GetProperty("postalCode").GetString(), profile.GetProperty("city").GetString(),
            profile.GetProperty("countryCode").GetString()).ShouldBe(("41 boulevard de Belleville", "75020", "Paris", "FR"));
    }

    [Fact]
    public async Task A_member_saves_their_address_on_the_profile_page_and_a_bad_one_is_shown_again_with_its_message()
    {
        var person = await PrivacyPeople.CreateAsync(app);
        using var browser = await app.BrowserClientAsync(person.Email);
        var (_, page) = await TestApp.GetHtmlAsync(browser, "/me/profile");
        page.QuerySelector("#Input_Street")!.GetAttribute("value").ShouldBe(person.Street);
        var form = TestApp.FormValues(page);

        form["Input.Street"] = "12 rue de la Charité";
        form["Input.PostalCode"] = "6900";
        form["Input.City"] = "Lyon";
        using (var refused = await TestApp.PostFormAsync(browser, "/me/profile", form))
        {
            refused.StatusCode.ShouldBe(HttpStatusCode.OK, "the form is shown again");
            var (_, again) = await TestApp.ParseAsync(refused);
            again.QuerySelector("#Input_Street")!.GetAttribute("value").ShouldBe("12 rue de la Charité");
            again.QuerySelector("#Input_PostalCode")!.GetAttribute("value").ShouldBe("6900");
            again.QuerySelector("#Input_PostalCode-error")!.TextContent.Trim().ShouldNotBeEmpty();
        }

        form["Input.PostalCode"] = "69002";
        using (var saved = await TestApp.PostFormAsync(browser, "/me/profile", form))
        {
            saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }
        var member = await app.WithDbAsync(db => db.Members.AsNoTracking().SingleAsync(m => m.Id == person.MemberId));
        (member.Street, member.PostalCode, member.City, member.CountryCode).ShouldBe(("12 rue de la Charité", "69002", "Lyon", "FR"));
    }

    [Fact]
    public async Task Staff_see_and_change_a_members_address_on_the_members_page()
    {
        var person = await PrivacyPeople.CreateAsync(app);
        using var browser = await app.BrowserClientAsync(DemoAccounts.NetworkAdmin);
        var url = $"/admin/members/edit/{person.MemberId}";
        var (_, page) = await TestApp.GetHtmlAsync(browser, url);
        page.QuerySelector("#Input_Street")!.GetAttribute("value").ShouldBe(person.Street);
        page.QuerySelector("#Input_City")!.GetAttribute("value").ShouldBe("Dieulefit");
        var form = TestApp.FormValues(page);

        form["Input.CountryCode"] = "XX";
        using (var refused = await TestApp.PostFormAsync(browser, url, form))
        {
            refused.StatusCode.ShouldBe(HttpStatusCode.OK, "the form is shown again");
            var (_, again) = await TestApp.ParseAsync(refused);
            again.QuerySelector("#Input_CountryCode")!.GetAttribute("value").ShouldBe("XX");
            again.QuerySelector("[data-valmsg-for='Input.CountryCode']")!.TextContent.Trim().ShouldNotBeEmpty();
        }

        (form["Input.Street"], form["Input.PostalCode"], form["Input.City"], form["Input.CountryCode"]) = ("Rue de Lausanne 12", "1201", "Genève", "CH");
        using (var saved = await TestApp.PostFormAsync(browser, url, form))
        {
            saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }
        var member = await app.WithDbAsync(db => db.Members.AsNoTracking().SingleAsync(m => m.Id == person.MemberId));
        (member.Street, member.PostalCode, member.City, member.CountryCode).ShouldBe(("Rue de Lausanne 12", "1201", "Genève", "CH"));
    }

    private static async Task<string[]> ErrorsAsync(HttpResponseMessage response, string field)
    {
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        errors.TryGetProperty(field, out var messages).ShouldBeTrue($"the answer names {field}: {errors}");
        return [.. messages.EnumerateArray().Select(m => m.GetString()!)];
    }
}

[Collection(SqliteCollection.Name)]
public sealed class MemberAddressTests_Sqlite(SqliteTestApp app) : MemberAddressTests(app);

[Collection(PostgresCollection.Name)]
public sealed class MemberAddressTests_Postgres(PostgresTestApp app) : MemberAddressTests(app);

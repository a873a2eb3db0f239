using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cotravail.Tests.Infrastructure;
using Cotravail.Tests.Modules.Bookings;
using Microsoft.EntityFrameworkCore;
using Cotravail.Modules.Locations;

namespace Cotravail.Tests.Modules.Locations;

/// VAT rates keep three decimals (Québec's 14.975 %), and a fourth is refused, never rounded.
public abstract class VatRatesTests(TestApp app)
{
    [Fact]
    public async Task A_rate_of_14_975_percent_round_trips_through_the_API()
    {
        var api = await AdminApiAsync();
        using var created = await api.PostAsJsonAsync("/api/v1/locations", WithVat(TestData.NewSlug("vat"), 14.975m));
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        created.StatusCode.ShouldBe(HttpStatusCode.Created, body.ToString());
        var id = body.GetProperty("id").GetGuid();

        var read = await api.GetFromJsonAsync<JsonElement>($"/api/v1/locations/{id}");
        read.GetProperty("vatRates")[0].GetProperty("percent").GetDecimal().ShouldBe(14.975m);
        (await app.WithDbAsync(db => db.Locations.Where(l => l.Id == id).Select(l => l.VatRates.First().MilliPercent).SingleAsync())).ShouldBe(14_975);
    }

    [Fact]
    public async Task A_rate_with_a_fourth_decimal_is_refused_with_400_naming_the_field_on_create_and_change()
    {
        var api = await AdminApiAsync();
        using var created = await api.PostAsJsonAsync("/api/v1/locations", WithVat(TestData.NewSlug("vat"), 14.9755m));
        await ExpectRateRefusedAsync(created);

        using var valid = await api.PostAsJsonAsync("/api/v1/locations", WithVat(TestData.NewSlug("vat"), 20m));
        var id = (await valid.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var body = (await api.GetFromJsonAsync<JsonObject>($"/api/v1/locations/{id}"))!;
        body["vatRates"] = new JsonArray(new JsonObject { ["label"] = "TVQ", ["percent"] = 14.9755m });
        using var changed = await api.PutAsJsonAsync($"/api/v1/locations/{id}", body);
        await ExpectRateRefusedAsync(changed);
        (await app.WithDbAsync(db => db.Locations.Where(l => l.Id == id).Select(l => l.VatRates.First().MilliPercent).SingleAsync())).ShouldBe(20_000);
    }

    [Fact]
    public async Task A_rate_of_14_975_percent_round_trips_through_the_admin_form_and_a_fourth_decimal_is_refused_there()
    {
        var (api, admin) = await AdminAsync();
        using var created = await api.PostAsJsonAsync("/api/v1/locations", WithVat(TestData.NewSlug("vat"), 20m));
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var browser = await app.BrowserClientAsync(admin);
        var url = $"/admin/locations/edit/{id}";
        var form = await FormOfAsync(browser, url);

        form["VatRatesText"] = "14.9755 TVQ";
        using (var refused = await TestApp.PostFormAsync(browser, url, form, url))
        {
            refused.StatusCode.ShouldBe(HttpStatusCode.OK);
            var (_, page) = await TestApp.ParseAsync(refused);
            page.QuerySelector("span[data-valmsg-for='VatRatesText']")!.TextContent.ShouldContain("3 décimales");
            page.QuerySelector("textarea[name='VatRatesText']")!.TextContent.ShouldContain("14.9755 TVQ");
        }

        form["VatRatesText"] = "14,975 TVQ";
        using (var saved = await TestApp.PostFormAsync(browser, url, form, url))
        {
            saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }
        (await app.WithDbAsync(db => db.Locations.Where(l => l.Id == id).Select(l => l.VatRates.First().MilliPercent).SingleAsync())).ShouldBe(14_975);
        var (_, shown) = await TestApp.GetHtmlAsync(browser, url);
        shown.QuerySelector("textarea[name='VatRatesText']")!.TextContent.Trim().ShouldBe("14.975 TVQ");
    }

    [Fact]
    public async Task A_booking_keeps_the_three_decimals_of_its_location_rate_and_its_price()
    {
        var world = await BookingWorld.CreateAsync(app);
        var admin = await app.ClientForAsync(world.AdminEmail);
        var location = (await admin.GetFromJsonAsync<JsonObject>($"/api/v1/locations/{world.Location}"))!;
        location["vatRates"] = new JsonArray(new JsonObject { ["label"] = "TVQ", ["percent"] = 14.975m });
        (await admin.PutAsJsonAsync($"/api/v1/locations/{world.Location}", location)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var member = await world.MemberClientAsync();
        var start = TimeZoneInfo.ConvertTimeFromUtc(app.Clock.GetUtcNow().UtcDateTime, TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris")).Date.AddDays(3).AddHours(14);

        using var booked = await world.BookAsync(member, world.Room, start, start.AddHours(2));

        var body = await booked.Content.ReadFromJsonAsync<JsonElement>();
        booked.StatusCode.ShouldBe(HttpStatusCode.Created, body.ToString());
        body.GetProperty("vatPercent").GetDecimal().ShouldBe(14.975m);
        body.GetProperty("price").GetDecimal().ShouldBe(50m); // the price as charged (VAT included), in whole cents, unchanged by the rate
    }

    private static async Task ExpectRateRefusedAsync(HttpResponseMessage response)
    {
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, problem.ToString());
        var errors = problem.GetProperty("errors");
        errors.TryGetProperty("vatRates[0].percent", out var messages).ShouldBeTrue(errors.ToString());
        messages[0].GetString()!.ShouldContain("3");
    }

    private async Task<HttpClient> AdminApiAsync() => (await AdminAsync()).Api;

    private async Task<(HttpClient Api, string Email)> AdminAsync()
    {
        var email = TestApp.NewEmail("vat-admin");
        await app.CreateUserAsync(email, networkAdmin: true);
        return (await app.ClientForAsync(email), email);
    }

    private static JsonNode WithVat(string slug, decimal percent)
    {
        var body = JsonSerializer.SerializeToNode(TestData.Location("TVQ", slug), JsonSerializerOptions.Web)!;
        body["vatRates"] = new JsonArray(new JsonObject { ["label"] = "TVQ", ["percent"] = percent });
        return body;
    }

    /// The edit form's fields as the page fills them (the first form's, when several name a field).
    private static async Task<Dictionary<string, string>> FormOfAsync(HttpClient browser, string url)
    {
        var (_, doc) = await TestApp.GetHtmlAsync(browser, url);
        return TestApp.FormValues(doc);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class VatRatesTests_Sqlite(SqliteTestApp app) : VatRatesTests(app);

[Collection(PostgresCollection.Name)]
public sealed class VatRatesTests_Postgres(PostgresTestApp app) : VatRatesTests(app);

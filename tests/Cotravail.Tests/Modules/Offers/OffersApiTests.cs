using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cotravail.Common.Audit;
using Cotravail.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Cotravail.Tests.Modules.Offers.OfferWorld;

namespace Cotravail.Tests.Modules.Offers;

public abstract class OffersApiTests(TestApp app)
{
    [Fact]
    public async Task A_manager_creates_an_offer_of_their_location_shown_excluding_and_including_vat()
    {
        var world = await OfferWorld.CreateAsync(app);
        using var manager = await world.ManagerAsync();

        var created = await CreatedAsync(await manager.PostAsJsonAsync("/api/v1/offers", world.DayPass()));

        created.GetProperty("locationId").GetGuid().ShouldBe(world.Location);
        created.GetProperty("locationName").GetString().ShouldBe("Offres A");
        created.GetProperty("currency").GetString().ShouldBe("EUR");
        created.GetProperty("vatPercent").GetDecimal().ShouldBe(20m);
        created.GetProperty("priceExcludingVat").GetDecimal().ShouldBe(25m);
        created.GetProperty("vat").GetDecimal().ShouldBe(5m);
        created.GetProperty("priceIncludingVat").GetDecimal().ShouldBe(30m);
        created.GetProperty("validityDays").GetInt32().ShouldBe(1); // a day pass lasts a day unless said otherwise
        var student = created.GetProperty("reducedPrices")[0];
        student.GetProperty("category").GetString().ShouldBe("Student");
        student.GetProperty("priceExcludingVat").GetDecimal().ShouldBe(18m);
        student.GetProperty("priceIncludingVat").GetDecimal().ShouldBe(21.6m);
        var (member, _, _) = await world.MemberAsync();
        var read = await member.GetFromJsonAsync<JsonElement>($"/api/v1/offers/{created.GetProperty("id").GetGuid()}");
        read.GetProperty("name").GetString().ShouldBe("Pass journée test"); // the API speaks French by default
        read.GetProperty("priceIncludingVat").GetDecimal().ShouldBe(30m);
    }

    [Fact]
    public async Task A_manager_of_another_location_is_refused_with_a_403_naming_the_location()
    {
        var world = await OfferWorld.CreateAsync(app);
        using var other = await world.OtherManagerAsync();
        using var manager = await world.ManagerAsync();
        var offer = (await CreatedAsync(await manager.PostAsJsonAsync("/api/v1/offers", world.DayPass()))).GetProperty("id").GetGuid();

        var created = await ProblemAsync(await other.PostAsJsonAsync("/api/v1/offers", world.DayPass()), HttpStatusCode.Forbidden, "locationId");
        var changed = await ProblemAsync(await other.PutAsJsonAsync($"/api/v1/offers/{offer}", world.DayPass("Pris")), HttpStatusCode.Forbidden, "locationId");
        var network = await ProblemAsync(await manager.PostAsJsonAsync("/api/v1/offers", new
        {
            kind = "MembershipFee", nameFr = "Adhésion", price = 20m, vatPercent = 20m,
        }), HttpStatusCode.Forbidden, "locationId");
        await ProblemAsync(await other.PostAsync($"/api/v1/offers/{offer}/deactivate", null), HttpStatusCode.Forbidden, "locationId");

        created.ShouldStartWith("Vous ne gérez pas cet espace");
        changed.ShouldBe(created);
        network.ShouldBe(created);
        (await other.GetFromJsonAsync<JsonElement>($"/api/v1/offers/{offer}")).GetProperty("nameFr").GetString().ShouldBe("Pass journée test");
    }

    [Fact]
    public async Task A_member_reads_the_active_catalogue_but_cannot_create_an_offer()
    {
        var world = await OfferWorld.CreateAsync(app);
        var (member, _, _) = await world.MemberAsync();
        using var manager = await world.ManagerAsync();
        var offer = (await CreatedAsync(await manager.PostAsJsonAsync("/api/v1/offers", world.DayPass()))).GetProperty("id").GetGuid();

        (await member.PostAsJsonAsync("/api/v1/offers", world.DayPass())).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await member.PutAsJsonAsync($"/api/v1/offers/{offer}", world.DayPass())).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await member.GetAsync($"/api/v1/offers/{offer}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var deactivated = await manager.PostAsync($"/api/v1/offers/{offer}/deactivate", null);
        (await deactivated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("isActive").GetBoolean().ShouldBeFalse();
        (await member.GetAsync($"/api/v1/offers/{offer}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await manager.GetAsync($"/api/v1/offers/{offer}")).StatusCode.ShouldBe(HttpStatusCode.OK); // its managers still see it
        var list = await member.GetFromJsonAsync<JsonElement>($"/api/v1/offers?locationId={world.Location}");
        list.GetProperty("items").EnumerateArray().Select(o => o.GetProperty("id").GetGuid()).ShouldNotContain(offer);
    }

    [Fact]
    public async Task An_offer_is_deactivated_and_reactivated_never_deleted()
    {
        var world = await OfferWorld.CreateAsync(app);
        using var manager = await world.ManagerAsync();
        var offer = (await CreatedAsync(await manager.PostAsJsonAsync("/api/v1/offers", world.DayPass()))).GetProperty("id").GetGuid();

        (await manager.PostAsync($"/api/v1/offers/{offer}/deactivate", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var again = await manager.PostAsync($"/api/v1/offers/{offer}/activate", null);

        (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("isActive").GetBoolean().ShouldBeTrue();
        (await manager.DeleteAsync($"/api/v1/offers/{offer}")).StatusCode.ShouldBe(HttpStatusCode.MethodNotAllowed);
        (await app.WithDbAsync(db => db.Set<Cotravail.Modules.Offers.Offer>().CountAsync(o => o.Id == offer))).ShouldBe(1);
    }

    [Fact]
    public async Task Network_admins_make_network_offers_valid_at_all_or_at_chosen_locations()
    {
        var world = await OfferWorld.CreateAsync(app);
        using var admin = await world.AdminAsync();
        var token = Guid.NewGuid().ToString("N")[..8];

        var everywhere = await CreatedAsync(await admin.PostAsJsonAsync("/api/v1/offers", new
        {
            kind = "MembershipFee", nameFr = $"Adhésion {token}", nameEn = $"Membership {token}", price = 20m, vatPercent = 20m,
            reducedPrices = new[] { new { category = "Student", price = 10m }, new { category = "JobSeeker", price = 10m } },
        }));
        var onlyA = await CreatedAsync(await admin.PostAsJsonAsync("/api/v1/offers", new
        {
            kind = "Bundle", nameFr = $"Carnet {token}", price = 200m, vatPercent = 20m, passCount = 10, validityDays = 180,
            resourceKinds = new[] { "HotDeskZone" }, locationIds = new[] { world.Location },
            credits = new[] { new { kind = "PrintPages", amount = 50 } },
        }));

        everywhere.GetProperty("locationId").ValueKind.ShouldBe(JsonValueKind.Null);
        everywhere.GetProperty("currency").GetString().ShouldBe("EUR");
        onlyA.GetProperty("locationIds").EnumerateArray().Select(x => x.GetGuid()).ShouldBe([world.Location]);
        onlyA.GetProperty("credits")[0].GetProperty("amount").GetInt32().ShouldBe(50);
        async Task<List<Guid>> ValidAtAsync(Guid location) =>
            [.. (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/offers?locationId={location}&q={token}")).GetProperty("items").EnumerateArray().Select(o => o.GetProperty("id").GetGuid())];
        (await ValidAtAsync(world.Location)).ShouldBe([everywhere.GetProperty("id").GetGuid(), onlyA.GetProperty("id").GetGuid()], ignoreOrder: true);
        (await ValidAtAsync(world.Other)).ShouldBe([everywhere.GetProperty("id").GetGuid()]);
        using var manager = await world.ManagerAsync();
        await ProblemAsync(await manager.PostAsJsonAsync("/api/v1/offers", Merge(world.DayPass(), ("locationIds", new[] { world.Other }))), HttpStatusCode.BadRequest, "locationIds");
    }

    [Fact]
    public async Task Bad_offers_are_refused_by_the_field_they_concern()
    {
        var world = await OfferWorld.CreateAsync(app);
        using var manager = await world.ManagerAsync();
        async Task<string> RefusedAsync(object body, string field) =>
            await ProblemAsync(await manager.PostAsJsonAsync("/api/v1/offers", body), HttpStatusCode.BadRequest, field);
        var pass = world.DayPass();

        (await RefusedAsync(Merge(pass, ("price", -1m)), "price")).ShouldContain("Prix HT");
        (await RefusedAsync(Merge(pass, ("vatPercent", 7.7m)), "vatPercent")).ShouldBe("Ce taux de TVA n'est pas l'un des taux de l'espace.");
        (await RefusedAsync(Merge(pass, ("vatPercent", 10m)), "vatPercent")).ShouldNotBeEmpty(); // a French rate, but not this location's
        (await RefusedAsync(Merge(pass, ("accessFrom", "18:00"), ("accessTo", "09:00")), "accessTo")).ShouldBe("L'accès doit finir après avoir commencé.");
        (await RefusedAsync(Merge(pass, ("accessFrom", "25:00"), ("accessTo", "09:00")), "accessFrom")).ShouldNotBeEmpty();
        (await RefusedAsync(Merge(pass, ("reducedPrices", new[] { new { category = "Student", price = 26m } })), "reducedPrices"))
            .ShouldBe("Un tarif réduit est compris entre zéro et le plein tarif.");
        (await RefusedAsync(Merge(pass, ("kind", "Bundle")), "passCount")).ShouldBe("Un carnet doit indiquer son nombre d'entrées.");
        (await RefusedAsync(Merge(pass, ("passCount", 10)), "passCount")).ShouldNotBeEmpty();
        (await RefusedAsync(Merge(pass, ("nameFr", ""), ("nameEn", "")), "nameFr")).ShouldNotBeEmpty();
        (await RefusedAsync(Merge(pass, ("resourceKinds", Array.Empty<string>())), "resourceKinds")).ShouldNotBeEmpty();
        (await RefusedAsync(Merge(pass, ("kind", "MonthlyPlan"), ("daysPerWeek", 6)), "daysPerWeek")).ShouldNotBeEmpty();
        (await RefusedAsync(Merge(pass, ("credits", new[] { new { kind = "PrintPages", amount = 10 } })), "credits")).ShouldNotBeEmpty(); // passes include none
        (await RefusedAsync(Merge(pass, ("kind", "Product")), "resourceKinds")).ShouldNotBeEmpty(); // a product opens nothing
        (await RefusedAsync(Merge(pass, ("price", 25.555m)), "price")).ShouldNotBeEmpty();

        using var english = new HttpRequestMessage(HttpMethod.Post, "/api/v1/offers") { Content = JsonContent.Create(Merge(pass, ("kind", "Bundle"))) };
        english.Headers.AcceptLanguage.ParseAdd("en");
        (await ProblemAsync(await manager.SendAsync(english), HttpStatusCode.BadRequest, "passCount")).ShouldBe("A bundle needs its number of passes.");
        (await app.WithDbAsync(db => db.Set<Cotravail.Modules.Offers.Offer>().CountAsync(o => o.LocationId == world.Location))).ShouldBe(0);
    }

    [Fact]
    public async Task An_offer_keeps_its_kind_and_location_and_a_price_change_is_audited()
    {
        var world = await OfferWorld.CreateAsync(app);
        using var manager = await world.ManagerAsync();
        var offer = (await CreatedAsync(await manager.PostAsJsonAsync("/api/v1/offers", world.DayPass()))).GetProperty("id").GetGuid();

        await ProblemAsync(await manager.PutAsJsonAsync($"/api/v1/offers/{offer}", Merge(world.DayPass(), ("kind", "WeekPass"))), HttpStatusCode.BadRequest, "kind");
        var changed = await manager.PutAsJsonAsync($"/api/v1/offers/{offer}", Merge(world.DayPass(), ("price", 27m), ("validityDays", 2)));

        var body = await changed.Content.ReadFromJsonAsync<JsonElement>();
        changed.StatusCode.ShouldBe(HttpStatusCode.OK, body.ToString());
        body.GetProperty("priceIncludingVat").GetDecimal().ShouldBe(32.4m);
        body.GetProperty("validityDays").GetInt32().ShouldBe(2);
        var audited = await app.WithDbAsync(db => db.Set<AuditEntry>().Where(a => a.Action == AuditActions.PriceChanged && a.TargetId == offer).Select(a => a.Detail).SingleAsync());
        audited.ShouldBe("Pass journée test: 25.00 EUR; Student 18.00 → 27.00 EUR; Student 18.00");
    }

    [Fact]
    public async Task Lists_are_paged_and_searched_in_either_name_and_by_kind()
    {
        var world = await OfferWorld.CreateAsync(app);
        using var manager = await world.ManagerAsync();
        var token = Guid.NewGuid().ToString("N")[..8];
        foreach (var n in new[] { 1, 2, 3 })
        {
            await CreatedAsync(await manager.PostAsJsonAsync("/api/v1/offers", Merge(world.DayPass($"Pass {token} {n}"), ("nameEn", $"Pass {n}"), ("position", n))));
        }
        await CreatedAsync(await manager.PostAsJsonAsync("/api/v1/offers", Merge(world.DayPass("Semaine"), ("kind", "WeekPass"), ("nameEn", $"Week {token}"), ("position", 9))));

        var first = await manager.GetFromJsonAsync<JsonElement>($"/api/v1/offers?q={token}&pageSize=2");
        var second = await manager.GetFromJsonAsync<JsonElement>($"/api/v1/offers?q={token}&pageSize=2&page=2");
        var weeks = await manager.GetFromJsonAsync<JsonElement>($"/api/v1/offers?q={token.ToUpperInvariant()}&kind=WeekPass");

        first.GetProperty("totalCount").GetInt32().ShouldBe(4);
        first.GetProperty("items").GetArrayLength().ShouldBe(2);
        first.GetProperty("items")[0].GetProperty("nameFr").GetString().ShouldBe($"Pass {token} 1"); // by position
        second.GetProperty("items").GetArrayLength().ShouldBe(2);
        weeks.GetProperty("items").EnumerateArray().Select(o => o.GetProperty("nameEn").GetString()).ShouldBe([$"Week {token}"]);
    }

    internal static Dictionary<string, object?> Merge(object body, params (string Key, object? Value)[] changes)
    {
        var fields = JsonSerializer.SerializeToElement(body, JsonSerializerOptions.Web).EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value);
        foreach (var (key, value) in changes)
        {
            fields[key] = value;
        }
        return fields;
    }
}

[Collection(SqliteCollection.Name)]
public sealed class OffersApiTests_Sqlite(SqliteTestApp app) : OffersApiTests(app);

[Collection(PostgresCollection.Name)]
public sealed class OffersApiTests_Postgres(PostgresTestApp app) : OffersApiTests(app);

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cotravail.Common.Audit;
using Cotravail.Modules.Members;
using Cotravail.Modules.Offers;
using Cotravail.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Cotravail.Tests.Modules.Offers.OfferWorld;

namespace Cotravail.Tests.Modules.Offers;

public abstract class ReducedRatesTests(TestApp app)
{
    private static object Grant(string category, string validUntil) => new { category, proofNote = "Carte étudiante 2026–2027 vue à l'accueil", validUntil };

    [Fact]
    public async Task The_price_of_an_offer_is_reduced_only_while_the_member_holds_a_valid_grant()
    {
        var world = await OfferWorld.CreateAsync(app);
        using var manager = await world.ManagerAsync();
        var offer = (await CreatedAsync(await manager.PostAsJsonAsync("/api/v1/offers", world.DayPass()))).GetProperty("id").GetGuid();
        var (student, studentId, _) = await world.MemberAsync(MemberCategory.Student); // declared, not yet checked
        async Task<JsonElement> PriceAsync(HttpClient client, Guid? member = null) =>
            await client.GetFromJsonAsync<JsonElement>($"/api/v1/offers/{offer}/price{(member is { } m ? $"?memberId={m}" : "")}");

        var declared = await PriceAsync(student);
        declared.GetProperty("priceExcludingVat").GetDecimal().ShouldBe(25m);
        declared.GetProperty("reducedCategory").ValueKind.ShouldBe(JsonValueKind.Null);

        var grant = (await CreatedAsync(await manager.PostAsJsonAsync($"/api/v1/members/{studentId}/reduced-rates", Grant("Student", world.Date(30)))))
            .GetProperty("id").GetGuid();
        var reduced = await PriceAsync(student);
        reduced.GetProperty("priceExcludingVat").GetDecimal().ShouldBe(18m);
        reduced.GetProperty("vat").GetDecimal().ShouldBe(3.6m);
        reduced.GetProperty("priceIncludingVat").GetDecimal().ShouldBe(21.6m);
        reduced.GetProperty("reducedCategory").GetString().ShouldBe("Student");
        reduced.GetProperty("fullPriceExcludingVat").GetDecimal().ShouldBe(25m);
        reduced.GetProperty("currency").GetString().ShouldBe("EUR");
        (await PriceAsync(manager, studentId)).GetProperty("priceExcludingVat").GetDecimal().ShouldBe(18m); // staff ask for a member
        (await PriceAsync(manager)).GetProperty("priceExcludingVat").GetDecimal().ShouldBe(25m); // nobody's price: the full one

        (await manager.PostAsync($"/api/v1/members/{studentId}/reduced-rates/{grant}/revoke", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await PriceAsync(student)).GetProperty("priceExcludingVat").GetDecimal().ShouldBe(25m);

        await app.WithDbAsync(async db =>
        {
            var yesterday = DateOnly.Parse(world.Date(-1), System.Globalization.CultureInfo.InvariantCulture);
            db.Add(new ReducedRateGrant(studentId, MemberCategory.Student, "Carte de l'an dernier", yesterday, Guid.NewGuid(), app.Clock.GetUtcNow().UtcDateTime.AddYears(-1)));
            await db.SaveChangesAsync();
        });
        (await PriceAsync(student)).GetProperty("priceExcludingVat").GetDecimal().ShouldBe(25m); // ended yesterday
        var grants = await student.GetFromJsonAsync<JsonElement>($"/api/v1/members/{studentId}/reduced-rates"); // a member reads their own
        grants.EnumerateArray().Select(g => g.GetProperty("isValid").GetBoolean()).ShouldBe([false, false]);
    }

    [Fact]
    public async Task The_lowest_price_of_the_members_valid_grants_applies()
    {
        var world = await OfferWorld.CreateAsync(app);
        using var manager = await world.ManagerAsync();
        var offer = (await CreatedAsync(await manager.PostAsJsonAsync("/api/v1/offers", world.DayPass(reducedPrices: new[]
        {
            new { category = "Student", price = 18m }, new { category = "JobSeeker", price = 15m },
        })))).GetProperty("id").GetGuid();
        var (member, memberId, _) = await world.MemberAsync();
        await CreatedAsync(await manager.PostAsJsonAsync($"/api/v1/members/{memberId}/reduced-rates", Grant("Student", world.Date(200))));
        await CreatedAsync(await manager.PostAsJsonAsync($"/api/v1/members/{memberId}/reduced-rates", Grant("JobSeeker", world.Date(60))));
        await CreatedAsync(await manager.PostAsJsonAsync($"/api/v1/members/{memberId}/reduced-rates", Grant("Retiree", world.Date(60))));

        var price = await member.GetFromJsonAsync<JsonElement>($"/api/v1/offers/{offer}/price");

        price.GetProperty("priceExcludingVat").GetDecimal().ShouldBe(15m);
        price.GetProperty("reducedCategory").GetString().ShouldBe("JobSeeker");
    }

    [Fact]
    public async Task A_grant_is_checked_audited_without_its_proof_and_revoked_once()
    {
        var world = await OfferWorld.CreateAsync(app);
        using var manager = await world.ManagerAsync();
        var (_, memberId, _) = await world.MemberAsync();
        var url = $"/api/v1/members/{memberId}/reduced-rates";

        await ProblemAsync(await manager.PostAsJsonAsync(url, Grant("Student", world.Date(-1))), HttpStatusCode.BadRequest, "validUntil");
        await ProblemAsync(await manager.PostAsJsonAsync(url, Grant("Student", world.Date(367))), HttpStatusCode.BadRequest, "validUntil");
        await ProblemAsync(await manager.PostAsJsonAsync(url, Grant("Student", "31/12/2026")), HttpStatusCode.BadRequest, "validUntil");
        await ProblemAsync(await manager.PostAsJsonAsync(url, new { category = "Student", proofNote = "", validUntil = world.Date(10) }), HttpStatusCode.BadRequest, "proofNote");
        var grant = await CreatedAsync(await manager.PostAsJsonAsync(url, Grant("Student", world.Date(365))));
        var id = grant.GetProperty("id").GetGuid();
        grant.GetProperty("isValid").GetBoolean().ShouldBeTrue();

        (await manager.PostAsync($"{url}/{id}/revoke", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await manager.PostAsync($"{url}/{id}/revoke", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var details = await app.WithDbAsync(db => db.Set<AuditEntry>().Where(a => a.TargetId == memberId).Select(a => a.Action + " " + a.Detail).ToListAsync());
        details.ShouldContain(d => d.StartsWith(AuditActions.ReducedRateGranted + " Student until ", StringComparison.Ordinal));
        details.ShouldContain(AuditActions.ReducedRateRevoked + " Student");
        details.ShouldAllBe(d => !d.Contains("Carte"));
    }

    [Fact]
    public async Task Only_managers_of_the_members_home_location_grant_and_members_read_only_their_own()
    {
        var world = await OfferWorld.CreateAsync(app);
        using var other = await world.OtherManagerAsync();
        var (member, memberId, _) = await world.MemberAsync();
        var (neighbour, _, _) = await world.MemberAsync();
        var url = $"/api/v1/members/{memberId}/reduced-rates";

        (await other.PostAsJsonAsync(url, Grant("Student", world.Date(10)))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await member.PostAsJsonAsync(url, Grant("Student", world.Date(10)))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await member.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await neighbour.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await neighbour.GetAsync($"/api/v1/offers/{Guid.NewGuid()}/price")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Erasing_a_member_deletes_their_grants()
    {
        var world = await OfferWorld.CreateAsync(app);
        using var manager = await world.ManagerAsync();
        var (_, memberId, _) = await world.MemberAsync();
        await CreatedAsync(await manager.PostAsJsonAsync($"/api/v1/members/{memberId}/reduced-rates", Grant("Student", world.Date(10))));

        var erased = await manager.PostAsync($"/api/v1/members/{memberId}/erase", null);

        erased.IsSuccessStatusCode.ShouldBeTrue(await erased.Content.ReadAsStringAsync());
        (await app.WithDbAsync(db => db.ReducedRateGrants.CountAsync(g => g.MemberId == memberId))).ShouldBe(0);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ReducedRatesTests_Sqlite(SqliteTestApp app) : ReducedRatesTests(app);

[Collection(PostgresCollection.Name)]
public sealed class ReducedRatesTests_Postgres(PostgresTestApp app) : ReducedRatesTests(app);

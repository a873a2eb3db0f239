using System.Net.Http.Json;
using System.Text.Json;
using Cotravail.Modules.Demo;
using Cotravail.Modules.Locations;
using Cotravail.Modules.Members;
using Cotravail.Modules.Offers;
using Cotravail.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Tests.Modules.Offers;

/// The demo network (seeded in every test app) sells a realistic catalogue.
public abstract class DemoCatalogueTests(TestApp app)
{
    [Theory]
    [InlineData(DemoAccounts.ParisSlug, 2800)]
    [InlineData(DemoAccounts.LyonSlug, 2200)]
    [InlineData(DemoAccounts.RuralSlug, 1400)]
    public async Task Every_demo_space_sells_passes_a_bundle_and_plans(string slug, long dayPass)
    {
        var offers = await app.WithDbAsync(async db =>
        {
            var location = await db.Locations.Where(l => l.Slug == slug).Select(l => l.Id).SingleAsync();
            return await db.Offers.AsNoTracking().AsSplitQuery().Where(o => o.LocationId == location).ToListAsync();
        });

        offers.Select(o => o.Kind).ShouldBeSubsetOf(Enum.GetValues<OfferKind>());
        offers.Single(o => o.Kind == OfferKind.HalfDayPass).ValidityDays.ShouldBe(1);
        offers.Single(o => o.Kind == OfferKind.DayPass).PriceCents.ShouldBe(dayPass);
        offers.Single(o => o.Kind == OfferKind.WeekPass).ValidityDays.ShouldBe(7);
        var bundle = offers.Single(o => o.Kind == OfferKind.Bundle);
        (bundle.PassCount, bundle.ValidityDays).ShouldBe((10, 180));
        var plans = offers.Where(o => o.Kind == OfferKind.MonthlyPlan).ToList();
        plans.Single(p => p.DaysPerWeek == 2).Space.ShouldBe(PlanSpace.OpenSpace);
        var fullTime = plans.Single(p => p.DaysPerWeek is null && p.Space == PlanSpace.OpenSpace);
        fullTime.Credits.Select(c => (c.Kind, c.Amount)).ShouldBe([(CreditKind.MeetingRoomHours, 4), (CreditKind.PrintPages, 100)], ignoreOrder: true);
        plans.ShouldContain(p => p.Space == PlanSpace.DedicatedDesk);
        plans.ShouldContain(p => p.Space == PlanSpace.PrivateOffice);
        offers.Single(o => o.Kind == OfferKind.AnnualPlan).PriceCents.ShouldBeLessThan(12 * fullTime.PriceCents);
        offers.Where(o => o.Kind != OfferKind.Product && o.Space is null or PlanSpace.OpenSpace).ShouldAllBe(o =>
            o.ReducedPrices.Any(r => r.Category == MemberCategory.Student) && o.ReducedPrices.Any(r => r.Category == MemberCategory.JobSeeker));
        offers.ShouldAllBe(o => o.IsActive && o.VatMilliPercent == 20_000);
    }

    [Fact]
    public async Task The_network_sells_the_yearly_membership_and_products()
    {
        var network = await app.WithDbAsync(db => db.Offers.AsNoTracking().AsSplitQuery().Where(o => o.LocationId == null).ToListAsync());
        var products = await app.WithDbAsync(db => db.Offers.CountAsync(o => o.Kind == OfferKind.Product));

        var fee = network.Single(o => o.Kind == OfferKind.MembershipFee && o.NameFr == "Adhésion annuelle");
        fee.PriceCents.ShouldBe(2000);
        fee.VatMilliPercent.ShouldBe(20_000);
        fee.OpenedLocations.ShouldBeEmpty();
        fee.ReducedPrices.Single(r => r.Category == MemberCategory.Student).PriceCents.ShouldBe(1000);
        products.ShouldBeGreaterThanOrEqualTo(2);
    }

    [Fact]
    public async Task The_demo_student_holds_a_grant_and_pays_the_student_price()
    {
        var (student, offer) = await app.WithDbAsync(async db =>
        {
            var member = await db.Members.SingleAsync(m => m.LastName == "Marchand" && m.Category == MemberCategory.Student);
            var paris = await db.Locations.Where(l => l.Slug == DemoAccounts.ParisSlug).Select(l => l.Id).SingleAsync();
            var dayPass = await db.Offers.Where(o => o.LocationId == paris && o.Kind == OfferKind.DayPass).Select(o => o.Id).SingleAsync();
            return (member.Id, dayPass);
        });
        using var manager = await app.ClientForAsync(DemoAccounts.ParisManager);

        var price = await manager.GetFromJsonAsync<JsonElement>($"/api/v1/offers/{offer}/price?memberId={student}");

        price.GetProperty("reducedCategory").GetString().ShouldBe("Student");
        price.GetProperty("priceExcludingVat").GetDecimal().ShouldBe(20m); // 28.00 less 30 %, to the euro
        price.GetProperty("priceIncludingVat").GetDecimal().ShouldBe(24m);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class DemoCatalogueTests_Sqlite(SqliteTestApp app) : DemoCatalogueTests(app);

[Collection(PostgresCollection.Name)]
public sealed class DemoCatalogueTests_Postgres(PostgresTestApp app) : DemoCatalogueTests(app);

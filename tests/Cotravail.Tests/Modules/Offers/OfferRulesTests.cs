using Cotravail.Common;
using Cotravail.Common.Errors;
using Cotravail.Modules.Members;
using Cotravail.Modules.Offers;
using Cotravail.Modules.Resources;

namespace Cotravail.Tests.Modules.Offers;

/// The offer's invariants as pure functions, and its prices by the project's one VAT rule (Common.Vat).
public sealed class OfferRulesTests
{
    private static readonly DateTime Now = new(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc);

    private static OfferTerms Terms(OfferKind kind = OfferKind.DayPass, long price = 2500) => new(
        kind, "Pass", "", null, null, price, "EUR", 20_000, null, OfferRules.DefaultValidityDays(kind), null,
        OfferRules.IsPlan(kind) ? PlanSpace.OpenSpace : null, null, null, [], OfferRules.IsUsage(kind) ? [ResourceKind.HotDeskZone] : [], [], [], 0);

    private static string? Refusal(Guid? location, OfferTerms terms) => OfferRules.Check(location, terms)?.Field;

    [Fact]
    public void Each_kind_carries_its_own_fields()
    {
        Refusal(null, Terms()).ShouldBeNull();
        Refusal(null, Terms(OfferKind.Bundle)).ShouldBe("PassCount");
        Refusal(null, Terms(OfferKind.Bundle) with { PassCount = 10 }).ShouldBe("ValidityDays");
        Refusal(null, Terms(OfferKind.Bundle) with { PassCount = 10, ValidityDays = 180 }).ShouldBeNull();
        Refusal(null, Terms(OfferKind.MonthlyPlan) with { DaysPerWeek = 2 }).ShouldBeNull();
        Refusal(null, Terms(OfferKind.MonthlyPlan) with { Space = null }).ShouldBe("Space");
        Refusal(null, Terms() with { DaysPerWeek = 2 }).ShouldBe("DaysPerWeek");
        Refusal(null, Terms(OfferKind.MembershipFee)).ShouldBeNull();
        Refusal(null, Terms(OfferKind.MembershipFee) with { Covers = [ResourceKind.HotDeskZone] }).ShouldBe("ResourceKinds");
        Refusal(null, Terms(OfferKind.Product) with { AccessFrom = new(9, 0), AccessTo = new(18, 0) }).ShouldBe("AccessFrom");
        Refusal(null, Terms() with { Credits = [new(CreditKind.PrintPages, 10)] }).ShouldBe("Credits");
        Refusal(null, Terms(OfferKind.AnnualPlan) with { Credits = [new(CreditKind.PrintPages, 0)] }).ShouldBe("Credits");
    }

    [Fact]
    public void Prices_access_hours_and_locations_keep_their_invariants()
    {
        Refusal(null, Terms(price: -1)).ShouldBe("Price");
        Refusal(null, Terms() with { AccessFrom = new(18, 0), AccessTo = new(9, 0) }).ShouldBe("AccessTo");
        Refusal(null, Terms() with { AccessFrom = new(9, 0) }).ShouldBe("AccessTo");
        Refusal(null, Terms() with { ReducedPrices = [new(MemberCategory.Student, 2501)] }).ShouldBe("ReducedPrices");
        Refusal(null, Terms() with { ReducedPrices = [new(MemberCategory.Student, 1), new(MemberCategory.Student, 2)] }).ShouldBe("ReducedPrices");
        Refusal(Guid.NewGuid(), Terms() with { OpenedLocations = [Guid.NewGuid()] }).ShouldBe("LocationIds");
        Refusal(null, Terms() with { NameFr = " " }).ShouldBe("NameFr");
    }

    [Fact]
    public void An_offer_never_changes_kind_and_the_lowest_granted_price_applies()
    {
        var offer = Offer.Create(null, Terms() with { ReducedPrices = [new(MemberCategory.Student, 1800), new(MemberCategory.JobSeeker, 1500)] }, Now).Value!;

        offer.Change(Terms(OfferKind.WeekPass)).ShouldBeOfType<Invalid>().Field.ShouldBe("Kind");
        offer.PriceFor([]).ShouldBe((2500L, (MemberCategory?)null));
        offer.PriceFor([MemberCategory.Student]).ShouldBe((1800L, MemberCategory.Student));
        offer.PriceFor([MemberCategory.Student, MemberCategory.JobSeeker, MemberCategory.Retiree]).ShouldBe((1500L, MemberCategory.JobSeeker));
        offer.Name(new System.Globalization.CultureInfo("en")).ShouldBe("Pass"); // no English name: the French one
    }

    [Theory]
    [InlineData(2500, 20_000, 3000)]
    [InlineData(999, 5_500, 1054)] // 54.945 cents of VAT, half away from zero
    [InlineData(1667, 20_000, 2000)]
    [InlineData(0, 20_000, 0)]
    public void Prices_including_vat_follow_common_vat(long net, int milliPercent, long gross)
    {
        var offer = Offer.Create(null, Terms(price: net) with { VatMilliPercent = milliPercent }, Now).Value!;

        var response = OfferResponse.From(offer, null, System.Globalization.CultureInfo.InvariantCulture);

        Vat.Gross(net, milliPercent).ShouldBe(gross);
        response.PriceIncludingVat.ShouldBe(gross / 100m);
        response.Vat.ShouldBe(Vat.On(net, milliPercent) / 100m);
        (response.PriceExcludingVat + response.Vat).ShouldBe(response.PriceIncludingVat);
    }
}

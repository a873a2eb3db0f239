using System.Globalization;
using System.Resources;
using Cotravail.Common.Localization;
using Cotravail.Modules.Members;
using Cotravail.Modules.Offers;

namespace Cotravail.Tests.Modules.Offers;

/// OfferText's keys are chosen by switches the resource-file scan does not read: each is checked here.
public sealed class OfferTextTests
{
    private static readonly ResourceManager Resources = new(typeof(SharedResource).FullName!, typeof(SharedResource).Assembly);

    [Fact]
    public void Every_text_of_the_offers_enums_is_in_english_and_in_french()
    {
        var kinds = Enum.GetValues<OfferKind>();
        string?[] keys =
        [
            .. kinds.Select(OfferText.Of), .. kinds.Select(OfferText.Family), .. kinds.Select(OfferText.Per),
            .. Enum.GetValues<PlanSpace>().Select(OfferText.Of), .. Enum.GetValues<CreditKind>().Select(OfferText.Of),
            .. Enum.GetValues<CreditKind>().SelectMany(c => new[] { OfferText.Credit(c, OfferKind.MonthlyPlan), OfferText.Credit(c, OfferKind.Bundle) }),
            .. Enum.GetValues<MemberCategory>().Select(OfferText.People),
        ];
        var french = Resources.GetResourceSet(new CultureInfo("fr"), true, false)!;

        foreach (var key in keys.OfType<string>().Distinct())
        {
            Resources.GetString(key, CultureInfo.InvariantCulture).ShouldNotBeNull(key);
            french.GetString(key).ShouldNotBeNull(key);
        }
    }
}

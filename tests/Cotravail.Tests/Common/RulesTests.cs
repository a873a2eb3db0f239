using System.Globalization;
using Cotravail.Common;

namespace Cotravail.Tests.Common;

public sealed class RulesTests
{
    [Theory]
    [InlineData("732829320", true)] // a real SIREN shape with a valid Luhn digit
    [InlineData("732829321", false)]
    [InlineData("73282932", false)]
    [InlineData("73282932a", false)]
    public void Siren_checks_length_digits_and_luhn(string siren, bool valid) => FrenchIds.IsSiren(siren).ShouldBe(valid);

    [Fact]
    public void The_french_vat_key_is_computed_from_the_siren()
    {
        FrenchIds.VatNumber("732829320").ShouldBe("FR44732829320");
        FrenchIds.IsVatNumber("FR44732829320").ShouldBeTrue();
        FrenchIds.IsVatNumber("FR45732829320").ShouldBeFalse();
        FrenchIds.IsVatNumber("DE123456789").ShouldBeTrue();
        FrenchIds.IsVatNumber("fr44732829320").ShouldBeFalse();
    }

    [Fact]
    public void A_siret_is_the_siren_plus_an_establishment_number_with_luhn()
    {
        FrenchIds.IsSiret("73282932000074").ShouldBeTrue();
        FrenchIds.IsSiret("73282932000075").ShouldBeFalse();
    }

    [Theory]
    [InlineData("Tiers-lieu La Fabrique (Saint-Étienne)", "tiers-lieu-la-fabrique-saint-etienne")]
    [InlineData("  Café   Coworking  ", "cafe-coworking")]
    [InlineData("!!!", "")]
    public void Slugs_are_lower_case_ascii_words(string name, string slug) => Slug.From(name).ShouldBe(slug);

    [Fact]
    public void Money_is_formatted_for_the_culture_from_integer_cents()
    {
        // ICU's French separators are narrow or non-breaking spaces; compare them as spaces.
        Spaces(new Money(123456, "EUR").Format(new CultureInfo("fr-FR"))).ShouldBe("1 234,56 €");
        new Money(123456, "EUR").Format(new CultureInfo("en-GB")).ShouldBe("€1,234.56");
        new Money(5, "EUR").Format(new CultureInfo("en-GB")).ShouldBe("€0.05");
        Spaces(new Money(1200, "XPF").Format(new CultureInfo("fr-FR"))).ShouldBe("1 200 XPF");
    }

    private static string Spaces(string text) => text.Replace('\u202f', ' ').Replace('\u00a0', ' ');
}

using System.Globalization;
using Cotravail.Common.Localization;

namespace Cotravail.Tests.Common.Localization;

public sealed class BilingualTextTests
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    [Fact]
    public void Each_reader_gets_their_language_unmarked()
    {
        var text = new BilingualText("Salle lumineuse", "Bright room");
        text.For(French).ShouldBe(new ShownText("Salle lumineuse", null));
        text.For(English).ShouldBe(new ShownText("Bright room", null));
        text.For(CultureInfo.GetCultureInfo("en-US")).Text.ShouldBe("Bright room");
    }

    [Fact]
    public void A_missing_language_falls_back_to_the_other_one_and_names_it()
    {
        var frenchOnly = new BilingualText("Salle lumineuse", null);
        frenchOnly.For(English).ShouldBe(new ShownText("Salle lumineuse", "fr"));
        frenchOnly.For(English).FellBack.ShouldBeTrue();
        frenchOnly.For(French).FellBack.ShouldBeFalse();

        var englishOnly = new BilingualText("  ", "Bright room");
        englishOnly.For(French).ShouldBe(new ShownText("Bright room", "en"));
    }

    [Fact]
    public void Any_culture_but_english_reads_the_french_text()
    {
        new BilingualText("Salle", "Room").For(CultureInfo.GetCultureInfo("de-DE")).ShouldBe(new ShownText("Salle", null));
        new BilingualText("Salle", "Room").For(CultureInfo.InvariantCulture).Text.ShouldBe("Salle");
    }

    [Fact]
    public void Nothing_is_shown_when_both_are_empty()
    {
        BilingualText.Empty.For(English).ShouldBe(ShownText.None);
        new BilingualText("", " ").For(French).Text.ShouldBeNull();
    }

    [Fact]
    public void Of_trims_and_makes_blank_null()
    {
        BilingualText.Of("  Salle  ", "   ").ShouldBe(new BilingualText("Salle", null));
        BilingualText.Of(null, "").IsEmpty.ShouldBeTrue();
    }
}

using System.Globalization;
using Cotravail.Common.Web;

namespace Cotravail.Tests.Common.Web;

/// Form decimals read alike in French and English: a comma or a point is the decimal mark, spaces and the
/// page's own thousands separator group digits, anything else is refused rather than guessed.
public sealed class DecimalTextTests
{
    [Theory]
    [InlineData("12,50", "fr-FR", "12.50")]
    [InlineData("12.50", "fr-FR", "12.50")]
    [InlineData("12,50", "en-GB", "12.50")]
    [InlineData("12.50", "en-GB", "12.50")]
    [InlineData("1,000", "en-GB", "1000")]
    [InlineData("1,000", "fr-FR", "1.000")]
    [InlineData("1 000,50", "fr-FR", "1000.50")]
    [InlineData("1\u202F000,50", "fr-FR", "1000.50")]
    [InlineData("1,234,567.89", "en-GB", "1234567.89")]
    [InlineData("1.234.567,89", "fr-FR", "1234567.89")]
    [InlineData("-3,5", "fr-FR", "-3.5")]
    [InlineData("+7", "en-GB", "7")]
    [InlineData(" 0,001 ", "fr-FR", "0.001")]
    public void Reads_a_comma_or_a_point_as_the_decimal_mark(string text, string culture, string expected)
    {
        DecimalText.TryParse(text, new CultureInfo(culture), out var value).ShouldBeTrue(text);
        value.ShouldBe(decimal.Parse(expected, CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("twelve")]
    [InlineData("12,5,0")]
    [InlineData("1,2.3")]
    [InlineData("1e5")]
    [InlineData("12€")]
    [InlineData(",5")]
    [InlineData("5,")]
    [InlineData("--5")]
    [InlineData("")]
    [InlineData("99999999999999999999999999999999")]
    public void Refuses_what_is_not_a_plain_number(string text)
    {
        DecimalText.TryParse(text, new CultureInfo("fr-FR"), out _).ShouldBeFalse(text);
    }
}

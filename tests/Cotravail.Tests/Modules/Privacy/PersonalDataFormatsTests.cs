using Cotravail.Modules.Privacy.Export;

namespace Cotravail.Tests.Modules.Privacy;

public sealed class PersonalDataFormatsTests
{
    [Theory]
    [InlineData("=1+2", "'=1+2")]
    [InlineData("+33 6 12", "'+33 6 12")]
    [InlineData("-5", "'-5")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tx", "'\tx")]
    [InlineData("\rx", "\"'\rx\"")]
    [InlineData("Lyon, France", "\"Lyon, France\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("plain", "plain")]
    [InlineData("", "")]
    public void A_csv_cell_that_looks_like_a_formula_gets_a_quote_prefix(string value, string expected) =>
        PersonalDataFormats.CsvCell(value).ShouldBe(expected);
}

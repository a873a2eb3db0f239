using Cotravail.Common.Email;

namespace Cotravail.Tests.Common.Email;

public sealed class HeaderTextTests
{
    [Theory]
    [InlineData("Board\r\nBcc: someone@evil.test", "Board Bcc: someone@evil.test")]
    [InlineData("a\rb\nc", "a b c")]
    [InlineData("a\u2028b\u2029c\u0085d", "a b c d")]
    [InlineData("tab\there\0and\u001bescape", "tab here and escape")]
    [InlineData("\r\n  Réunion · Salle\u00a0Tilleul \r\n", "Réunion · Salle\u00a0Tilleul")]
    public void Line_breaks_and_control_characters_become_one_space(string typed, string header) =>
        HeaderText.Of(typed, 300).ShouldBe(header);

    [Fact]
    public void A_long_text_is_cut_at_the_bound_without_splitting_a_character()
    {
        var typed = new string('a', 8) + "👩‍💻" + new string('b', 20);

        var header = HeaderText.Of(typed, 12);

        header.Length.ShouldBeLessThanOrEqualTo(12);
        header.ShouldBe("aaaaaaaa…", "the emoji does not fit whole, so it is left out");
        HeaderText.Of("short", 12).ShouldBe("short");
    }
}

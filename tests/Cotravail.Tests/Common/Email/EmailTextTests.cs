using System.Globalization;
using System.Text;
using Cotravail.Common.Email;

namespace Cotravail.Tests.Common.Email;

public sealed class EmailTextTests
{
    [Theory]
    [InlineData("someone@example.org")]
    [InlineData("  Jean-Luc.Martin+devis@Example.ORG  ")]
    [InlineData("o'brien@example.co.uk")]
    [InlineData("élodie@exemple.fr")]
    [InlineData("contact@café.fr")]
    [InlineData("contact@xn--caf-dma.fr")]
    [InlineData("иван@пример.рф")]
    [InlineData("αλέξανδρος@example.gr")]
    [InlineData("山田taro@example.jp")]
    [InlineData("user2026@example.org")]
    public void Ordinary_addresses_in_any_one_script_are_accepted(string email) => EmailText.Problem(email).ShouldBeNull();

    [Fact]
    public void Composed_and_decomposed_accents_are_one_address()
    {
        var composed = "\u00e9lodie@exemple.fr";
        var decomposed = "e\u0301lodie@exemple.fr";
        EmailText.Problem(decomposed).ShouldBeNull();
        EmailText.Normalize(decomposed).ShouldBe(composed);
        EmailText.Canonical("  E\u0301LODIE@Exemple.FR ").ShouldBe(composed);
    }

    [Theory]
    [InlineData("some\u200bone@example.org")] // zero-width space
    [InlineData("\u200bsomeone@example.org")]
    [InlineData("someone@exam\u200dple.org")] // zero-width joiner
    [InlineData("\u202esomeone@example.org")] // right-to-left override
    [InlineData("some\u00adone@example.org")] // soft hyphen
    [InlineData("some one@example.org")]
    [InlineData("some\u00a0one@example.org")]
    [InlineData("some\tone@example.org")]
    public void Invisible_and_space_characters_are_refused(string email) => EmailText.Problem(email).ShouldBe(EmailMessages.Invisible);

    [Theory]
    [InlineData("someone@example.org.")]
    [InlineData("someone.@example.org")]
    [InlineData(".someone@example.org")]
    [InlineData("some..one@example.org")]
    [InlineData("someone@example..org")]
    [InlineData("someone@.example.org")]
    public void A_dot_at_an_end_or_doubled_is_refused(string email) => EmailText.Problem(email).ShouldBe(EmailMessages.MisplacedDot);

    [Theory]
    [InlineData("s\u043emeone@example.org")] // Cyrillic о among Latin letters
    [InlineData("\u0435lodie@exemple.fr")] // Cyrillic е
    [InlineData("someone@ex\u0430mple.org")] // Cyrillic а in a Latin domain label
    [InlineData("p\u03bfpe@example.org")] // Greek ο
    [InlineData("\uff53omeone@example.org")] // fullwidth ｓ
    [InlineData("\U0001d41aomeone@example.org")] // mathematical bold 𝐚
    public void Mixed_script_look_alikes_are_refused(string email) => EmailText.Problem(email).ShouldBe(EmailMessages.MixedScripts);

    [Fact]
    public void A_punycode_label_cannot_hide_a_mixed_script_domain()
    {
        var hidden = new IdnMapping().GetAscii("ex\u0430mple.org");
        hidden.ShouldStartWith("xn--");
        EmailText.Problem("someone@" + hidden).ShouldBe(EmailMessages.MixedScripts);
    }

    [Theory]
    [InlineData("")]
    [InlineData("someone")]
    [InlineData("@example.org")]
    [InlineData("someone@")]
    [InlineData("some@one@example.org")]
    [InlineData("someone@localhost")]
    [InlineData("someone@example.123")]
    [InlineData("someone@exa_mple.org")]
    [InlineData("someone@-example.org")]
    [InlineData("some(one)@example.org")]
    [InlineData("\"some one\"@example.org")]
    [InlineData("some☺one@example.org")]
    public void Malformed_addresses_are_refused(string email) => EmailText.Problem(email).ShouldNotBeNull();

    [Fact]
    public void Letters_are_told_apart_by_script()
    {
        UnicodeScripts.Of(new Rune('e')).ShouldBe("Latin");
        UnicodeScripts.Of(new Rune('é')).ShouldBe("Latin");
        UnicodeScripts.Of(new Rune('ŀ')).ShouldBe("Latin");
        UnicodeScripts.Of(new Rune('\u0435')).ShouldBe("Cyrillic");
        UnicodeScripts.Of(new Rune('\u03bf')).ShouldBe("Greek");
        UnicodeScripts.Of(new Rune('ἀ')).ShouldBe("Greek");
        UnicodeScripts.Of(new Rune('山')).ShouldBe("Han");
    }
}

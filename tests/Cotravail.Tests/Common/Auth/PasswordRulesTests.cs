using Cotravail.Common.Auth;

namespace Cotravail.Tests.Common.Auth;

public sealed class PasswordRulesTests
{
    [Theory]
    [InlineData("abcdefghijk", 11)]
    [InlineData("🙂🙂🙂🙂🙂🙂", 6)] // 12 UTF-16 units, 6 characters
    [InlineData("e\u0301te\u0301 a\u0300 Paris", 11)] // combining accents count with their letter
    [InlineData("👨‍👩‍👧 famille", 9)]
    public void Length_counts_characters_as_people_see_them(string password, int expected) =>
        PasswordRules.Length(password).ShouldBe(expected);

    [Fact]
    public void The_common_password_list_ships_with_the_app_and_ignores_case()
    {
        PasswordRules.CommonCount.ShouldBe(3410); // the list's 3,546 entries, once case is ignored
        PasswordRules.IsCommon("winniethepooh").ShouldBeTrue();
        PasswordRules.IsCommon("WinnieThePooh").ShouldBeTrue();
        PasswordRules.IsCommon("correct horse battery staple").ShouldBeFalse();
    }

    [Fact]
    public void Names_of_the_network_and_spaces_are_found_inside_a_password_whatever_the_case()
    {
        string[] names = ["Lyon Part-Dieu", "Ô"];
        PasswordRules.ContainsAny("j'adore LYON PART-DIEU 2026", names).ShouldBeTrue();
        PasswordRules.ContainsAny("un mot de passe sans nom", names).ShouldBeFalse(); // "Ô" is too short to look for
    }
}

using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Cotravail.Common;
using Cotravail.Modules.Companies;
using Cotravail.Modules.Me;
using Cotravail.Modules.Members;
using Microsoft.AspNetCore.Mvc.DataAnnotations;

namespace Cotravail.Tests.Common;

/// A postal address's fields are defined once (AddressFields, ADR 16): the company's and the member's inputs declare
/// which field each property is, nothing more; a member's optional address is complete or empty.
public sealed class AddressFieldsTests
{
    private static readonly Type[] Inputs = [typeof(CompanyInput), typeof(MemberInput), typeof(ProfileInput)];

    private static readonly string[] Fields = ["Street", "PostalCode", "City", "CountryCode"];

    [Fact]
    public void Each_address_field_is_declared_by_its_definition_alone()
    {
        foreach (var input in Inputs)
        {
            foreach (var name in Fields)
            {
                var property = input.GetProperty(name).ShouldNotBeNull($"{input.Name}.{name}");
                var attributes = property.GetCustomAttributes(inherit: false)
                    .Where(a => a is ValidationAttribute or ValidationProviderAttribute or DisplayAttribute or DisplayNameAttribute).ToList();
                attributes.Count.ShouldBe(1, $"{input.Name}.{name} has rules or a name of its own");
                attributes[0].GetType().DeclaringType.ShouldBe(typeof(AddressFields), $"{input.Name}.{name}");
            }
        }
    }

    [Theory]
    [InlineData("FR", true)]
    [InlineData("BE", true)]
    [InlineData("GP", true)]
    [InlineData("XX", false)]
    [InlineData("fr", false)]
    [InlineData("FRA", false)]
    [InlineData("", true)]
    public void A_country_code_is_one_that_iso_3166_gives(string code, bool valid)
    {
        var rules = new AddressFields.CountryCodeAttribute { Optional = true }.GetValidationAttributes();
        rules.All(r => r.IsValid(code.Length == 0 ? null : code)).ShouldBe(valid, code);
    }

    [Theory]
    [InlineData(null, null, null, null, null)]
    [InlineData(" ", "", " ", "BE", null)]
    [InlineData("8 rue Oberkampf", "75011", "Paris", null, null)]
    [InlineData("8 rue Oberkampf", "75011", "Paris", "FR", null)]
    [InlineData("Rue de la Loi 16", "1000", "Bruxelles", "BE", null)]
    [InlineData("Main Street 1", null, "Dublin", "IE", null)]
    [InlineData("8 rue Oberkampf", "7501", "Paris", null, "PostalCode")]
    [InlineData("8 rue Oberkampf", null, "Paris", "FR", "PostalCode")]
    [InlineData("8 rue Oberkampf", "75011", " ", null, "City")]
    [InlineData(null, "75011", "Paris", null, "Street")]
    public void An_optional_address_is_complete_or_empty(string? street, string? postalCode, string? city, string? country, string? field) =>
        (AddressFields.Incompleteness(street, postalCode, city, country)?.Field).ShouldBe(field);

    [Fact]
    public void A_member_without_an_address_has_no_country_and_one_with_an_address_defaults_to_france()
    {
        var member = new Member("Léa", "Fontaine", "lea@example.test", MemberCategory.Freelancer, Guid.NewGuid());
        member.MoveTo(" 15 rue des Petites-Écuries ", "75010", "Paris", null);
        (member.Street, member.PostalCode, member.City, member.CountryCode).ShouldBe(("15 rue des Petites-Écuries", "75010", "Paris", "FR"));
        member.MoveTo("", " ", null, "BE");
        (member.Street, member.PostalCode, member.City, member.CountryCode).ShouldBe((null, null, null, null));
    }
}

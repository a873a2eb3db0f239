using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Cotravail.Common.Email;
using Cotravail.Common.Errors;
using Cotravail.Modules.Joining;
using Cotravail.Modules.Me;
using Cotravail.Modules.Members;
using Microsoft.AspNetCore.Mvc.DataAnnotations;
using Microsoft.Extensions.Localization;

namespace Cotravail.Tests.Modules.Members;

/// A member field is defined once (MemberFields): the inputs that carry it declare which field it is, nothing more,
/// so they cannot drift apart. MemberFieldsHttpTests checks the same through the API and the pages.
public sealed class MemberFieldsTests
{
    private static readonly Type[] Inputs = [typeof(MemberInput), typeof(JoinInput), typeof(InvitationInput), typeof(ProfileInput)];

    private static readonly string[] Shared = ["FirstName", "LastName", "Email", "Phone", "Category", "HomeLocationId", "LocationId", "CompanyId"];

    /// A bad value, the inputs' property it goes in, and what every input carrying that property answers.
    public static TheoryData<string, object?, string[]> Cases => new()
    {
        { "Phone", "abc", ["{0} does not have the expected format.|Phone"] },
        { "Phone", "12345", ["{0} does not have the expected format.|Phone"] },
        { "Phone", new string('1', 31), ["{0} must be at most {1} characters.|Phone|30|0", "{0} does not have the expected format.|Phone"] },
        { "FirstName", new string('x', 101), ["{0} must be at most {1} characters.|First name|100|0"] },
        { "FirstName", "   ", ["{0} is required.|First name"] },
        { "LastName", "", ["{0} is required.|Last name"] },
        { "LastName", new string('é', 101), ["{0} must be at most {1} characters.|Last name|100|0"] },
        { "Email", "", ["{0} is required.|Email"] },
        { "Email", "nope", [string.Format(CultureInfo.InvariantCulture, EmailMessages.NotAnEmail, "Email")] },
    };

    [Fact]
    public void Each_shared_member_field_is_declared_by_its_definition_alone()
    {
        foreach (var input in Inputs)
        {
            foreach (var property in input.GetProperties().Where(p => Shared.Contains(p.Name)))
            {
                var attributes = property.GetCustomAttributes(inherit: false)
                    .Where(a => a is ValidationAttribute or ValidationProviderAttribute or DisplayAttribute or DisplayNameAttribute).ToList();
                attributes.Count.ShouldBe(1, $"{input.Name}.{property.Name} has rules or a name of its own");
                attributes[0].GetType().DeclaringType.ShouldBe(typeof(MemberFields), $"{input.Name}.{property.Name}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_inputs_carrying_a_field_give_the_same_answer(string property, object? value, string[] expected)
    {
        var carriers = Inputs.Where(t => t.GetProperty(property) is not null).ToList();
        carriers.Count.ShouldBeGreaterThanOrEqualTo(3);
        foreach (var type in carriers)
        {
            var input = Activator.CreateInstance(type)!;
            type.GetProperty(property)!.SetValue(input, value);
            var errors = LocalizedValidator.Validate(input, new Templates(), new EmptyServices());
            var key = char.ToLowerInvariant(property[0]) + property[1..];
            errors.GetValueOrDefault(key).ShouldBe(expected, $"{type.Name}.{property} = \"{value}\"");
        }
    }

    [Fact]
    public void The_definitions_keep_the_limits_of_the_tables()
    {
        Rules<MemberFields.FirstNameAttribute>().OfType<StringLengthAttribute>().Single().MaximumLength.ShouldBe(MemberFields.NameLength);
        Rules<MemberFields.EmailAttribute>().OfType<StringLengthAttribute>().Single().MaximumLength.ShouldBe(MemberFields.EmailLength);
        Rules<MemberFields.PhoneAttribute>().OfType<StringLengthAttribute>().Single().MaximumLength.ShouldBe(MemberFields.PhoneLength);
        MemberFields.Phone("  +33 1 23 45 67 89 ").ShouldBe("+33 1 23 45 67 89");
        MemberFields.Phone("   ").ShouldBeNull();
        MemberFields.Name("  Inès ").ShouldBe("Inès");
    }

    private static List<ValidationAttribute> Rules<T>() where T : FieldRulesAttribute, new() => [.. new T().GetValidationAttributes()];

    /// Shows which template was used with which arguments, so answers compare without the resource files.
    private sealed class Templates : IStringLocalizer
    {
        public LocalizedString this[string name] => new(name, name);

        public LocalizedString this[string name, params object[] arguments] => new(name, string.Join('|', [name, .. arguments]));

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];
    }

    private sealed class EmptyServices : IServiceProvider
    {
        public object? GetService(Type serviceType) => null;
    }
}

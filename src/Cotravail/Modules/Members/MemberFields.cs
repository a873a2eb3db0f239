using System.ComponentModel.DataAnnotations;
using Cotravail.Common.Email;
using Cotravail.Common.Errors;

namespace Cotravail.Modules.Members;

/// The fields of a member record, each defined once: its name, limits, format and how it is stored. Every input
/// that fills them carries the field's attribute instead of its own rules: MemberInput (admin form and API),
/// JoinInput and InvitationInput (Joining), ProfileInput (Me). The tables' column sizes use the same limits.
internal static class MemberFields
{
    public const int NameLength = 100;
    public const int EmailLength = 256;
    public const int PhoneLength = 30;

    /// Digits, spaces, dots, brackets and dashes, with an optional leading "+".
    public const string PhonePattern = @"^\+?[0-9 .()-]{6,30}$";

    /// A first or last name as stored: without the spaces around it.
    public static string Name(string name) => name.Trim();

    /// A phone number as stored: trimmed, null when blank. (An email is stored as Member.NormalizeEmail makes it.)
    public static string? Phone(string? phone) => string.IsNullOrWhiteSpace(phone) ? null : phone.Trim();

    internal sealed class FirstNameAttribute() : FieldRulesAttribute("First name")
    {
        public override IEnumerable<ValidationAttribute> GetValidationAttributes() => [Required(), NameTooLong()];
    }

    internal sealed class LastNameAttribute() : FieldRulesAttribute("Last name")
    {
        public override IEnumerable<ValidationAttribute> GetValidationAttributes() => [Required(), NameTooLong()];
    }

    internal sealed class EmailAttribute() : FieldRulesAttribute("Email")
    {
        public override IEnumerable<ValidationAttribute> GetValidationAttributes() =>
            [Required(), new ValidEmailAttribute(), new StringLengthAttribute(EmailLength) { ErrorMessage = Messages.TooLong }];
    }

    internal sealed class PhoneAttribute() : FieldRulesAttribute("Phone")
    {
        public override IEnumerable<ValidationAttribute> GetValidationAttributes() =>
        [
            new StringLengthAttribute(PhoneLength) { ErrorMessage = Messages.TooLong },
            new RegularExpressionAttribute(PhonePattern) { ErrorMessage = Messages.Format },
        ];
    }

    /// The status category; an invitation may leave it out (who invites decides it then).
    internal sealed class CategoryAttribute() : FieldRulesAttribute("Status")
    {
        public bool Optional { get; set; }

        public override IEnumerable<ValidationAttribute> GetValidationAttributes() => Optional ? [] : [Required()];
    }

    internal sealed class HomeLocationAttribute() : FieldRulesAttribute("Home location")
    {
        public override IEnumerable<ValidationAttribute> GetValidationAttributes() => [Required()];
    }

    /// The company the member works for (optional).
    internal sealed class CompanyAttribute() : FieldRulesAttribute("Company")
    {
        public override IEnumerable<ValidationAttribute> GetValidationAttributes() => [];
    }

    private static RequiredAttribute Required() => new() { ErrorMessage = Messages.Required };

    private static StringLengthAttribute NameTooLong() => new(NameLength) { ErrorMessage = Messages.TooLong };
}

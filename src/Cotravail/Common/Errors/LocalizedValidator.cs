using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Cotravail.Common.Email;
using Microsoft.Extensions.Localization;

namespace Cotravail.Common.Errors;

/// DataAnnotations (each FieldRulesAttribute expanded) with the message templates of Messages, formatted with the
/// same arguments MVC's adapters use, so the API and the pages say the same thing in the same language.
internal static class LocalizedValidator
{
    public static Dictionary<string, string[]> Validate(object request, IStringLocalizer l, IServiceProvider services)
    {
        var errors = new Dictionary<string, List<string>>();
        Collect(request, "", errors, l, services);
        return errors.ToDictionary(e => e.Key, e => e.Value.ToArray());
    }

    /// Errors keyed by JSON path; a nested object that validates itself (IValidatableObject) is checked
    /// too, its fields named under its own ("policy.maxMinutes").
    private static void Collect(object request, string prefix, Dictionary<string, List<string>> errors, IStringLocalizer l, IServiceProvider services)
    {
        var context = new ValidationContext(request, services, null);
        foreach (var property in request.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var value = property.GetValue(request);
            var display = l[FieldRulesAttribute.DisplayNameOf(property)].Value;
            context.MemberName = property.Name;
            context.DisplayName = display;
            foreach (var attribute in FieldRulesAttribute.Expand(property.GetCustomAttributes()).OfType<ValidationAttribute>())
            {
                if (attribute.GetValidationResult(value, context) is not { } result)
                {
                    continue;
                }
                if (attribute is ValidEmailAttribute)
                {
                    // Its reason varies and comes localized.
                    Add(errors, prefix + ErrorMapping.JsonName(property.Name), result.ErrorMessage ?? "");
                    continue;
                }
                object[] args = attribute switch
                {
                    StringLengthAttribute s => [display, s.MaximumLength, s.MinimumLength],
                    RangeAttribute r => [display, r.Minimum, r.Maximum],
                    MaxLengthAttribute m => [display, m.Length],
                    MinLengthAttribute m => [display, m.Length],
                    _ => [display],
                };
                Add(errors, prefix + ErrorMapping.JsonName(property.Name), l[attribute.ErrorMessage ?? Messages.Invalid, args]);
            }
            if (value is IValidatableObject nested && !ReferenceEquals(nested, request))
            {
                Collect(nested, prefix + ErrorMapping.JsonName(property.Name) + ".", errors, l, services);
            }
        }
        // Unlike Validator.TryValidateObject, object-level rules run even when a field failed, so every problem shows at once.
        if (request is IValidatableObject validatable)
        {
            foreach (var result in validatable.Validate(new ValidationContext(request, services, null)))
            {
                foreach (var member in result.MemberNames.DefaultIfEmpty(""))
                {
                    Add(errors, member.Length == 0 ? prefix.TrimEnd('.') : prefix + ErrorMapping.JsonName(member), result.ErrorMessage ?? "");
                }
            }
        }
    }

    private static void Add(Dictionary<string, List<string>> errors, string field, string message)
    {
        if (!errors.TryGetValue(field, out var list))
        {
            errors[field] = list = [];
        }
        list.Add(message);
    }
}

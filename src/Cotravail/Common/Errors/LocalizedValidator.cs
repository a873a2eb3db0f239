using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Microsoft.Extensions.Localization;

namespace Cotravail.Common.Errors;

/// DataAnnotations with the message templates of Messages, formatted with the same arguments
/// MVC's adapters use, so the API and the pages say the same thing in the same language.
internal static class LocalizedValidator
{
    public static Dictionary<string, string[]> Validate(object request, IStringLocalizer l, IServiceProvider services)
    {
        var errors = new Dictionary<string, List<string>>();
        var context = new ValidationContext(request, services, null);
        foreach (var property in request.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var value = property.GetValue(request);
            var display = l[property.GetCustomAttribute<DisplayAttribute>()?.Name ?? property.Name].Value;
            context.MemberName = property.Name;
            context.DisplayName = display;
            foreach (var attribute in property.GetCustomAttributes<ValidationAttribute>())
            {
                if (attribute.GetValidationResult(value, context) is null)
                {
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
                Add(errors, property.Name, l[attribute.ErrorMessage ?? Messages.Invalid, args]);
            }
        }
        // Unlike Validator.TryValidateObject, object-level rules run even when a field failed, so every problem shows at once.
        if (request is IValidatableObject validatable)
        {
            foreach (var result in validatable.Validate(new ValidationContext(request, services, null)))
            {
                foreach (var member in result.MemberNames.DefaultIfEmpty(""))
                {
                    Add(errors, member, result.ErrorMessage ?? "");
                }
            }
        }
        return errors.ToDictionary(e => ErrorMapping.JsonName(e.Key), e => e.Value.ToArray());
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

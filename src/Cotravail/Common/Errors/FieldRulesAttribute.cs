using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Microsoft.AspNetCore.Mvc.DataAnnotations;

namespace Cotravail.Common.Errors;

/// A field written once, its name and its validation attributes, for every input record that carries it. MVC
/// expands it itself (ValidationProviderAttribute); LocalizedValidator, FieldDisplayNames (pages) and
/// FieldRulesContract (the OpenAPI document) read the same rules, as if they were written on the property.
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
internal abstract class FieldRulesAttribute(string displayName) : ValidationProviderAttribute
{
    /// The field's name in messages (a resource key), what [Display(Name = …)] would say.
    public string DisplayName { get; } = displayName;

    /// A property's attributes with each FieldRulesAttribute replaced by its rules, in order, as MVC reads them.
    public static IEnumerable<object> Expand(IEnumerable<object> attributes) =>
        attributes.SelectMany<object, object>(a => a is ValidationProviderAttribute rules ? rules.GetValidationAttributes() : [a]);

    /// The name [Display] gives the property, else its field's, else its own.
    public static string DisplayNameOf(PropertyInfo property) =>
        property.GetCustomAttribute<DisplayAttribute>()?.Name ?? property.GetCustomAttribute<FieldRulesAttribute>()?.DisplayName ?? property.Name;
}

using System.ComponentModel.DataAnnotations;
using Cotravail.Common.Localization;
using Microsoft.Extensions.Localization;

namespace Cotravail.Common.Email;

/// EmailText's rule on a request field. The attribute has no ErrorMessage of its own: the reason varies,
/// so it is localized here and both MVC and LocalizedValidator show the result's message as it is.
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
internal sealed class ValidEmailAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        if (value is not string text || string.IsNullOrWhiteSpace(text) || EmailText.Problem(text) is not { } problem)
        {
            return ValidationResult.Success;
        }
        var name = validationContext.DisplayName;
        var message = validationContext.GetService<IStringLocalizer<SharedResource>>() is { } l ? l[problem, name].Value : string.Format(null, problem, name);
        return new ValidationResult(message, validationContext.MemberName is { } member ? [member] : null);
    }
}

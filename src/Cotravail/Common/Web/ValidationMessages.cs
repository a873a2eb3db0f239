using System.ComponentModel.DataAnnotations;
using Cotravail.Common.Errors;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace Cotravail.Common.Web;

/// Gives every validation attribute that has no message of its own one of the app's message keys, which the
/// DataAnnotations localization then translates: without one, ASP.NET writes its English default ("The RememberMe
/// field is required.") into the page's data-val-* attributes and messages, whatever the page's language.
/// A non-nullable value type (a bool) is implicitly required: ASP.NET adds a [Required] of its own for client
/// validation when the property has none, so an explicit one with a message is added here instead (it always
/// passes on the server, where such a value is never null).
internal sealed class ValidationMessages : IValidationMetadataProvider
{
    /// For a property without a display name ("RememberMe" would be shown as it is spelt in the code).
    public const string RequiredField = "This field is required.";

    public void CreateValidationMetadata(ValidationMetadataProviderContext context)
    {
        var validators = context.ValidationMetadata.ValidatorMetadata;
        var named = context.Attributes.OfType<DisplayAttribute>().Any(d => !string.IsNullOrEmpty(d.Name));
        foreach (var attribute in validators.OfType<ValidationAttribute>().Where(HasNoMessage))
        {
            attribute.ErrorMessage = attribute switch
            {
                RequiredAttribute => named ? Messages.Required : RequiredField,
                StringLengthAttribute { MinimumLength: > 0 } => Messages.Length,
                StringLengthAttribute => Messages.TooLong,
                RangeAttribute => Messages.Range,
                _ => attribute.ErrorMessage,
            };
        }
        var type = context.Key.ModelType;
        if (context.Key.MetadataKind == ModelMetadataKind.Property && type.IsValueType && Nullable.GetUnderlyingType(type) is null
            && !validators.OfType<RequiredAttribute>().Any())
        {
            validators.Add(new ClientOnlyRequiredAttribute { ErrorMessage = named ? Messages.Required : RequiredField });
        }
    }

    private static bool HasNoMessage(ValidationAttribute attribute) =>
        string.IsNullOrEmpty(attribute.ErrorMessage) && string.IsNullOrEmpty(attribute.ErrorMessageResourceName) && attribute.ErrorMessageResourceType is null;
}

/// The required mark of a non-nullable value type, for the browser's validation only (data-val-required with a
/// translated message); the server never refuses on it, as it never did.
internal sealed class ClientOnlyRequiredAttribute : RequiredAttribute
{
    public override bool IsValid(object? value) => true;
}

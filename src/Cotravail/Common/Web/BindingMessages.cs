using Cotravail.Common.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Cotravail.Common.Web;

/// Model-binding failures ("abc" in a number field) in the page's language.
internal sealed class BindingMessages(IStringLocalizerFactory factory) : IConfigureOptions<MvcOptions>
{
    public void Configure(MvcOptions options)
    {
        var l = factory.Create(typeof(SharedResource));
        var messages = options.ModelBindingMessageProvider;
        messages.SetAttemptedValueIsInvalidAccessor((value, field) => l["The value '{0}' is not valid for {1}.", value, l[field]]);
        messages.SetValueMustBeANumberAccessor(field => l["{0} must be a number.", l[field]]);
        messages.SetValueMustNotBeNullAccessor(field => l["{0} is required.", l[field]]);
        messages.SetMissingBindRequiredValueAccessor(field => l["{0} is required.", l[field]]);
        messages.SetUnknownValueIsInvalidAccessor(field => l["{0} is not valid.", l[field]]);
        messages.SetValueIsInvalidAccessor(value => l["The value '{0}' is not valid.", value]);
        // Items of a list (several ticked boxes of one field) have messages of their own.
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => l["The value '{0}' is not valid.", value]);
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => l["The value is not valid."]);
        messages.SetNonPropertyValueMustBeANumberAccessor(() => l["The value must be a number."]);
        // Validation attributes without a message of their own, and the implicit [Required] of value types.
        options.ModelMetadataDetailsProviders.Add(new ValidationMessages());
    }
}

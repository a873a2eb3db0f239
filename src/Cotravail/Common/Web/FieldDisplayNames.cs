using Cotravail.Common.Errors;
using Cotravail.Common.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Cotravail.Common.Web;

/// Pages name a field declared by a FieldRulesAttribute as they name one with [Display(Name = …)]: localized,
/// in its messages and labels. (MVC reads the field's rules itself: it is a ValidationProviderAttribute.)
internal sealed class FieldDisplayNames(IStringLocalizerFactory factory) : IConfigureOptions<MvcOptions>, IDisplayMetadataProvider
{
    public void Configure(MvcOptions options) => options.ModelMetadataDetailsProviders.Add(this);

    public void CreateDisplayMetadata(DisplayMetadataProviderContext context)
    {
        if (context.DisplayMetadata.DisplayName is null && context.Attributes.OfType<FieldRulesAttribute>().FirstOrDefault() is { } field)
        {
            var l = factory.Create(typeof(SharedResource));
            context.DisplayMetadata.DisplayName = () => l[field.DisplayName];
        }
    }
}

using Cotravail.Common.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Binders;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Cotravail.Common.Web;

/// Page fields: text through InputText (a field with control characters is a message next to it, and the form
/// is redisplayed), yes/no fields that never crash the page when sent something other than true or false, and
/// decimals typed with a comma or a point in either language (DecimalText).
internal sealed class FormBinders(IStringLocalizerFactory factory, ILoggerFactory loggers) : IConfigureOptions<MvcOptions>
{
    public void Configure(MvcOptions options)
    {
        var l = factory.Create(typeof(SharedResource));
        options.ModelBinderProviders.Insert(0, new Provider(l, loggers));
    }

    private sealed class Provider(IStringLocalizer l, ILoggerFactory loggers) : IModelBinderProvider
    {
        public IModelBinder? GetBinder(ModelBinderProviderContext context) => context.Metadata.ModelType switch
        {
            var t when t == typeof(string) => new TextBinder(new SimpleTypeModelBinder(typeof(string), loggers), l),
            var t when t == typeof(bool) || t == typeof(bool?) => new YesNoBinder(l),
            var t when t == typeof(decimal) || t == typeof(decimal?) => new DecimalBinder(l),
            _ => null,
        };
    }

    private sealed class TextBinder(IModelBinder inner, IStringLocalizer l) : IModelBinder
    {
        public async Task BindModelAsync(ModelBindingContext context)
        {
            await inner.BindModelAsync(context);
            if (context.Result is { IsModelSet: true, Model: string text })
            {
                if (!InputText.IsClean(text))
                {
                    context.ModelState.TryAddModelError(context.ModelName, l[InputText.NotAllowedMessage, l[context.ModelMetadata.GetDisplayName()]]);
                    return;
                }
                context.Result = ModelBindingResult.Success(InputText.Normalize(text));
            }
        }
    }

    /// A checkbox sends "true" (with its hidden "false"); anything else is a field error, and the page shows
    /// the box unticked instead of failing to render "maybe" as a checkbox.
    private sealed class YesNoBinder(IStringLocalizer l) : IModelBinder
    {
        public Task BindModelAsync(ModelBindingContext context)
        {
            var values = context.ValueProvider.GetValue(context.ModelName);
            if (values == ValueProviderResult.None)
            {
                return Task.CompletedTask;
            }
            var first = values.FirstValue?.Trim() ?? "";
            bool? value = first.ToLowerInvariant() switch
            {
                "true" or "on" or "1" => true,
                "false" or "off" or "0" => false,
                "" => Nullable.GetUnderlyingType(context.ModelType) is null ? false : null,
                _ => null,
            };
            if (value is null && first.Length > 0)
            {
                context.ModelState.SetModelValue(context.ModelName, "false", "false");
                context.ModelState.TryAddModelError(context.ModelName, l["{0} is not valid.", l[context.ModelMetadata.GetDisplayName()]]);
                context.Result = ModelBindingResult.Failed();
                return Task.CompletedTask;
            }
            context.ModelState.SetModelValue(context.ModelName, values);
            context.Result = ModelBindingResult.Success(value);
            return Task.CompletedTask;
        }
    }

    /// "12,50" and "12.50" alike; an empty field is no value (an error when the field cannot be empty); anything
    /// else is the framework's message for a value it cannot read, with what was typed kept for the redisplay.
    private sealed class DecimalBinder(IStringLocalizer l) : IModelBinder
    {
        public Task BindModelAsync(ModelBindingContext context)
        {
            var values = context.ValueProvider.GetValue(context.ModelName);
            if (values == ValueProviderResult.None)
            {
                return Task.CompletedTask;
            }
            context.ModelState.SetModelValue(context.ModelName, values);
            var text = values.FirstValue ?? "";
            var field = context.ModelMetadata.GetDisplayName();
            if (string.IsNullOrWhiteSpace(text))
            {
                if (context.ModelMetadata.IsReferenceOrNullableType)
                {
                    context.Result = ModelBindingResult.Success(null);
                }
                else
                {
                    context.ModelState.TryAddModelError(context.ModelName, l["{0} is required.", l[field]]);
                }
                return Task.CompletedTask;
            }
            if (!DecimalText.TryParse(text, values.Culture, out var value))
            {
                context.ModelState.TryAddModelError(context.ModelName, context.ModelMetadata.ModelBindingMessageProvider.AttemptedValueIsInvalidAccessor(text, field));
                return Task.CompletedTask;
            }
            context.Result = ModelBindingResult.Success(value);
            return Task.CompletedTask;
        }
    }
}

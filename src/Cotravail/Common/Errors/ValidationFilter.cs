using Microsoft.Extensions.Localization;
using Cotravail.Common.Localization;

namespace Cotravail.Common.Errors;

/// Validates the request record before an endpoint runs: 400 problem details naming each bad field.
/// Pages get the same checks, with the same localized messages, through model binding.
internal sealed class ValidationFilter<T> : IEndpointFilter where T : class
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var l = context.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        var request = context.Arguments.OfType<T>().FirstOrDefault();
        if (request is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [""] = [l["A JSON body is required."]] });
        }
        var errors = LocalizedValidator.Validate(request, l, context.HttpContext.RequestServices);
        return errors.Count == 0
            ? await next(context)
            : TypedResults.ValidationProblem(errors, title: l["The request has invalid fields."]);
    }
}

internal static class ValidationFilterExtensions
{
    public static RouteHandlerBuilder Validate<T>(this RouteHandlerBuilder builder) where T : class =>
        builder.AddEndpointFilter<ValidationFilter<T>>().ProducesValidationProblem();
}

using System.Text;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.OpenApi;

namespace Cotravail.Common.Web;

/// What the OpenAPI document promises for every operation, written once instead of on each endpoint (ADR 22):
/// the bearer scheme on each authenticated operation, a unique camelCase operationId and a summary, and the
/// problem-details answers the shared plumbing gives (400 from binding and validation, 401/403 from
/// authorization, 404 from NotFound, 409 from Conflict and unique indexes, 429 from the rate limits).
/// tools/openapi-lint checks the result with Redocly's recommended rules (OpenApiLintTests).
internal static class OpenApiConventions
{
    public const string BearerScheme = "bearer";
    private const string ProblemJson = "application/problem+json";
    private const string ProblemSchema = nameof(ProblemDetails);
    private const string ValidationProblemSchema = nameof(HttpValidationProblemDetails);

    /// One line per tag the modules use; a tag missing here gets a generic line.
    private static readonly IReadOnlyDictionary<string, string> TagDescriptions = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Auth"] = "Bearer tokens from an email and password, and password resets.",
        ["Audit"] = "The audit log of sensitive actions (network admins).",
        ["Members"] = "Members of the network: their records, categories and export.",
        ["Bookings"] = "Availability, bookings, series, attendees, waitlists and calendar feeds.",
        ["Joining"] = "Requests to join the network and their approval.",
        ["Subscriptions"] = "Members' subscriptions to offers: subscribe, change, pause, cancel.",
        ["Invoices"] = "Invoices and credit notes: drafts, issuing, payments and billing runs.",
        ["Network"] = "The network's own settings (network admins).",
        ["Locations"] = "Locations: address, opening hours, closed days and photos.",
        ["Companies"] = "Companies whose members are billed together.",
        ["Me"] = "The signed-in account: profile, personal access tokens, privacy choices.",
        ["Resources"] = "Bookable resources (desks, offices, meeting rooms) and their booking rules.",
        ["Assignments"] = "Resources assigned to a member for a period (dedicated desks, private offices).",
        ["Offers"] = "What members can subscribe to, and its prices.",
        ["Reduced rates"] = "Reduced prices for member categories.",
        ["Staff"] = "Staff roles at locations and network admins (network admins).",
        ["Privacy"] = "Personal data: exports and erasure.",
    };

    public static OpenApiOptions AddCotravailConventions(this OpenApiOptions options)
    {
        // Nested request and answer records share short names (Request, Response): name them after their
        // owner so that two shapes never share one schema.
        options.CreateSchemaReferenceId = SchemaId;
        options.AddOperationTransformer(TransformOperationAsync);
        options.AddDocumentTransformer(TransformDocumentAsync);
        return options;
    }

    private static string? SchemaId(JsonTypeInfo type)
    {
        var id = OpenApiOptions.CreateDefaultSchemaReferenceId(type);
        var declaring = type.Type.DeclaringType;
        return id is null || declaring is null || declaring.IsGenericType || id.StartsWith(declaring.Name, StringComparison.Ordinal)
            ? id
            : declaring.Name + id;
    }

    private static async Task TransformOperationAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        var description = context.Description;
        var metadata = description.ActionDescriptor.EndpointMetadata;
        var method = (description.HttpMethod ?? "GET").ToUpperInvariant();
        var route = "/" + (description.RelativePath ?? "").TrimStart('/');

        operation.OperationId = OperationId(metadata.OfType<IEndpointNameMetadata>().LastOrDefault()?.EndpointName, method, route);
        if (string.IsNullOrWhiteSpace(operation.Summary))
        {
            operation.Summary = Summary(method, route);
        }

        var document = context.Document!;
        operation.Responses ??= [];
        if (!operation.Responses.Keys.Any(k => k.StartsWith('2')))
        {
            // Every mapped endpoint without a declared answer here ends in NoContent (DELETE) or Ok.
            operation.Responses[method == "DELETE" ? "204" : "200"] = new OpenApiResponse { Description = method == "DELETE" ? "No Content" : "OK" };
        }

        var hasInput = operation.RequestBody is not null || (operation.Parameters?.Count ?? 0) > 0;
        if (hasInput)
        {
            // Unreadable bodies, query strings and failed validation (ExceptionHandling, ValidationFilter).
            await AddProblemAsync(operation, "400", "The request has invalid fields: errors names each one.", ValidationProblemSchema, context, ct);
        }
        var anonymous = metadata.OfType<IAllowAnonymous>().Any();
        // An empty requirement says "no credentials needed"; the deny-by-default fallback policy asks for
        // a signed-in user everywhere else, and the API group for a bearer token.
        operation.Security = [anonymous ? new OpenApiSecurityRequirement() : new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, document)] = [] }];
        if (!anonymous)
        {
            await AddProblemAsync(operation, "401", "No valid bearer token.", ProblemSchema, context, ct);
            await AddProblemAsync(operation, "403", "The token's scope or the account's roles do not allow this.", ProblemSchema, context, ct);
        }
        if (route.Contains('{', StringComparison.Ordinal))
        {
            await AddProblemAsync(operation, "404", "Nothing with this id, or nothing this account may see.", ProblemSchema, context, ct);
        }
        if (!anonymous && method is "POST" or "PUT" or "PATCH" or "DELETE")
        {
            // Conflict errors, and a unique index that a concurrent request filled first (ExceptionHandling).
            await AddProblemAsync(operation, "409", "The request clashes with what is stored: errors names the field.", ProblemSchema, context, ct);
        }
        if (metadata.OfType<EnableRateLimitingAttribute>().Any())
        {
            await AddProblemAsync(operation, "429", "Too many attempts: try again after Retry-After seconds.", ProblemSchema, context, ct);
        }
        if (!operation.Responses.Keys.Any(k => k.StartsWith('4')))
        {
            await AddProblemAsync(operation, "400", "The request could not be read.", ProblemSchema, context, ct);
        }
    }

    private static async Task AddProblemAsync(OpenApiOperation operation, string status, string description, string schema,
        OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        if (operation.Responses!.TryGetValue(status, out var existing))
        {
            if (existing is OpenApiResponse response && string.IsNullOrWhiteSpace(response.Description))
            {
                response.Description = description;
            }
            return;
        }
        var document = context.Document!;
        if (document.Components?.Schemas?.ContainsKey(schema) != true)
        {
            var type = schema == ProblemSchema ? typeof(ProblemDetails) : typeof(HttpValidationProblemDetails);
            document.AddComponent(schema, await context.GetOrCreateSchemaAsync(type, null, ct));
        }
        operation.Responses[status] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                [ProblemJson] = new() { Schema = new OpenApiSchemaReference(schema, document) },
            },
        };
    }

    private static Task TransformDocumentAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken ct)
    {
        document.Info.Title = "Cotravail API";
        document.Info.Description = "Network, locations, resources, bookings, members, companies and billing. "
            + "Authenticate with POST /api/v1/auth/token (or create a personal access token at /me/tokens), then send "
            + "`Authorization: Bearer <token>`. Errors are problem details (RFC 9457); a field's errors are under `errors`.";
        document.Info.License = new OpenApiLicense { Name = "AGPL-3.0-or-later", Url = new Uri("https://www.gnu.org/licenses/agpl-3.0.html") };
        document.Info.Contact = new OpenApiContact { Name = "The operator of this Cotravail network" };
        // Relative: the paths already start with /api/v1, on whichever host serves this document.
        document.Servers = [new OpenApiServer { Url = "/", Description = "This server" }];

        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "A token from POST /api/v1/auth/token or a personal access token (/me/tokens). "
                + "The API takes bearer tokens only: the browser's session cookie is not accepted, so it cannot be replayed.",
        };

        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var operation in (document.Paths ?? []).SelectMany(p => p.Value.Operations ?? []).Select(o => o.Value))
        {
            var id = operation.OperationId ?? "operation";
            for (var n = 2; !ids.Add(id); n++)
            {
                id = $"{operation.OperationId}{n}";
            }
            operation.OperationId = id;
        }

        var used = (document.Paths ?? [])
            .SelectMany(p => p.Value.Operations ?? [])
            .SelectMany(o => o.Value.Tags ?? new HashSet<OpenApiTagReference>())
            .Select(t => t.Name)
            .OfType<string>();
        var tags = (document.Tags ?? new HashSet<OpenApiTag>()).Select(t => t.Name).OfType<string>().Concat(used).Distinct(StringComparer.Ordinal);
        document.Tags = new HashSet<OpenApiTag>(tags.Order(StringComparer.Ordinal).Select(name => new OpenApiTag
        {
            Name = name,
            Description = TagDescriptions.GetValueOrDefault(name, $"Operations on {name.ToLowerInvariant()}."),
        }));
        return Task.CompletedTask;
    }

    /// The endpoint's name in camelCase, else the method and the route's words: GET /api/v1/locations/{id}/photos
    /// is getLocationsByIdPhotos. The document transformer numbers any repeat.
    internal static string OperationId(string? endpointName, string method, string route)
    {
        if (!string.IsNullOrWhiteSpace(endpointName))
        {
            return Camel(Words(endpointName));
        }
        var words = new List<string> { method.ToLowerInvariant() };
        foreach (var segment in RouteSegments(route))
        {
            if (segment.StartsWith('{'))
            {
                words.Add("by");
                words.AddRange(Words(segment.Trim('{', '}').Split(':')[0].TrimEnd('?')));
            }
            else
            {
                words.AddRange(Words(segment));
            }
        }
        return Camel(words);
    }

    private static string Summary(string method, string route)
    {
        var verb = method switch { "GET" => "Read", "POST" => "Create or act on", "PUT" => "Replace", "PATCH" => "Change", "DELETE" => "Delete", _ => method };
        return $"{verb} {string.Join(' ', RouteSegments(route))}";
    }

    /// The route after /api/v1 (or the whole route elsewhere).
    private static IEnumerable<string> RouteSegments(string route)
    {
        var segments = route.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments is ["api", var version, ..] && version.StartsWith('v') ? segments[2..] : segments;
    }

    private static IEnumerable<string> Words(string text)
    {
        var word = new StringBuilder();
        foreach (var c in text)
        {
            if (!char.IsLetterOrDigit(c))
            {
                if (word.Length > 0)
                {
                    yield return word.ToString();
                    word.Clear();
                }
                continue;
            }
            if (char.IsUpper(c) && word.Length > 0 && !char.IsUpper(word[^1]))
            {
                yield return word.ToString();
                word.Clear();
            }
            word.Append(c);
        }
        if (word.Length > 0)
        {
            yield return word.ToString();
        }
    }

    private static string Camel(IEnumerable<string> words)
    {
        var result = new StringBuilder();
        foreach (var word in words)
        {
            var lower = word.ToLowerInvariant();
            result.Append(result.Length == 0 ? lower : char.ToUpperInvariant(lower[0]) + lower[1..]);
        }
        return result.ToString();
    }
}

using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Cotravail.Common.Database;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cotravail.Common.Idempotency;

/// Idempotency-Key on POST (IETF draft "The Idempotency-Key HTTP Header Field"): the first request with
/// a key claims it with a unique row (per account), acts, and stores its answer; a replay gets the stored
/// answer back and acts no more; the same key with a different request gets 422; a replay while the
/// first is still running gets 409. Keys are kept 24 hours.
internal sealed class IdempotencyFilter(Type bodyType) : IEndpointFilter
{
    public const string Header = "Idempotency-Key";
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var key = http.Request.Headers[Header].ToString();
        if (key.Length == 0 || !Guid.TryParse(http.User.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            return await next(context);
        }
        if (key.Length > IdempotentRequest.KeyLength)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [Header] = ["The key is too long (200 characters at most)."] });
        }
        var services = http.RequestServices;
        var db = services.GetRequiredService<AppDb>();
        var clock = services.GetRequiredService<TimeProvider>();
        var json = services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var hash = Hash(http.Request, context.Arguments.Where(a => a?.GetType() == bodyType), json);
        var now = clock.GetUtcNow().UtcDateTime;

        var previous = await db.Set<IdempotentRequest>().AsNoTracking().FirstOrDefaultAsync(r => r.UserId == userId && r.Key == key && r.CreatedAt > now - Lifetime);
        if (previous is not null)
        {
            return Replay(previous, hash);
        }
        var claim = new IdempotentRequest(userId, key, hash, now);
        await db.Set<IdempotentRequest>().Where(r => r.UserId == userId && r.Key == key && r.CreatedAt <= now - Lifetime).ExecuteDeleteAsync();
        db.Add(claim);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException e) when (UniqueViolation.Matches(e))
        {
            db.Entry(claim).State = EntityState.Detached;
            var winner = await db.Set<IdempotentRequest>().AsNoTracking().FirstAsync(r => r.UserId == userId && r.Key == key);
            return Replay(winner, hash);
        }

        var result = await next(context);
        var (status, body, location) = Describe(result, json);
        await db.Set<IdempotentRequest>().Where(r => r.Id == claim.Id).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.StatusCode, status)
            .SetProperty(r => r.ContentType, status >= 400 ? "application/problem+json" : "application/json")
            .SetProperty(r => r.Location, location)
            .SetProperty(r => r.Body, body));
        return result;
    }

    private static IResult Replay(IdempotentRequest previous, string hash)
    {
        if (previous.RequestHash != hash)
        {
            return TypedResults.Problem(statusCode: 422, title: "This Idempotency-Key was used for a different request.");
        }
        if (previous.StatusCode is not { } status)
        {
            return TypedResults.Problem(statusCode: 409, title: "A request with this Idempotency-Key is still being handled.");
        }
        return new StoredAnswer(status, previous.ContentType ?? "application/json", previous.Location, previous.Body);
    }

    private static string Hash(HttpRequest request, IEnumerable<object?> bodies, JsonSerializerOptions json)
    {
        var text = new StringBuilder(request.Method).Append(' ').Append(request.Path).Append('?').Append(request.QueryString);
        foreach (var body in bodies)
        {
            text.Append('\n').Append(JsonSerializer.Serialize(body, body!.GetType(), json));
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private static (int Status, string? Body, string? Location) Describe(object? result, JsonSerializerOptions json)
    {
        var status = (result as IStatusCodeHttpResult)?.StatusCode ?? StatusCodes.Status200OK;
        var value = (result as IValueHttpResult)?.Value;
        var location = result?.GetType().GetProperty("Location")?.GetValue(result) as string;
        return (status, value is null ? null : JsonSerializer.Serialize(value, value.GetType(), json), location);
    }

    /// The stored first answer, byte for byte, with a header saying it is a replay.
    private sealed class StoredAnswer(int status, string contentType, string? location, string? body) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = status;
            httpContext.Response.Headers["Idempotent-Replayed"] = "true";
            if (location is not null)
            {
                httpContext.Response.Headers.Location = location;
            }
            if (body is not null)
            {
                httpContext.Response.ContentType = contentType;
                await httpContext.Response.WriteAsync(body);
            }
        }
    }
}

internal static class IdempotencyEndpoints
{
    /// Honours Idempotency-Key on this POST; TBody is the bound request compared between tries.
    public static RouteHandlerBuilder WithIdempotency<TBody>(this RouteHandlerBuilder builder) =>
        builder.AddEndpointFilter(new IdempotencyFilter(typeof(TBody)));
}

namespace Cotravail.Tests.Common.Web;

/// One bad value, written as a JSON token (for API bodies) and as percent-encoded bytes (for forms,
/// query strings and path segments); Form null when the value has no form or query spelling.
public sealed record BadValue(string Name, string Json, string? Form);

/// The corpus of the bad-input walk: what an attacker or a careless client sends into any field.
public static class BadInput
{
    private static readonly string Long = new('x', 65_536);

    public static readonly IReadOnlyList<BadValue> Corpus =
    [
        new("NUL", "\"a\\u0000b\"", "a%00b"),
        new("control characters", "\"a\\u0001\\u001Fb\\u007F\"", "a%01%1Fb%7F"),
        new("CR/LF header injection", "\"Title\\r\\nBcc: victim@example.org\"", "Title%0D%0ABcc%3A%20victim%40example.org"),
        new("unpaired surrogate", "\"a\\uD800b\"", "a%ED%A0%80b"),
        new("invalid UTF-8", "\"a\\uFFFDb\"", "a%FF%FEb"),
        new("65,536 characters", $"\"{Long}\"", Long),
        new("empty", "\"\"", ""),
        new("blank", "\"   \"", "%20%20%20"),
        new("int32 overflow", "2147483648", "2147483648"),
        new("huge number", "1e308", "1e308"),
        new("negative", "-2147483649", "-2147483649"),
        new("not a number", "\"NaN\"", "NaN"),
        new("year 1", "\"0001-01-01T00:00:00\"", "0001-01-01"),
        new("year 9999", "\"9999-12-31T23:59:59\"", "9999-12-31"),
        new("wrong type: object", "{\"a\":1}", null),
        new("wrong type: array", "[1,\"b\"]", null),
        new("wrong type: boolean", "true", "maybe"),
        new("null", "null", null),
        new("look-alike email (Cyrillic)", "\"admin@cotravail.exampl\u0435\"", "admin%40cotravail.exampl%D0%B5"),
        new("look-alike email (zero-width space)", "\"adm\\u200Bin@cotravail.example\"", "adm%E2%80%8Bin%40cotravail.example"),
        new("look-alike email (decomposed)", "\"e\\u0301lodie@example.org\"", "e%CC%81lodie%40example.org"),
        new("email with a trailing dot", "\"someone@example.org.\"", "someone%40example.org."),
    ];

    /// The values most likely to break things, sent into every field, parameter and path value; the others take
    /// turns across a route's fields (see Rotate), so each still reaches each route.
    public static readonly IReadOnlySet<string> Core = new HashSet<string>(StringComparer.Ordinal)
    {
        "NUL", "65,536 characters", "int32 overflow", "year 9999", "wrong type: object", "null", "empty",
    };

    /// The core values whose fate depends on the database (PostgreSQL refuses NUL in text, each engine has its
    /// own lengths and date ranges): every engine's walk sends them everywhere. The other core values are
    /// refused or accepted by model binding and validation, the same on both engines: one engine's walk sends
    /// them everywhere, the other's lets them take turns with the rest.
    public static readonly IReadOnlySet<string> StorageCore = new HashSet<string>(StringComparer.Ordinal)
    {
        "NUL", "65,536 characters", "year 9999",
    };

    /// The values for place `place` of a route's `count` places (fields, query parameters or path values): the core
    /// ones, and the i-th of the others when (i + offset) mod count = place. Over the route's places every value is sent
    /// at least once; the offset (the role walking) moves which field gets which value.
    public static IEnumerable<BadValue> Rotate(IEnumerable<BadValue> values, int place, int count, int offset, IReadOnlySet<string>? core = null)
    {
        core ??= Core;
        var turn = 0;
        foreach (var value in values)
        {
            if (core.Contains(value.Name))
            {
                yield return value;
            }
            else if ((turn++ + offset) % count == place)
            {
                yield return value;
            }
        }
    }

    /// Values for a path segment (route values that are not GUIDs); a NUL in a path is refused by the server
    /// itself (Kestrel answers 400, the test host throws) before the app sees it.
    public static IEnumerable<BadValue> ForPath => Corpus.Where(v => v.Form is { Length: > 0 and < 1000 } && !v.Form.Contains("%00", StringComparison.Ordinal));
}

using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Cotravail.Tests.Common.Auth;
using Cotravail.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Cotravail.Tests.Common.Web;

/// The requests of the bad-input walk and what their answers must be; failures are collected, not thrown.
internal sealed class InputWalk(TestApp app, MatrixWorld world, IReadOnlyDictionary<string, Guid> freshIds, IReadOnlySet<string> core)
{
    private const string Placeholder = "__walk_bad_value__";

    /// Framework texts that would mean an answer was not translated (the walk asks in French).
    private static readonly string[] EnglishTexts =
    [
        "One or more validation errors occurred", "The value '", "is not valid", "is invalid", "The field ", "field is required",
        "The JSON value", "could not be converted", "Bad Request", "An error occurred",
    ];

    private readonly HtmlParser parser = new();
    private readonly Dictionary<Role, HttpClient> pageClients = [];
    private readonly HashSet<string> walkedForms = [];

    public List<string> Failures { get; } = [];

    public int Cases { get; private set; }

    /// The requests the walk would send with every value in every place (before the values took turns).
    public int FullCases { get; private set; }

    public int ApiRoutes { get; private set; }

    public int PageRoutes { get; private set; }

    public int Forms { get; private set; }

    public async Task ApiAsync(string route, RouteRule rule, ApiDescription? description, Role role)
    {
        if (role == Role.Anonymous)
        {
            ApiRoutes++;
        }
        var (method, template) = Split(route);
        var client = await world.ClientAsync(role, api: true);
        var fresh = freshIds.TryGetValue(route, out var id) ? id : (Guid?)null;
        var path = AuthorizationMatrixTests.Fill(world, template, Scope.Own, fresh);
        var query = ParseQuery(rule.Query?.Invoke(world, Scope.Own));
        var coreOnly = Refused(rule, role);

        foreach (var (segment, bad) in PathCases(template, path, (int)role, coreOnly))
        {
            await SendApiAsync(client, method, route, $"path {segment}", bad, segment, query, null);
        }
        var parameters = description?.ParameterDescriptions ?? [];
        var queryParameters = parameters.Where(p => p.Source == BindingSource.Query).ToList();
        FullCases += queryParameters.Count * BadInput.Corpus.Count(v => v.Form is not null);
        foreach (var (parameter, place) in queryParameters.Select((p, i) => (p, i)))
        {
            foreach (var bad in Values(BadInput.Corpus.Where(v => v.Form is not null), place, queryParameters.Count, (int)role, coreOnly))
            {
                var withBad = new Dictionary<string, string>(query, StringComparer.OrdinalIgnoreCase) { [parameter.Name] = bad.Form! };
                await SendApiAsync(client, method, route, $"query {parameter.Name}", bad, path, withBad, BaseBody(rule, parameters)?.ToJsonString());
            }
        }
        var body = BaseBody(rule, parameters);
        if (body is null)
        {
            return;
        }
        var fields = Fields(body, "").ToList();
        FullCases += fields.Count * BadInput.Corpus.Count;
        foreach (var (field, place) in fields.Select((f, i) => (f, i)))
        {
            foreach (var bad in Values(BadInput.Corpus, place, fields.Count, (int)role, coreOnly))
            {
                var copy = (JsonObject)body.DeepClone();
                Set(copy, field, Placeholder);
                var json = copy.ToJsonString().Replace($"\"{Placeholder}\"", bad.Json, StringComparison.Ordinal);
                await SendApiAsync(client, method, route, $"body {field}", bad, path, query, json);
            }
        }
    }

    public async Task PageAsync(string route, RouteRule rule, Role role)
    {
        var (_, template) = Split(route);
        if (role == Role.Anonymous)
        {
            PageRoutes++;
        }
        var fresh = freshIds.TryGetValue(route, out var id) ? id : (Guid?)null;
        var path = AuthorizationMatrixTests.Fill(world, template, Scope.Own, fresh);
        var query = ParseQuery(rule.Query?.Invoke(world, Scope.Own));
        var client = await PageClientAsync(role);

        foreach (var (segment, bad) in PathCases(template, path, (int)role, Refused(rule, role)))
        {
            using var response = await client.GetAsync(segment + Query(query));
            await CheckPageAsync(response, route, role, $"path {segment}", bad);
        }
        using var page = await client.GetAsync(path + Query(query));
        if (page.StatusCode != HttpStatusCode.OK || page.Content.Headers.ContentType?.MediaType != "text/html")
        {
            await CheckPageAsync(page, route, role, "GET", null);
            return;
        }
        var doc = parser.ParseDocument(await page.Content.ReadAsStringAsync());
        foreach (var form in doc.QuerySelectorAll("form"))
        {
            var target = Target(form, path + Query(query));
            if (target.Contains("sign-out", StringComparison.OrdinalIgnoreCase) || target.Contains("SignOut", StringComparison.OrdinalIgnoreCase)
                || target.StartsWith("http", StringComparison.Ordinal))
            {
                continue; // signing the walker out would end the walk; other sites are not ours
            }
            var fields = FormFields(form);
            var post = string.Equals(form.GetAttribute("method"), "post", StringComparison.OrdinalIgnoreCase);
            // A form found on many pages (the language picker) is walked once per role.
            if (!walkedForms.Add($"{role} {post} {target.Split('?')[0]} {string.Join(',', fields.Select(f => f.Key).Order(StringComparer.Ordinal))}"))
            {
                continue;
            }
            Forms++;
            var names = fields.Select(f => f.Key).Distinct().Where(n => n != "__RequestVerificationToken").ToList();
            FullCases += names.Count * BadInput.Corpus.Count(v => v.Form is not null);
            foreach (var (name, place) in names.Select((n, i) => (n, i)))
            {
                foreach (var bad in BadInput.Rotate(BadInput.Corpus.Where(v => v.Form is not null), place, names.Count, (int)role, core))
                {
                    var body = string.Join('&', fields.Select(f => Uri.EscapeDataString(f.Key) + "=" + (f.Key == name ? bad.Form : Uri.EscapeDataString(f.Value))));
                    using var request = post
                        ? new HttpRequestMessage(HttpMethod.Post, target) { Content = new StringContent(body, Encoding.ASCII, "application/x-www-form-urlencoded") }
                        : new HttpRequestMessage(HttpMethod.Get, target.Split('?')[0] + "?" + body);
                    if (post)
                    {
                        request.Content!.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
                    }
                    using var response = await client.SendAsync(request);
                    await CheckPageAsync(response, route, role, $"{(post ? "POST" : "GET")} {target} field {name}", bad);
                    if (role != Role.Anonymous && IsSignIn(response))
                    {
                        client = await PageClientAsync(role, renew: true);
                    }
                }
            }
        }
    }

    private async Task SendApiAsync(HttpClient client, string method, string route, string where, BadValue bad, string path,
        Dictionary<string, string> query, string? json)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path + Query(query));
        request.Headers.AcceptLanguage.ParseAdd("fr-FR");
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }
        else if (method != "GET" && method != "DELETE")
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }
        Cases++;
        using var response = await client.SendAsync(request);
        var code = (int)response.StatusCode;
        var text = await response.Content.ReadAsStringAsync();
        var label = $"{route} {where} = {bad.Name}";
        if (code >= 500)
        {
            Failures.Add($"{label}: {code} {Excerpt(text)}");
        }
        else if (code >= 400 && response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            Failures.Add($"{label}: {code} without problem details ({response.Content.Headers.ContentType?.MediaType})");
        }
        else if (code is 400 or 409 or 422 && EnglishTexts.FirstOrDefault(e => text.Contains(e, StringComparison.Ordinal)) is { } english)
        {
            Failures.Add($"{label}: {code} in English (\"{english}\"): {Excerpt(text)}");
        }
    }

    private async Task CheckPageAsync(HttpResponseMessage response, string route, Role role, string where, BadValue? bad)
    {
        Cases++;
        var code = (int)response.StatusCode;
        var label = $"{route} as {role}: {where}{(bad is null ? "" : " = " + bad.Name)}";
        if (code >= 500)
        {
            Failures.Add($"{label}: {code}");
            return;
        }
        if (code == 400 && where.StartsWith("POST", StringComparison.Ordinal))
        {
            Failures.Add($"{label}: 400 instead of the form with its message");
            return;
        }
        if (code == 200 && response.Content.Headers.ContentType?.MediaType == "text/html")
        {
            var doc = parser.ParseDocument(await response.Content.ReadAsStringAsync());
            var messages = string.Join(" | ", doc.QuerySelectorAll(".field-validation-error, .validation-summary-errors, .field-error, [role=alert]")
                .Select(e => e.TextContent.Trim()));
            if (EnglishTexts.FirstOrDefault(e => messages.Contains(e, StringComparison.Ordinal)) is { } english)
            {
                Failures.Add($"{label}: message in English (\"{english}\"): {Excerpt(messages)}");
            }
        }
    }

    private async Task<HttpClient> PageClientAsync(Role role, bool renew = false)
    {
        if (renew || !pageClients.TryGetValue(role, out var client))
        {
            client = role == Role.Anonymous ? app.AnonymousClient() : await app.BrowserClientAsync(world.Emails[role]);
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr-FR");
            pageClients[role] = client;
        }
        return client;
    }

    /// A route that refuses the anonymous walker before reading its input (401, the sign-in page) gets one core
    /// value in each place from it, taking turns: refused before binding, the value cannot matter, and the
    /// signed-in walkers send the route every value.
    private static bool Refused(RouteRule rule, Role role) => role == Role.Anonymous && rule.Expect(role, Scope.Own) != Expect.Ok;

    private IEnumerable<BadValue> Values(IEnumerable<BadValue> values, int place, int count, int offset, bool refused)
    {
        if (!refused)
        {
            return BadInput.Rotate(values, place, count, offset, core);
        }
        var some = values.Where(v => core.Contains(v.Name)).ToList();
        return some.Count == 0 ? [] : [some[(place + offset) % some.Count]];
    }

    /// Each route value that is not a GUID, replaced by the bad values that can be spelt in a path (taking turns
    /// across the route's values, the core ones in each).
    private IEnumerable<(string Path, BadValue Bad)> PathCases(string template, string path, int offset, bool coreOnly)
    {
        var templateSegments = template.Split('/');
        var pathSegments = path.Split('/');
        var places = Enumerable.Range(0, Math.Min(templateSegments.Length, pathSegments.Length))
            .Where(i => templateSegments[i].StartsWith('{') && !templateSegments[i].Contains(":guid", StringComparison.Ordinal))
            .ToList();
        FullCases += places.Count * BadInput.ForPath.Count();
        foreach (var (i, place) in places.Select((i, p) => (i, p)))
        {
            var segment = templateSegments[i];
            var suffix = segment.EndsWith(".ics", StringComparison.Ordinal) ? ".ics" : segment.EndsWith(".json", StringComparison.Ordinal) ? ".json" : "";
            foreach (var bad in Values(BadInput.ForPath, place, places.Count, offset, coreOnly))
            {
                var copy = (string[])pathSegments.Clone();
                copy[i] = bad.Form + suffix;
                yield return (string.Join('/', copy), bad);
            }
        }
    }

    /// The body the route's rule sends, else one made from the body type's properties.
    private JsonObject? BaseBody(RouteRule rule, IList<ApiParameterDescription> parameters)
    {
        if (rule.Content is not null)
        {
            return null; // a file upload
        }
        var type = parameters.FirstOrDefault(p => p.Source == BindingSource.Body)?.Type;
        var node = rule.Body?.Invoke(world, Scope.Own) is { } body
            ? JsonSerializer.SerializeToNode(body, body.GetType(), JsonSerializerOptions.Web) as JsonObject
            : null;
        if (type is null)
        {
            return node;
        }
        node ??= [];
        Complete(node, type, 0);
        return node;
    }

    /// Adds a sample value for each property the body lacks, so each can be replaced by a bad one.
    private void Complete(JsonObject node, Type type, int depth)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite || IsRecordProperty(p)))
        {
            var name = property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            var propertyType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            var existing = node.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase));
            if (existing.Key is not null)
            {
                if (existing.Value is JsonObject nested && depth < 1 && IsObject(propertyType))
                {
                    Complete(nested, propertyType, depth + 1);
                }
                continue;
            }
            if (IsObject(propertyType))
            {
                if (depth < 1)
                {
                    var nested = new JsonObject();
                    Complete(nested, propertyType, depth + 1);
                    node[name] = nested;
                }
                continue;
            }
            node[name] = Sample(propertyType, name);
        }
    }

    private static bool IsRecordProperty(PropertyInfo property) => property.SetMethod is not null;

    private static bool IsObject(Type type) =>
        type.IsClass && type != typeof(string) && !typeof(System.Collections.IEnumerable).IsAssignableFrom(type);

    private JsonNode? Sample(Type type, string name)
    {
        var lower = name.ToLowerInvariant();
        if (type == typeof(string))
        {
            return lower switch
            {
                _ when lower.Contains("email", StringComparison.Ordinal) => TestApp.NewEmail("walk"),
                _ when lower.Contains("password", StringComparison.Ordinal) => "Cotravail-demo-2026",
                _ when lower.Contains("currency", StringComparison.Ordinal) => "EUR",
                _ when lower.Contains("timezone", StringComparison.Ordinal) => "Europe/Paris",
                _ when lower.Contains("slug", StringComparison.Ordinal) => TestData.NewSlug("walk"),
                _ when lower.Contains("culture", StringComparison.Ordinal) || lower.Contains("language", StringComparison.Ordinal) => "fr",
                _ when lower.Contains("start", StringComparison.Ordinal) => world.NextSlot().Start,
                _ when lower.Contains("end", StringComparison.Ordinal) => world.NextSlot().End,
                _ => "Walk",
            };
        }
        if (type == typeof(Guid))
        {
            return lower switch
            {
                "locationid" or "homelocationid" => world.Locations.Own,
                "resourceid" => world.Resources.Own,
                "memberid" => world.Members.Own,
                "companyid" => world.Companies.Own,
                _ => Guid.NewGuid(),
            };
        }
        if (type == typeof(bool))
        {
            return false;
        }
        if (type == typeof(int) || type == typeof(long) || type == typeof(short))
        {
            return 1;
        }
        if (type == typeof(decimal) || type == typeof(double) || type == typeof(float))
        {
            return 1.5;
        }
        if (type == typeof(DateOnly))
        {
            return app.Clock.GetUtcNow().AddDays(3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }
        if (type == typeof(TimeOnly))
        {
            return "10:00";
        }
        if (type == typeof(DateTime) || type == typeof(DateTimeOffset))
        {
            return world.NextSlot().Start;
        }
        if (type.IsEnum)
        {
            return Enum.GetNames(type)[0];
        }
        return typeof(System.Collections.IEnumerable).IsAssignableFrom(type) ? new JsonArray() : null;
    }

    /// Every field of a body, nested ones as "policy.minMinutes".
    private static IEnumerable<string> Fields(JsonObject body, string prefix)
    {
        foreach (var (key, value) in body)
        {
            yield return prefix + key;
            if (value is JsonObject nested && prefix.Length == 0)
            {
                foreach (var inner in Fields(nested, key + "."))
                {
                    yield return inner;
                }
            }
        }
    }

    private static void Set(JsonObject body, string field, string value)
    {
        var dot = field.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0)
        {
            body[field] = value;
        }
        else
        {
            Set((JsonObject)body[field[..dot]]!, field[(dot + 1)..], value);
        }
    }

    /// A form's fields as a browser would send them: inputs with their values, checked boxes, selected options.
    private static List<KeyValuePair<string, string>> FormFields(IElement form)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.QuerySelectorAll("input[name], select[name], textarea[name]"))
        {
            var name = element.GetAttribute("name")!;
            var type = element.GetAttribute("type")?.ToLowerInvariant() ?? "";
            if (type is "submit" or "button" or "image" or "reset" or "file")
            {
                continue;
            }
            if (type is "checkbox" or "radio")
            {
                if (element.HasAttribute("checked"))
                {
                    fields.Add(new(name, element.GetAttribute("value") ?? "on"));
                }
                else if (!fields.Any(f => f.Key == name) && type == "checkbox")
                {
                    fields.Add(new(name, "false")); // a field the walk can still fill
                }
                continue;
            }
            var value = element.TagName == "SELECT"
                ? (element.QuerySelector("option[selected]") ?? element.QuerySelector("option"))?.GetAttribute("value") ?? ""
                : element.TagName == "TEXTAREA" ? element.TextContent : element.GetAttribute("value") ?? "";
            fields.Add(new(name, value));
        }
        var submit = form.QuerySelector("button[name], input[type=submit][name]");
        if (submit is not null)
        {
            fields.Add(new(submit.GetAttribute("name")!, submit.GetAttribute("value") ?? ""));
        }
        return fields;
    }

    private static string Target(IElement form, string page)
    {
        var action = form.QuerySelector("button[formaction]")?.GetAttribute("formaction") ?? form.GetAttribute("action");
        return string.IsNullOrEmpty(action) ? page : WebUtility.HtmlDecode(action);
    }

    private static bool IsSignIn(HttpResponseMessage response) =>
        response.Headers.Location?.OriginalString.Contains("/account/sign-in", StringComparison.Ordinal) == true;

    private static (string Method, string Template) Split(string route) =>
        (route[..route.IndexOf(' ', StringComparison.Ordinal)], route[(route.IndexOf(' ', StringComparison.Ordinal) + 1)..]);

    /// "?a=1&amp;b=2" → raw (still encoded) values by name.
    private static Dictionary<string, string> ParseQuery(string? query) =>
        (query ?? "").TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : "", StringComparer.OrdinalIgnoreCase);

    private static string Query(Dictionary<string, string> query) =>
        query.Count == 0 ? "" : "?" + string.Join('&', query.Select(p => $"{p.Key}={p.Value}"));

    private static string Excerpt(string text) => text.Length > 300 ? text[..300] : text;
}

using AngleSharp.Dom;

namespace Cotravail.Tests.Common.Web;

/// What an injected payload would leave in a parsed page: script, frames, event handlers, script URLs.
internal static class SafeHtml
{
    private static readonly string[] UrlAttributes = ["href", "src", "action", "formaction", "data", "xlink:href", "poster", "background"];

    public static List<string> Problems(IParentNode root)
    {
        var problems = new List<string>();
        foreach (var element in root.QuerySelectorAll("*"))
        {
            var tag = element.LocalName;
            var src = element.GetAttribute("src");
            // The site's own scripts are files it serves itself; anything else is injected.
            if (tag == "script" && !(src is not null && src.StartsWith('/') && !src.StartsWith("//", StringComparison.Ordinal) && element.TextContent.Trim().Length == 0))
            {
                problems.Add($"script: {element.OuterHtml}");
            }
            if (tag is "iframe" or "object" or "embed" or "base" or "frame" or "frameset" || (tag == "meta" && element.HasAttribute("http-equiv")))
            {
                problems.Add($"{tag}: {element.OuterHtml}");
            }
            foreach (var attribute in element.Attributes)
            {
                var name = attribute.Name.ToLowerInvariant();
                if (name.StartsWith("on", StringComparison.Ordinal) || name == "srcdoc")
                {
                    problems.Add($"attribute {name} on {tag}");
                }
                if (UrlAttributes.Contains(name))
                {
                    var value = new string([.. attribute.Value.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c))]).ToLowerInvariant();
                    if (value.StartsWith("javascript:", StringComparison.Ordinal) || value.StartsWith("vbscript:", StringComparison.Ordinal) || value.StartsWith("data:", StringComparison.Ordinal))
                    {
                        problems.Add($"{name}={attribute.Value} on {tag}");
                    }
                }
                if (name == "style" && attribute.Value.Contains("javascript:", StringComparison.OrdinalIgnoreCase))
                {
                    problems.Add($"style with script on {tag}");
                }
            }
        }
        return problems;
    }
}

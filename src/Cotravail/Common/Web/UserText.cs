using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using Cotravail.Common.Localization;
using Microsoft.AspNetCore.Html;

namespace Cotravail.Common.Web;

/// Free text typed by people (descriptions, later bios) as safe HTML: everything encoded, blank lines
/// make paragraphs, single line breaks a line break, bare http(s) and mailto addresses become links (ASVS V3.2).
/// No other scheme is ever linked, so javascript:, data: and vbscript: stay plain text.
internal static partial class UserText
{
    public const string LinkRel = "nofollow noopener ugc";

    /// An operator's bilingual text in the reader's language, as a div.user-text; marked lang="fr" or lang="en" when
    /// it is the other language's text (WCAG 3.1.2), nothing when both are empty.
    public static IHtmlContent Block(BilingualText text) => Block(text.For(CultureInfo.CurrentUICulture));

    public static IHtmlContent Block(ShownText shown)
    {
        if (string.IsNullOrWhiteSpace(shown.Text))
        {
            return HtmlString.Empty;
        }
        var lang = shown.Lang is { } code ? $" lang=\"{HtmlEncoder.Default.Encode(code)}\"" : "";
        return new HtmlString($"<div class=\"user-text\"{lang}>{((HtmlString)Render(shown.Text)).Value}</div>");
    }

    public static IHtmlContent Render(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return HtmlString.Empty;
        }
        var html = new StringBuilder();
        var paragraphs = ParagraphBreak().Split(text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Trim());
        foreach (var paragraph in paragraphs.Where(p => p.Trim().Length > 0))
        {
            html.Append("<p>");
            var lines = paragraph.Trim().Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                if (i > 0)
                {
                    html.Append("<br>");
                }
                AppendLine(html, lines[i]);
            }
            html.Append("</p>");
        }
        return new HtmlString(html.ToString());
    }

    private static void AppendLine(StringBuilder html, string line)
    {
        var encoder = HtmlEncoder.Default;
        var at = 0;
        foreach (Match match in Link().Matches(line))
        {
            var address = TrailingPunctuation().Replace(match.Value, "");
            if (!IsLinkable(address))
            {
                continue;
            }
            html.Append(encoder.Encode(line[at..match.Index]));
            var shown = address.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) ? address["mailto:".Length..] : address;
            html.Append("<a href=\"").Append(encoder.Encode(address)).Append("\" rel=\"").Append(LinkRel).Append("\">")
                .Append(encoder.Encode(shown)).Append("</a>");
            at = match.Index + address.Length;
        }
        html.Append(encoder.Encode(line[at..]));
    }

    private static bool IsLinkable(string address)
    {
        if (address.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
        {
            return MailAddress().IsMatch(address["mailto:".Length..]);
        }
        return Uri.TryCreate(address, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Host.Length > 0;
    }

    [GeneratedRegex(@"\n[ \t]*\n\s*")]
    private static partial Regex ParagraphBreak();

    /// Starts at a word boundary so "xhttp://" or "javascript:http://" never yields a link mid-word.
    [GeneratedRegex(@"(?<![\w:/.@-])(?:https?://|mailto:)[^\s<>""'`]+", RegexOptions.IgnoreCase)]
    private static partial Regex Link();

    [GeneratedRegex(@"[.,;:!?)\]}]+$")]
    private static partial Regex TrailingPunctuation();

    [GeneratedRegex(@"^[^@\s?&]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$")]
    private static partial Regex MailAddress();
}

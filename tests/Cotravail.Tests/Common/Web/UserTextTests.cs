using AngleSharp.Html.Parser;
using Cotravail.Common.Web;
using Microsoft.AspNetCore.Html;

namespace Cotravail.Tests.Common.Web;

public sealed class UserTextTests
{
    private static string Html(string? text)
    {
        using var writer = new StringWriter();
        UserText.Render(text).WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
        return writer.ToString();
    }

    private static AngleSharp.Dom.IElement Parse(string? text)
    {
        var doc = new HtmlParser().ParseDocument($"<html><body><div id=root>{Html(text)}</div></body></html>");
        return doc.GetElementById("root")!;
    }

    [Theory]
    [MemberData(nameof(XssCorpus.All), MemberType = typeof(XssCorpus))]
    public void A_payload_comes_out_as_text_in_paragraphs_and_safe_links_only(string payload)
    {
        var root = Parse(payload);
        SafeHtml.Problems(root).ShouldBeEmpty();
        foreach (var element in root.QuerySelectorAll("*"))
        {
            element.LocalName.ShouldBeOneOf("p", "br", "a");
            if (element.LocalName == "a")
            {
                element.Attributes.Select(a => a.Name).ShouldBe(["href", "rel"], ignoreOrder: true);
                element.GetAttribute("href")!.ShouldStartWith("http", Case.Insensitive, customMessage: payload);
            }
            else
            {
                element.Attributes.ShouldBeEmpty();
            }
        }
        // What the person typed is what a reader sees.
        root.TextContent.Replace("mailto:", "", StringComparison.Ordinal).ShouldBe(payload.Replace("mailto:", "", StringComparison.Ordinal));
    }

    [Fact]
    public void The_whole_corpus_in_one_text_stays_inert()
    {
        var root = Parse(string.Join("\n\n", XssCorpus.Payloads));
        SafeHtml.Problems(root).ShouldBeEmpty();
        root.QuerySelectorAll("p").Length.ShouldBe(XssCorpus.Payloads.Count);
    }

    [Fact]
    public void Blank_lines_make_paragraphs_and_single_breaks_br()
    {
        Html("Premier étage\r\nAccès PMR\n\n\nDeuxième paragraphe").ShouldBe("<p>Premier &#xE9;tage<br>Acc&#xE8;s PMR</p><p>Deuxi&#xE8;me paragraphe</p>");
    }

    [Fact]
    public void Nothing_renders_nothing()
    {
        UserText.Render(null).ShouldBe(HtmlString.Empty);
        UserText.Render("  \n ").ShouldBe(HtmlString.Empty);
    }

    [Fact]
    public void Bare_web_addresses_become_links_without_their_trailing_punctuation()
    {
        var html = Html("Plan : https://example.com/acces?x=1&y=2. Et http://example.org/a_(b)");
        html.ShouldBe("<p>Plan : <a href=\"https://example.com/acces?x=1&amp;y=2\" rel=\"nofollow noopener ugc\">https://example.com/acces?x=1&amp;y=2</a>. "
            + "Et <a href=\"http://example.org/a_(b\" rel=\"nofollow noopener ugc\">http://example.org/a_(b</a>)</p>");
    }

    [Fact]
    public void Mail_addresses_with_mailto_become_links()
    {
        var link = Parse("Écrivez à mailto:accueil@cotravail.example !").QuerySelector("a")!;
        link.GetAttribute("href").ShouldBe("mailto:accueil@cotravail.example");
        link.GetAttribute("rel").ShouldBe("nofollow noopener ugc");
        link.TextContent.ShouldBe("accueil@cotravail.example");
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("JAVASCRIPT://example.com/%0Aalert(1)")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    [InlineData("vbscript:msgbox(1)")]
    [InlineData("ftp://example.com/file")]
    [InlineData("file:///etc/passwd")]
    [InlineData("javascript:http://example.com")]
    [InlineData("mailto:javascript:alert(1)")]
    public void Other_schemes_are_never_linked(string text)
    {
        var root = Parse(text);
        root.QuerySelectorAll("a").ShouldBeEmpty();
        root.TextContent.ShouldBe(text);
    }
}

using Cotravail.Modules.Community;
using Cotravail.Tests.Common.Web;

namespace Cotravail.Tests.Modules.Community;

public sealed class SkillVocabularyTests
{
    [Theory]
    [InlineData("Développeur  Web!", "developpeur web")]
    [InlineData("ÉLODIE", "elodie")]
    [InlineData("  ", "")]
    [InlineData("C++ / C#", "c c")]
    public void Fold_removes_case_accents_and_punctuation(string text, string folded) => SkillVocabulary.Fold(text).ShouldBe(folded);

    [Theory]
    [InlineData("developpeur", "software-development")]
    [InlineData("Développeuse", "software-development")]
    [InlineData("graphiste", "graphic-design")]
    [InlineData("avocate", "business-law")]
    [InlineData("rgpd", "gdpr")]
    [InlineData("comptable", "accounting")]
    [InlineData("traductrice", "translation")]
    public void A_synonym_finds_its_skill(string text, string slug) => SkillVocabulary.Match(text).Select(s => s.Slug).ShouldContain(slug);

    [Fact]
    public void Every_skill_has_a_unique_slug_and_both_names()
    {
        SkillVocabulary.All.Select(s => s.Slug).ShouldBeUnique();
        SkillVocabulary.All.ShouldAllBe(s => s.En.Length > 0 && s.Fr.Length > 0 && s.Slug.Length <= 60);
    }

    [Fact]
    public void One_letter_finds_nothing() => SkillVocabulary.Match("d").ShouldBeEmpty();

    [Theory]
    [MemberData(nameof(XssCorpus.All), MemberType = typeof(XssCorpus))]
    public void Markdown_from_the_xss_corpus_renders_without_scripts_handlers_or_dangerous_links(string payload)
    {
        var html = ProfileMarkdown.Render(payload).ToString()!;
        var parsed = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);

        parsed.QuerySelectorAll("script, iframe, object, embed, img, svg, style, form, input, math").Length.ShouldBe(0, html);
        foreach (var element in parsed.All)
        {
            element.Attributes.Select(a => a.Name).ShouldAllBe(a => a == "href" || a == "rel", html);
            (element.GetAttribute("href") ?? "https:").ShouldMatch("^(https?:|mailto:)", html);
        }
    }

    [Fact]
    public void Markdown_keeps_emphasis_lists_and_safe_links()
    {
        var html = ProfileMarkdown.Render("**Gras** et *italique*\n\n- un\n- deux\n\n[site](https://example.org) <b>brut</b>").ToString()!;

        html.ShouldContain("<strong>Gras</strong>");
        html.ShouldContain("<em>italique</em>");
        html.ShouldContain("<li>un</li>");
        html.ShouldContain("href=\"https://example.org\"");
        html.ShouldContain("rel=\"nofollow noopener ugc\"");
        html.ShouldContain("&lt;b&gt;brut&lt;/b&gt;");
    }
}

using Deque.AxeCore.Commons;
using Microsoft.Playwright;

namespace Cotravail.BrowserTests.Infrastructure;

internal static class Accessibility
{
    /// axe-core as bundled by Deque's package (the version pinned in Directory.Packages.props).
    private static readonly Lazy<string> AxeSource = new(() => new BundledAxeScriptProvider().GetScript());

    /// Runs axe-core with the WCAG 2.x A/AA rules on the current page and fails on any violation.
    ///
    /// axe runs in the page itself and hands back only the violations, as text: the package's default run (made
    /// for pages with frames, which ours have none of) opens a blank page for every check to merge partial results
    /// there, which took about half of each check's time.
    public static async Task ShouldHaveNoViolationsAsync(this IPage page)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
        {
            await page.EvaluateAsync(AxeSource.Value);
        }
        var violations = await page.EvaluateAsync<string[]>(RunScript);
        violations.ShouldBeEmpty($"axe found violations on {page.Url}");
    }

    private const string RunScript = """
        async () => {
          const results = await axe.run(document, {
            runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
            resultTypes: ['violations'],
          });
          return results.violations.map(v =>
            `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 6).map(n => n.html).join(' | ')}`);
        }
        """;
}

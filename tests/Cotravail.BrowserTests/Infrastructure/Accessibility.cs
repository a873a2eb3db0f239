using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Cotravail.BrowserTests.Infrastructure;

internal static class Accessibility
{
    /// Runs axe-core with the WCAG 2.x A/AA rules on the current page and fails on any violation.
    public static async Task ShouldHaveNoViolationsAsync(this IPage page)
    {
        var results = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
            ResultTypes = [ResultType.Violations], // only violations are read: axe skips gathering the passes' nodes
        });
        var violations = results.Violations
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(" | ", v.Nodes.Take(6).Select(n => n.Html))}")
            .ToList();
        violations.ShouldBeEmpty($"axe found violations on {page.Url}");
    }
}

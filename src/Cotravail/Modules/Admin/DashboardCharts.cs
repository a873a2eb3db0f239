using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;

namespace Cotravail.Modules.Admin;

/// The dashboard's charts as inline SVG drawn on the server: no script, one picture each, described by its
/// aria-label and title (the page gives the same numbers in a table beside it).
internal static class DashboardCharts
{
    private static string N(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string E(string text) => WebUtility.HtmlEncode(text);

    /// One horizontal bar per row, 0–100 %.
    public static IHtmlContent Bars(string id, string label, IReadOnlyList<(string Name, int? Percent)> rows)
    {
        const double width = 320, labelWidth = 146, barWidth = 134, rowHeight = 26;
        var height = Math.Max(1, rows.Count) * rowHeight + 4;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg id=\"{E(id)}\" class=\"chart bars\" role=\"img\" aria-label=\"{E(label)}\" viewBox=\"0 0 {N(width)} {N(height)}\" preserveAspectRatio=\"xMinYMin meet\" xmlns=\"http://www.w3.org/2000/svg\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title>{E(label)}</title>");
        for (var i = 0; i < rows.Count; i++)
        {
            var (name, percent) = rows[i];
            var y = i * rowHeight + 4;
            var w = barWidth * Math.Clamp(percent ?? 0, 0, 100) / 100.0;
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"label\" x=\"0\" y=\"{N(y + 15)}\">{E(name)}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"track\" x=\"{N(labelWidth)}\" y=\"{N(y + 3)}\" width=\"{N(barWidth)}\" height=\"16\" rx=\"3\" />");
            svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"bar\" x=\"{N(labelWidth)}\" y=\"{N(y + 3)}\" width=\"{N(w)}\" height=\"16\" rx=\"3\" />");
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"value\" x=\"{N(labelWidth + barWidth + 6)}\" y=\"{N(y + 15)}\">{(percent is { } p ? p + " %" : "–")}</text>");
        }
        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }

    /// One vertical bar per week, 0–100 % (the axis grows when a week was overbooked).
    public static IHtmlContent Columns(string id, string label, IReadOnlyList<(string Name, int? Percent)> columns)
    {
        const double width = 320, height = 150, left = 30, bottom = 20, top = 6;
        var max = Math.Max(100, columns.Count == 0 ? 0 : columns.Max(c => c.Percent ?? 0));
        var plot = height - bottom - top;
        var step = (width - left) / Math.Max(1, columns.Count);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg id=\"{E(id)}\" class=\"chart columns\" role=\"img\" aria-label=\"{E(label)}\" viewBox=\"0 0 {N(width)} {N(height)}\" preserveAspectRatio=\"xMinYMin meet\" xmlns=\"http://www.w3.org/2000/svg\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title>{E(label)}</title>");
        foreach (var tick in new[] { 0, 50, 100 })
        {
            var y = top + plot - plot * tick / max;
            svg.Append(CultureInfo.InvariantCulture, $"<line class=\"grid\" x1=\"{N(left)}\" x2=\"{N(width)}\" y1=\"{N(y)}\" y2=\"{N(y)}\" />");
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"axis\" x=\"{N(left - 4)}\" y=\"{N(y + 4)}\" text-anchor=\"end\">{tick}</text>");
        }
        for (var i = 0; i < columns.Count; i++)
        {
            var (name, percent) = columns[i];
            var h = plot * Math.Clamp(percent ?? 0, 0, max) / max;
            var x = left + i * step + step * 0.15;
            svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"bar\" x=\"{N(x)}\" y=\"{N(top + plot - h)}\" width=\"{N(step * 0.7)}\" height=\"{N(h)}\" rx=\"2\" />");
            if (i % 2 == 0 || columns.Count <= 6)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<text class=\"axis\" x=\"{N(x + step * 0.35)}\" y=\"{N(height - 5)}\" text-anchor=\"middle\">{E(name)}</text>");
            }
        }
        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }

    /// Counts per week, one column per week with one segment per series (s1, s2, … in the stylesheet, each named in
    /// the legend the page draws beside it): stacked, or side by side when the series do not add up.
    public static IHtmlContent SeriesColumns(string id, string label, IReadOnlyList<(string Name, IReadOnlyList<int> Values)> columns, bool stacked)
    {
        const double width = 320, height = 150, left = 30, bottom = 20, top = 6;
        var highest = columns.Count == 0 ? 0 : columns.Max(c => c.Values.Count == 0 ? 0 : stacked ? c.Values.Sum() : c.Values.Max());
        var max = Axis(highest);
        var plot = height - bottom - top;
        var step = (width - left) / Math.Max(1, columns.Count);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg id=\"{E(id)}\" class=\"chart columns series\" role=\"img\" aria-label=\"{E(label)}\" viewBox=\"0 0 {N(width)} {N(height)}\" preserveAspectRatio=\"xMinYMin meet\" xmlns=\"http://www.w3.org/2000/svg\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title>{E(label)}</title>");
        foreach (var tick in new[] { 0, max / 2, max })
        {
            var y = top + plot - plot * tick / max;
            svg.Append(CultureInfo.InvariantCulture, $"<line class=\"grid\" x1=\"{N(left)}\" x2=\"{N(width)}\" y1=\"{N(y)}\" y2=\"{N(y)}\" />");
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"axis\" x=\"{N(left - 4)}\" y=\"{N(y + 4)}\" text-anchor=\"end\">{tick}</text>");
        }
        for (var i = 0; i < columns.Count; i++)
        {
            var (name, values) = columns[i];
            var x = left + i * step + step * 0.15;
            var barWidth = stacked ? step * 0.7 : step * 0.7 / Math.Max(1, values.Count);
            var y = top + plot;
            for (var s = 0; s < values.Count; s++)
            {
                var h = plot * Math.Clamp(values[s], 0, max) / max;
                var (barX, barY) = stacked ? (x, y - h) : (x + s * barWidth, top + plot - h);
                y = stacked ? y - h : y;
                if (h > 0)
                {
                    svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"bar s{s + 1}\" x=\"{N(barX)}\" y=\"{N(barY)}\" width=\"{N(barWidth)}\" height=\"{N(h)}\" />");
                }
            }
            if ((columns.Count - 1 - i) % 2 == 0 || columns.Count <= 6) // every other week, the current one always
            {
                // The last label ends at the right edge, so a long one is not cut.
                var (labelX, anchor) = i == columns.Count - 1 ? (width, "end") : (x + step * 0.35, "middle");
                svg.Append(CultureInfo.InvariantCulture, $"<text class=\"axis\" x=\"{N(labelX)}\" y=\"{N(height - 5)}\" text-anchor=\"{anchor}\">{E(name)}</text>");
            }
        }
        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }

    /// A round top for a count axis: 4, 10, 20, 50, 100, … at least the highest value (and an even number, so the middle tick is whole).
    public static int Axis(int highest)
    {
        foreach (var top in new[] { 4, 10, 20, 50 })
        {
            if (highest <= top)
            {
                return top;
            }
        }
        var scale = 100;
        while (highest > scale * 5)
        {
            scale *= 10;
        }
        return highest <= scale ? scale : highest <= scale * 2 ? scale * 2 : scale * 5;
    }
}

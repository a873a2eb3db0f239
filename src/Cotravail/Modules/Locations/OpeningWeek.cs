using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Cotravail.Modules.Locations;

/// A week of opening periods, one at most per weekday: a location's, or a resource's own that narrows its
/// location's. One set of rules for both (the input's validation, its conversions, the intersection).
internal static class OpeningWeek
{
    public static readonly DayOfWeek[] Days =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    /// Times as HH:MM, closing after opening, one period per weekday; errors name field[i] or field.
    public static IEnumerable<ValidationResult> Validate(IReadOnlyList<OpeningPeriodInput> periods, string field, IStringLocalizer l)
    {
        for (var i = 0; i < periods.Count; i++)
        {
            var period = periods[i];
            if (!TryTime(period.Opens, out var opens) || !TryTime(period.Closes, out var closes))
            {
                yield return new(l["Enter times as HH:MM."], [$"{field}[{i}]"]);
            }
            else if (closes <= opens)
            {
                yield return new(l["Closing time must be after opening time."], [$"{field}[{i}]"]);
            }
        }
        if (periods.GroupBy(p => p.Day).Any(g => g.Count() > 1))
        {
            yield return new(l["Only one opening period per weekday."], [field]);
        }
    }

    public static bool TryTime(string? text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text, ["HH:mm", "H:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time);

    /// Only for input that passed Validate.
    public static IEnumerable<OpeningPeriod> ToPeriods(IEnumerable<OpeningPeriodInput> periods) => periods.Select(p =>
    {
        TryTime(p.Opens, out var opens);
        TryTime(p.Closes, out var closes);
        return new OpeningPeriod(p.Day, opens, closes);
    });

    public static List<OpeningPeriodInput> ToInputs(IEnumerable<OpeningPeriod> periods) =>
        [.. periods.Select(p => new OpeningPeriodInput { Day = p.Day, Opens = p.Opens.ToString("HH:mm", CultureInfo.InvariantCulture), Closes = p.Closes.ToString("HH:mm", CultureInfo.InvariantCulture) })];

    /// Monday first, then by opening time.
    public static List<OpeningPeriod> Sorted(IEnumerable<OpeningPeriod> periods) => [.. periods.OrderBy(p => ((int)p.Day + 6) % 7).ThenBy(p => p.Opens)];

    /// When a resource may be booked: its location's hours, narrowed by its own when it has any (never widened).
    public static IReadOnlyList<OpeningPeriod> Narrow(IReadOnlyList<OpeningPeriod> location, IReadOnlyList<OpeningPeriod> own)
    {
        if (own.Count == 0)
        {
            return location;
        }
        var narrowed = new List<OpeningPeriod>();
        foreach (var outer in location)
        {
            foreach (var inner in own.Where(p => p.Day == outer.Day))
            {
                var opens = outer.Opens > inner.Opens ? outer.Opens : inner.Opens;
                var closes = Min(EndOf(outer), EndOf(inner));
                if (closes > opens.ToTimeSpan())
                {
                    narrowed.Add(new OpeningPeriod(outer.Day, opens, closes >= TimeSpan.FromDays(1) ? TimeOnly.MinValue : TimeOnly.FromTimeSpan(closes)));
                }
            }
        }
        return narrowed;
    }

    /// A period's end from midnight: 00:00 closes at the end of the day.
    public static TimeSpan EndOf(OpeningPeriod period) => period.Closes == TimeOnly.MinValue ? TimeSpan.FromDays(1) : period.Closes.ToTimeSpan();

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}

/// One weekday of a week editor (location or resource form): both times empty means no period that day.
internal sealed record WeekRow
{
    public DayOfWeek Day { get; init; }

    public string? Opens { get; init; }

    public string? Closes { get; init; }

    public string DayName => CultureInfo.CurrentCulture.TextInfo.ToTitleCase(CultureInfo.CurrentCulture.DateTimeFormat.GetDayName(Day));

    /// Seven rows, Monday first, filled from the periods.
    public static List<WeekRow> Of(IReadOnlyList<OpeningPeriodInput> periods) => [.. OpeningWeek.Days.Select(d => periods.FirstOrDefault(p => p.Day == d) is { } p
        ? new WeekRow { Day = d, Opens = p.Opens, Closes = p.Closes }
        : new WeekRow { Day = d })];

    /// The rows with a time typed, as the input the API takes.
    public static List<OpeningPeriodInput> Periods(IEnumerable<WeekRow> rows) =>
        [.. rows.Where(w => !string.IsNullOrWhiteSpace(w.Opens) || !string.IsNullOrWhiteSpace(w.Closes))
            .Select(w => new OpeningPeriodInput { Day = w.Day, Opens = w.Opens?.Trim(), Closes = w.Closes?.Trim() })];
}

/// What the week editor partial (Locations/Admin/_WeekEditor.cshtml) shows.
internal sealed record WeekEditor(IReadOnlyList<WeekRow> Rows, string Legend, string Hint);

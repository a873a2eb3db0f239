using Cotravail.Common.Database;
using Cotravail.Modules.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Cotravail.Modules.Locations;

namespace Cotravail.BrowserTests.Infrastructure;

/// Days on which the Paris demo space is open, for journeys that book or show free slots: weekdays that
/// are not among its closed days (public holidays), whatever day the suite runs.
internal static class DemoCalendar
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    /// The first open weekday at least this many days ahead, on which the same weekday of the following
    /// weeks (weeks in all) is open too.
    public static DateOnly OpenWeekday(IServiceProvider services, int days, int weeks = 1)
    {
        using var scope = services.CreateScope();
        var closed = scope.ServiceProvider.GetRequiredService<AppDb>().Locations.AsNoTracking()
            .Single(l => l.Slug == DemoAccounts.ParisSlug).ClosedDays.Select(c => c.Date).ToHashSet();
        bool Open(DateOnly d) => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !closed.Contains(d);
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(services.GetRequiredService<TimeProvider>().GetUtcNow(), Paris).DateTime).AddDays(days);
        while (!Enumerable.Range(0, weeks).All(w => Open(day.AddDays(7 * w))))
        {
            day = day.AddDays(1);
        }
        return day;
    }
}

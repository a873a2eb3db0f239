using Cotravail.Common;

namespace Cotravail.Modules.Bookings;

/// The rates that apply to one booker: member or non-member prices, in cents; null = not sold that way.
internal sealed record RateCard(long? Hourly, long? HalfDay, long? Day)
{
    /// A resource's member or non-member rates.
    public static RateCard For(Resources.Rates rates, bool member) => member
        ? new(rates.MemberHourly, rates.MemberHalfDay, rates.MemberDay)
        : new(rates.NonMemberHourly, rates.NonMemberHalfDay, rates.NonMemberDay);
}

/// Prices a booking from its resource's rates, whichever is cheapest, day by local calendar day:
/// per started hour, a half-day (up to 4 hours), a half-day plus started hours, or the day rate.
internal static class BookingPrice
{
    public static readonly TimeSpan HalfDay = TimeSpan.FromHours(4);

    /// The price in cents of a booking covering these durations on successive local days, or null when
    /// the rates cannot price one of them (e.g. 6 hours with only a half-day rate).
    public static long? For(IEnumerable<TimeSpan> perDay, RateCard rates)
    {
        long total = 0;
        foreach (var duration in perDay)
        {
            if (ForOneDay(duration, rates) is not { } price)
            {
                return null;
            }
            total += price;
        }
        return total;
    }

    /// A slot is priced on the time that really passes: 01:00–04:00 lasts 2 hours the night clocks go
    /// forward and 4 the night they go back, whatever the wall clock says.
    public static long? ForSlot(TimeSlot slot, RateCard rates) => ForOneDay(slot.Duration, rates);

    public static long? ForOneDay(TimeSpan duration, RateCard rates)
    {
        if (duration <= TimeSpan.Zero)
        {
            return 0;
        }
        long? best = null;
        void Consider(long? price) => best = price is null ? best : best is null ? price : Math.Min(best.Value, price.Value);

        var startedHours = (long)Math.Ceiling(duration.TotalMinutes / 60);
        Consider(startedHours * rates.Hourly);
        if (rates.HalfDay is { } half)
        {
            var extraHours = (long)Math.Ceiling(Math.Max(0, (duration - HalfDay).TotalMinutes) / 60);
            Consider(extraHours == 0 ? half : half + (extraHours * rates.Hourly));
        }
        Consider(rates.Day);
        return best;
    }
}

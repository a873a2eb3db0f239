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

    /// Why a booking could not be priced, naming the durations that are (a resource key): a half-day rate alone
    /// prices up to 4 hours; a non-member finds no price where only members have one.
    public static string Refusal(Resources.Rates rates, bool member)
    {
        var card = RateCard.For(rates, member);
        return (card.Hourly is not null, card.HalfDay is not null, card.Day is not null) switch
        {
            (true, false, false) => BookingMessages.PricedByHour,
            (false, true, false) => BookingMessages.PricedByHalfDay,
            (false, false, true) => BookingMessages.PricedByDay,
            (true, true, false) => BookingMessages.PricedByHourAndHalfDay,
            (true, false, true) => BookingMessages.PricedByHourAndDay,
            (false, true, true) => BookingMessages.PricedByHalfDayAndDay,
            (true, true, true) => BookingMessages.PricedByAll,
            _ => !member && RateCard.For(rates, member: true) is { } members && (members.Hourly ?? members.HalfDay ?? members.Day) is not null
                ? BookingMessages.PricedForMembers
                : BookingMessages.NotPriced,
        };
    }

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

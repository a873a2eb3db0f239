using Cotravail.Common;
using Cotravail.Common.Errors;
using Cotravail.Modules.Bookings;
using Cotravail.Modules.Resources;

namespace Cotravail.Tests.Modules.Bookings;

public sealed class BookingRulesTests
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    [Fact]
    public void A_local_time_that_does_not_exist_is_refused()
    {
        // 2027-03-28: at 02:00 the clocks jump to 03:00 in Paris.
        var result = WallClock.ToUtc(new DateTime(2027, 3, 28, 2, 30, 0), Paris, null, "start");
        result.Error.ShouldBe(new Invalid("start", BookingMessages.Nonexistent));
    }

    [Fact]
    public void An_ambiguous_local_time_needs_its_offset()
    {
        // 2026-10-25: 02:30 happens twice in Paris (UTC+2, then UTC+1).
        var local = new DateTime(2026, 10, 25, 2, 30, 0);
        WallClock.ToUtc(local, Paris, null, "start").Error.ShouldBe(new Invalid("start", BookingMessages.Ambiguous));
        WallClock.ToUtc(local, Paris, TimeSpan.FromHours(2), "start").Value.ShouldBe(new DateTime(2026, 10, 25, 0, 30, 0, DateTimeKind.Utc));
        WallClock.ToUtc(local, Paris, TimeSpan.FromHours(1), "start").Value.ShouldBe(new DateTime(2026, 10, 25, 1, 30, 0, DateTimeKind.Utc));
        WallClock.ToUtc(local, Paris, TimeSpan.FromHours(5), "start").Error.ShouldBe(new Invalid("start", BookingMessages.WrongOffset));
    }

    [Fact]
    public void An_ordinary_local_time_converts_with_the_season_offset()
    {
        WallClock.ToUtc(new DateTime(2026, 7, 1, 9, 0, 0), Paris, null, "start").Value.ShouldBe(new DateTime(2026, 7, 1, 7, 0, 0, DateTimeKind.Utc));
        WallClock.ToUtc(new DateTime(2026, 12, 1, 9, 0, 0), Paris, null, "start").Value.ShouldBe(new DateTime(2026, 12, 1, 8, 0, 0, DateTimeKind.Utc));
        WallClock.ToUtc(new DateTime(2026, 12, 1, 9, 0, 0), Paris, TimeSpan.FromHours(2), "start").Error.ShouldBe(new Invalid("start", BookingMessages.WrongOffset));
    }

    [Theory]
    [InlineData(60, 1_500)] // one hour
    [InlineData(150, 4_500)] // 2h30 = 3 started hours (45.00) < half-day (50.00)
    [InlineData(240, 5_000)] // 4 hours: half-day (50.00) < 4 × 15.00
    [InlineData(300, 6_500)] // 5 hours: half-day + 1 hour (65.00) < day (80.00)
    [InlineData(420, 8_000)] // 7 hours: the day (80.00) < half-day + 3 hours (95.00)
    public void A_booking_costs_the_cheapest_of_hourly_half_day_and_day(int minutes, long cents)
    {
        var rates = new RateCard(Hourly: 1_500, HalfDay: 5_000, Day: 8_000);
        BookingPrice.ForOneDay(TimeSpan.FromMinutes(minutes), rates).ShouldBe(cents);
    }

    [Fact]
    public void Several_days_add_up_and_unpriceable_durations_have_no_price()
    {
        var rates = new RateCard(Hourly: 1_500, HalfDay: 5_000, Day: 8_000);
        BookingPrice.For([TimeSpan.FromHours(9), TimeSpan.FromHours(9), TimeSpan.FromHours(3)], rates).ShouldBe(8_000 + 8_000 + 4_500);
        BookingPrice.ForOneDay(TimeSpan.FromHours(6), new RateCard(null, 5_000, null)).ShouldBeNull();
        BookingPrice.ForOneDay(TimeSpan.FromHours(6), new RateCard(null, 5_000, 9_000)).ShouldBe(9_000);
    }

    [Theory]
    [InlineData(3, 28, 3_000)] // clocks go forward at 02:00: 01:00–04:00 lasts 2 hours (2 × 15.00), not 3
    [InlineData(10, 31, 5_000)] // clocks go back at 03:00: 01:00–04:00 lasts 4 hours (the half-day, 50.00), not 3 (45.00)
    public void A_slot_across_a_clock_change_is_priced_for_the_hours_that_really_pass(int month, int day, long cents)
    {
        var rates = new RateCard(Hourly: 1_500, HalfDay: 5_000, Day: 8_000);
        var slot = new TimeSlot(
            WallClock.ToUtc(new DateTime(2027, month, day, 1, 0, 0), Paris, null, "start").Value,
            WallClock.ToUtc(new DateTime(2027, month, day, 4, 0, 0), Paris, null, "end").Value);

        BookingPrice.ForSlot(slot, rates).ShouldBe(cents);
    }

    [Fact]
    public void Minimum_and_maximum_durations_count_the_hours_that_really_pass()
    {
        var policy = BookingPolicy.Default with { MinMinutes = 150, MaxMinutes = 210, WindowDays = 3650 };
        var now = new DateTime(2027, 1, 1);
        Unavailability? Check(int month, int day) => Bookability.CheckPolicy(policy, new DateTime(2027, month, day, 1, 0, 0), new DateTime(2027, month, day, 4, 0, 0),
            WallClock.ToUtc(new DateTime(2027, month, day, 4, 0, 0), Paris, null, "end").Value - WallClock.ToUtc(new DateTime(2027, month, day, 1, 0, 0), Paris, null, "start").Value, now);

        Check(3, 28).ShouldBe(Unavailability.TooShort); // 2 hours
        Check(10, 31).ShouldBe(Unavailability.TooLong); // 4 hours
        Check(6, 6).ShouldBeNull(); // 3 hours on an ordinary night
    }

    [Fact]
    public void A_weekly_series_stays_at_nine_local_across_the_clock_change()
    {
        var series = new Recurrence(Frequency.Weekly, 1, Until: null, Count: 3);
        var starts = series.Occurrences(new DateTime(2026, 10, 19, 9, 0, 0)).ToList();
        starts.ShouldBe([new DateTime(2026, 10, 19, 9, 0, 0), new DateTime(2026, 10, 26, 9, 0, 0), new DateTime(2026, 11, 2, 9, 0, 0)]);
        starts.Select(s => WallClock.ToUtc(s, Paris, null, "start").Value.Hour).ShouldBe([7, 8, 8]);
    }

    [Fact]
    public void A_series_stops_at_its_until_date_and_monthly_skips_short_months()
    {
        new Recurrence(Frequency.Daily, 2, new DateOnly(2026, 12, 7), null).Occurrences(new DateTime(2026, 12, 1, 14, 0, 0))
            .Select(d => d.Day).ShouldBe([1, 3, 5, 7]);
        new Recurrence(Frequency.Monthly, 1, null, 3).Occurrences(new DateTime(2027, 1, 31, 10, 0, 0))
            .Select(d => d.Month).ShouldBe([1, 3, 5]);
    }
}

using Cotravail.Bench;

namespace Cotravail.Tests.Bench;

/// The network-scale generator must respect the no-overlap rule, or loading its bookings would break
/// the exclusion constraint: every seat's planned slots, buffers included, are disjoint and within hours.
public sealed class SlotPlannerTests
{
    [Theory]
    [InlineData(50, 30, 30, 660, 0, 0)]
    [InlineData(400, 30, 60, 240, 15, 15)]
    [InlineData(900, 15, 30, 120, 0, 15)]
    [InlineData(3000, 30, 30, 660, 15, 0)]
    public void Planned_slots_never_overlap_and_stay_within_opening_hours(int count, int increment, int min, int max, int setup, int cleanup)
    {
        var days = Enumerable.Range(0, 520).Select(i => new OpenDay(new DateOnly(2026, 1, 1).AddDays(i), 8 * 60 + 30, 19 * 60)).ToList();

        var slots = SlotPlanner.Plan(new Random(7), days, count, increment, min, max, setup, cleanup);

        slots.Count.ShouldBeGreaterThan(count * 9 / 10);
        slots.Count.ShouldBeLessThanOrEqualTo(count);
        foreach (var slot in slots)
        {
            (slot.End - slot.Start).ShouldBeInRange(min, max);
            (slot.Start % increment, slot.End % increment).ShouldBe((0, 0));
            (slot.BlockStart, slot.BlockEnd).ShouldBe((slot.Start - setup, slot.End + cleanup));
            slot.BlockStart.ShouldBeGreaterThanOrEqualTo(8 * 60 + 30);
            slot.BlockEnd.ShouldBeLessThanOrEqualTo(19 * 60);
        }
        var ordered = slots.OrderBy(s => s.Date).ThenBy(s => s.BlockStart).ToList();
        for (var i = 1; i < ordered.Count; i++)
        {
            var (before, after) = (ordered[i - 1], ordered[i]);
            (before.Date < after.Date || before.BlockEnd <= after.BlockStart).ShouldBeTrue($"{before} overlaps {after}");
        }
    }
}

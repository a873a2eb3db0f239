namespace Cotravail.Bench;

/// One open day of a location in local wall-clock time: open from Opens to Closes (minutes after midnight).
internal readonly record struct OpenDay(DateOnly Date, int Opens, int Closes);

/// One booking's slot in local time, minutes after midnight of Date, with its buffers.
internal readonly record struct PlannedSlot(DateOnly Date, int Start, int End, int BlockStart, int BlockEnd);

/// Plans `count` bookings of one seat of a resource over its open days so that no two blocked intervals
/// (set-up and clean-up included) overlap: each chosen day is cut into as many disjoint segments as it
/// gets bookings and each booking lies inside its own segment. Starts and ends are on the increment.
internal static class SlotPlanner
{
    // Durations people book, in minutes (capped by the segment and the policy): short meetings
    // are the most common, then half-days and full days.
    private static readonly int[] Durations = [30, 30, 60, 60, 60, 90, 120, 120, 180, 240, 240, 480, 600];

    public static List<PlannedSlot> Plan(Random rng, IReadOnlyList<OpenDay> days, int count, int increment, int minMinutes, int maxMinutes, int setup, int cleanup)
    {
        var slots = new List<PlannedSlot>(count);
        if (count <= 0 || days.Count == 0)
        {
            return slots;
        }
        var perDay = Math.Max(1, (int)Math.Ceiling(count / (0.8 * days.Count)));
        var dayCount = Math.Min(days.Count, (count + perDay - 1) / perDay);
        // A random choice of distinct days (partial Fisher-Yates), in date order.
        var order = Enumerable.Range(0, days.Count).ToArray();
        for (var i = 0; i < dayCount; i++)
        {
            var j = rng.Next(i, order.Length);
            (order[i], order[j]) = (order[j], order[i]);
        }
        Array.Sort(order, 0, dayCount);
        var left = count;
        for (var d = 0; d < dayCount && left > 0; d++)
        {
            var day = days[order[d]];
            var here = Math.Min(perDay, left - (dayCount - d - 1)); // leave at least one for each day after
            here = Math.Max(1, Math.Min(here, left));
            var segment = (day.Closes - day.Opens) / here;
            for (var s = 0; s < here; s++)
            {
                var from = day.Opens + (s * segment);
                var to = from + segment;
                // The booking itself lies on the increment within [from + setup, to - cleanup].
                var earliest = RoundUp(from + setup, increment);
                var latestEnd = RoundDown(to - cleanup, increment);
                var room = latestEnd - earliest;
                if (room < Math.Max(minMinutes, increment))
                {
                    continue;
                }
                var duration = Durations[rng.Next(Durations.Length)];
                duration = Math.Min(Math.Min(duration, maxMinutes), room);
                duration = Math.Max(RoundDown(duration, increment), RoundUp(minMinutes, increment));
                if (duration > room || duration > maxMinutes)
                {
                    continue;
                }
                var steps = (room - duration) / increment;
                var start = earliest + (rng.Next(steps + 1) * increment);
                slots.Add(new PlannedSlot(day.Date, start, start + duration, start - setup, start + duration + cleanup));
                left--;
            }
        }
        return slots;
    }

    private static int RoundUp(int minutes, int increment) => (minutes + increment - 1) / increment * increment;

    private static int RoundDown(int minutes, int increment) => minutes / increment * increment;
}

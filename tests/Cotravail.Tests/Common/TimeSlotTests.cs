using Cotravail.Common;

namespace Cotravail.Tests.Common;

public sealed class TimeSlotTests
{
    private static DateTime At(int hour, int minute = 0) => new(2026, 12, 1, hour, minute, 0, DateTimeKind.Utc);

    [Fact]
    public void Slots_that_touch_do_not_overlap()
    {
        new TimeSlot(At(9), At(10)).Overlaps(new TimeSlot(At(10), At(11))).ShouldBeFalse();
        new TimeSlot(At(10), At(11)).Overlaps(new TimeSlot(At(9), At(10))).ShouldBeFalse();
    }

    [Fact]
    public void Slots_sharing_a_minute_overlap()
    {
        new TimeSlot(At(9), At(10, 1)).Overlaps(new TimeSlot(At(10), At(11))).ShouldBeTrue();
        new TimeSlot(At(9), At(12)).Overlaps(new TimeSlot(At(10), At(11))).ShouldBeTrue();
    }

    [Fact]
    public void Buffers_widen_what_a_booking_blocks()
    {
        var widened = new TimeSlot(At(10), At(11)).Widen(TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(30));
        widened.ShouldBe(new TimeSlot(At(9, 45), At(11, 30)));
        widened.Overlaps(new TimeSlot(At(11, 15), At(12))).ShouldBeTrue();
    }

    [Fact]
    public void An_empty_or_local_slot_is_refused()
    {
        Should.Throw<ArgumentException>(() => new TimeSlot(At(10), At(10)));
        Should.Throw<ArgumentException>(() => new TimeSlot(new DateTime(2026, 12, 1, 9, 0, 0, DateTimeKind.Local), At(10)));
    }
}

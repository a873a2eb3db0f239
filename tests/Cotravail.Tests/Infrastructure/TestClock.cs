using System.Globalization;

namespace Cotravail.Tests.Infrastructure;

/// The app's clock in tests: real time plus an offset a test may move forward (never back), so the
/// tests sharing an app only ever see time pass, a little faster. Not a FakeTimeProvider (which a test
/// that needs time to stand still uses, ADR 15): this one is shared by the concurrent tests of a whole
/// app, whose timers (the outbox worker's poll, Task.Delay) and expiries must follow real time.
public sealed class TestClock : TimeProvider
{
    /// COTRAVAIL_TEST_NOW (an instant, "2026-12-13T22:58:00Z") starts the clock there rather than at the real
    /// time, to run the suite across a boundary on purpose: midnight in Paris, a Sunday night, a change of hour.
    private long offsetTicks = DateTimeOffset.TryParse(Environment.GetEnvironmentVariable("COTRAVAIL_TEST_NOW"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var start)
        ? (start - System.GetUtcNow()).Ticks
        : 0;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow().AddTicks(Interlocked.Read(ref offsetTicks));

    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        Interlocked.Add(ref offsetTicks, by.Ticks);
    }
}

namespace Cotravail.Tests.Infrastructure;

/// A TimeProvider whose time stands still until a test moves it.
public sealed class MovableClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset now = start;

    public override DateTimeOffset GetUtcNow() => now;

    public void Advance(TimeSpan by) => now += by;
}

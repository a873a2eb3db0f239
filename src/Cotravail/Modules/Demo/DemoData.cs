namespace Cotravail.Modules.Demo;

internal sealed partial class DemoSeeder
{
    // Replaced by the demo network data.
    private partial Task SeedAsync(CancellationToken ct) => Task.FromResult((users, clock, db));
}

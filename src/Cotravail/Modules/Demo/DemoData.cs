namespace Cotravail.Modules.Demo;

internal sealed partial class DemoSeeder
{
    private static partial Task SeedAsync(CancellationToken ct) => Task.CompletedTask;
}

namespace Cotravail.Modules.Demo;

internal sealed partial class DemoSeeder
{
    private partial Task SeedAsync(CancellationToken ct) => Task.CompletedTask;
}

namespace Cotravail.Modules.Demo;

internal static class DemoModule
{
    public static IServiceCollection AddDemo(this IServiceCollection services) => services.AddScoped<DemoSeeder>();

    /// Cotravail:SeedDemo (on in Development, off in Production) fills an empty database with the demo network.
    public static async Task SeedDemoIfEmptyAsync(this WebApplication app)
    {
        if (!app.Configuration.GetValue("Cotravail:SeedDemo", false))
        {
            return;
        }
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedIfEmptyAsync();
    }
}

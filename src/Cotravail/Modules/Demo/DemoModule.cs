using Cotravail.Common.Cli;

namespace Cotravail.Modules.Demo;

internal static class DemoModule
{
    public static IServiceCollection AddDemo(this IServiceCollection services) => services
        .AddScoped<DemoSeeder>()
        .AddScoped<DemoBilling>()
        .AddScoped<DemoSubscriptions>()
        .AddScoped<DemoActivity>()
        .AddSingleton(new CliCommand("seed-demo", SeedDemoAsync));

    /// `seed-demo`: the demo network into an empty database.
    private static async Task<int> SeedDemoAsync(IServiceProvider services)
    {
        var seeded = await services.GetRequiredService<DemoSeeder>().SeedIfEmptyAsync();
        Console.WriteLine(seeded ? "Demo network created." : "The database already holds data: nothing seeded.");
        return 0;
    }

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

namespace Cotravail.Common.Database;

internal static class DatabaseStartup
{
    /// Applies pending migrations at start-up unless Cotravail:MigrateOnStart is false.
    public static async Task MigrateDatabaseAsync(this WebApplication app)
    {
        if (!app.Configuration.GetValue("Cotravail:MigrateOnStart", true))
        {
            return;
        }
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<MigrationRunner>().MigrateAsync();
    }
}

namespace Cotravail.Common.Backups;

internal static class BackupsModule
{
    public static IServiceCollection AddBackups(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<BackupOptions>(configuration.GetSection("Cotravail:Backups"));
        services.AddSingleton<SqliteBackups>();
        services.AddSingleton<SqliteRestore>();
        services.AddHostedService<InstanceLock>();
        services.AddHostedService<BackupJob>();
        return services;
    }
}

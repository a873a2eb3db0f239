namespace Cotravail.Common.Email;

internal static class EmailModule
{
    public static IServiceCollection AddEmail(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<Outbox>();
        services.AddScoped<SiteLinks>();
        services.AddScoped<OutboxDelivery>();
        services.AddSingleton(MailDelivery.FromConfiguration(configuration));
        services.Configure<OutboxOptions>(configuration.GetSection("Cotravail:Outbox"));
        services.AddHostedService<OutboxWorker>();
        return services;
    }
}

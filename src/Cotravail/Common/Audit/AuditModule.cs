namespace Cotravail.Common.Audit;

internal static class AuditModule
{
    public static IServiceCollection AddAudit(this IServiceCollection services) => services.AddScoped<AuditTrail>();
}

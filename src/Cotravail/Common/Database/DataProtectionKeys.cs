using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cotravail.Common.Database;

/// Data-protection keys (they sign cookies and antiforgery tokens) are kept in the database so that every
/// instance behind a load balancer reads the same keys: the server keeps no state of its own. Stored by
/// Microsoft's EF Core key store (ADR 15) in the table migration 0001 made; the configuration keeps its shape.
internal sealed class DataProtectionKeyConfiguration : IEntityTypeConfiguration<DataProtectionKey>
{
    public void Configure(EntityTypeBuilder<DataProtectionKey> builder)
    {
        builder.ToTable("DataProtectionKeys");
        builder.HasKey(k => k.Id);
        builder.Property(k => k.FriendlyName).HasMaxLength(100).IsRequired();
        builder.Property(k => k.Xml).IsRequired();
    }
}

internal static class DataProtectionSetup
{
    public static IServiceCollection AddDatabaseKeys(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName("Cotravail").PersistKeysToDbContext<AppDb>();
        return services;
    }
}

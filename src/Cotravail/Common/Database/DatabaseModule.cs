using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Cotravail.Common.Database;

internal static class DatabaseModule
{
    /// Queries that load several collections (Include or projection) run as one statement unless they say
    /// AsSplitQuery: one consistent snapshot, and the collections loaded this way are small (a location's days,
    /// photos, resources). Chosen explicitly, so EF does not warn (20504) on every such query.
    internal const QuerySplittingBehavior Splitting = QuerySplittingBehavior.SingleQuery;

    /// PostgreSQL when ConnectionStrings:Postgres is set; otherwise a SQLite file in Cotravail:DataDirectory.
    /// Contexts are pooled; modules add EF interceptors by registering them as IInterceptor singletons.
    public static IServiceCollection AddDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        var postgres = configuration.GetConnectionString("Postgres");
        if (!string.IsNullOrWhiteSpace(postgres))
        {
            services.AddSingleton(new DatabaseSettings(DatabaseEngine.Postgres, postgres));
            services.AddDbContextPool<AppDb>((provider, o) => o.UseNpgsql(postgres, n => n.UseQuerySplittingBehavior(Splitting)).AddInterceptors(provider.GetServices<IInterceptor>()));
        }
        else
        {
            var connectionString = SqliteConnectionString(configuration);
            services.AddSingleton(new DatabaseSettings(DatabaseEngine.Sqlite, connectionString));
            services.AddDbContextPool<AppDb>((provider, o) => o.UseSqlite(connectionString, s => s.UseQuerySplittingBehavior(Splitting)).AddInterceptors(provider.GetServices<IInterceptor>()));
        }
        services.AddScoped<MigrationRunner>();
        services.AddDatabaseKeys();
        return services;
    }

    private static string SqliteConnectionString(IConfiguration configuration)
    {
        var explicitString = configuration.GetConnectionString("Sqlite");
        if (!string.IsNullOrWhiteSpace(explicitString))
        {
            return explicitString;
        }
        var folder = Path.GetFullPath(configuration["Cotravail:DataDirectory"] ?? "data");
        Directory.CreateDirectory(folder);
        return new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(folder, "cotravail.db"),
            ForeignKeys = true,
            DefaultTimeout = 30,
            Pooling = true,
        }.ToString();
    }
}

internal sealed record DatabaseSettings(DatabaseEngine Engine, string ConnectionString);

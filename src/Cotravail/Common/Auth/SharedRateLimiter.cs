using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using Cotravail.Common.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Npgsql;

namespace Cotravail.Common.Auth;

/// One fixed window of a rate limit, counted in the database so that every instance behind a load balancer
/// spends the same budget. The key (policy, address or account) is stored as its SHA-256: no email is kept.
internal sealed class RateLimitCounter
{
    public string KeyHash { get; private set; } = "";

    public DateTime WindowStart { get; private set; }

    public DateTime ExpiresAt { get; private set; }

    public int Count { get; private set; }
}

internal sealed class RateLimitCounterConfiguration : IEntityTypeConfiguration<RateLimitCounter>
{
    public void Configure(EntityTypeBuilder<RateLimitCounter> builder)
    {
        builder.ToTable("RateLimitCounters");
        builder.HasKey(c => c.KeyHash);
        builder.Property(c => c.KeyHash).HasMaxLength(64);
        builder.HasIndex(c => c.ExpiresAt);
    }
}

/// Counts hits in RateLimitCounters on PostgreSQL: one atomic upsert per hit, which starts a new window when
/// the stored one has ended (a fixed window opened by the first hit, as the in-memory limiter does). Times are
/// the database's, so instances whose clocks differ still agree. Ended windows are deleted at most once a minute.
internal sealed class SharedRateCounter(DatabaseSettings database, ILogger<SharedRateCounter> logger)
{
    private const string HitSql = """
        INSERT INTO "RateLimitCounters" AS c ("KeyHash", "WindowStart", "ExpiresAt", "Count")
        VALUES (@key, statement_timestamp(), statement_timestamp() + make_interval(secs => @seconds), 1)
        ON CONFLICT ("KeyHash") DO UPDATE SET
            "Count" = CASE WHEN c."ExpiresAt" <= statement_timestamp() THEN 1 ELSE c."Count" + 1 END,
            "WindowStart" = CASE WHEN c."ExpiresAt" <= statement_timestamp() THEN statement_timestamp() ELSE c."WindowStart" END,
            "ExpiresAt" = CASE WHEN c."ExpiresAt" <= statement_timestamp() THEN excluded."ExpiresAt" ELSE c."ExpiresAt" END
        RETURNING c."Count", extract(epoch FROM c."ExpiresAt" - statement_timestamp())::float8
        """;

    private long lastCleanup = Stopwatch.GetTimestamp();

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// Counts one hit and answers whether it is within the limit, and how long until the window ends.
    public async Task<(bool Allowed, TimeSpan RetryAfter)> HitAsync(string key, int permits, int windowSeconds, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(HitSql, connection);
        command.Parameters.AddWithValue("key", Hash(key));
        command.Parameters.AddWithValue("seconds", (double)windowSeconds);
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        var count = reader.GetInt32(0);
        var left = TimeSpan.FromSeconds(Math.Max(0, reader.GetDouble(1)));
        await reader.DisposeAsync();
        await CleanUpAsync(connection);
        return (count <= permits, left);
    }

    private async Task CleanUpAsync(NpgsqlConnection connection)
    {
        var last = Interlocked.Read(ref lastCleanup);
        if (Stopwatch.GetElapsedTime(last) < TimeSpan.FromMinutes(1) || Interlocked.CompareExchange(ref lastCleanup, Stopwatch.GetTimestamp(), last) != last)
        {
            return;
        }
        try
        {
            await using var delete = new NpgsqlCommand("""DELETE FROM "RateLimitCounters" WHERE "ExpiresAt" < statement_timestamp()""", connection);
            await delete.ExecuteNonQueryAsync();
        }
        catch (NpgsqlException e)
        {
            logger.LogWarning(e, "Deleting ended rate-limit windows failed; the next cleanup tries again.");
        }
    }
}

/// A fixed-window limiter whose counts live in the database (SharedRateCounter): AttemptAcquire answers
/// "not yet" so the middleware asks AcquireAsync, which counts the hit.
internal sealed class SharedWindowLimiter(SharedRateCounter counter, string key, int permits, int windowSeconds) : RateLimiter
{
    private long lastUsed = Stopwatch.GetTimestamp();

    public override TimeSpan? IdleDuration => Stopwatch.GetElapsedTime(Interlocked.Read(ref lastUsed));

    public override RateLimiterStatistics? GetStatistics() => null;

    protected override RateLimitLease AttemptAcquireCore(int permitCount) => new Lease(false, null);

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        Interlocked.Exchange(ref lastUsed, Stopwatch.GetTimestamp());
        if (permitCount == 0)
        {
            return new Lease(true, null);
        }
        var (allowed, retryAfter) = await counter.HitAsync(key, permits, windowSeconds, cancellationToken);
        return new Lease(allowed, allowed ? null : retryAfter);
    }

    private sealed class Lease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = retryAfter;
            return retryAfter is not null && metadataName == MetadataName.RetryAfter.Name;
        }
    }
}

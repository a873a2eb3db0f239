using Cotravail.Common.Auth;
using Cotravail.Common.Email;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Common.Database;

/// One model for both engines; each module configures its own entities (IEntityTypeConfiguration) and
/// adds its tables as extension properties (BookingsTables…), so Common names no module.
internal sealed class AppDb(DbContextOptions<AppDb> options) : IdentityUserContext<User, Guid>(options), IDataProtectionKeyContext
{
    private bool? postgres;

    /// Whether this context talks to PostgreSQL (else SQLite). Asked once per pooled context: EF Core
    /// answers IsNpgsql() by reading the provider assembly's name each time, a cost on the hot path.
    public bool IsPostgres => postgres ??= Database.IsNpgsql();

    public DbSet<StaffAssignment> StaffAssignments => Set<StaffAssignment>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<Cotravail.Common.Idempotency.IdempotentRequest> IdempotentRequests => Set<Cotravail.Common.Idempotency.IdempotentRequest>();
    public DbSet<RecoveryCode> RecoveryCodes => Set<RecoveryCode>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDb).Assembly);
    }
}

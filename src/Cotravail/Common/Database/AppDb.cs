using Cotravail.Common.Auth;
using Cotravail.Modules.Bookings;
using Cotravail.Common.Email;
using Cotravail.Modules.Companies;
using Cotravail.Modules.Joining;
using Cotravail.Modules.Locations;
using Cotravail.Modules.Members;
using Cotravail.Modules.Network;
using Cotravail.Modules.Privacy;
using Cotravail.Modules.Resources;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Common.Database;

/// One model for both engines; each module configures its own entities (IEntityTypeConfiguration).
internal sealed class AppDb(DbContextOptions<AppDb> options) : IdentityUserContext<User, Guid>(options)
{
    private bool? postgres;

    /// Whether this context talks to PostgreSQL (else SQLite). Asked once per pooled context: EF Core
    /// answers IsNpgsql() by reading the provider assembly's name each time, a cost on the hot path.
    public bool IsPostgres => postgres ??= Database.IsNpgsql();

    public DbSet<NetworkProfile> Network => Set<NetworkProfile>();
    public DbSet<Location> Locations => Set<Location>();
    public DbSet<Resource> Resources => Set<Resource>();
    public DbSet<Member> Members => Set<Member>();
    public DbSet<Company> Companies => Set<Company>();
    public DbSet<StaffAssignment> StaffAssignments => Set<StaffAssignment>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<Booking> Bookings => Set<Booking>();
    public DbSet<CalendarFeed> CalendarFeeds => Set<CalendarFeed>();
    public DbSet<BookingAttendee> BookingAttendees => Set<BookingAttendee>();
    public DbSet<WaitlistEntry> Waitlist => Set<WaitlistEntry>();
    public DbSet<Cotravail.Modules.Assignments.ResourceAssignment> ResourceAssignments => Set<Cotravail.Modules.Assignments.ResourceAssignment>();
    public DbSet<Cotravail.Common.Idempotency.IdempotentRequest> IdempotentRequests => Set<Cotravail.Common.Idempotency.IdempotentRequest>();
    public DbSet<MemberPrivacy> MemberPrivacy => Set<MemberPrivacy>();
    public DbSet<RecoveryCode> RecoveryCodes => Set<RecoveryCode>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
    public DbSet<JoinRequest> JoinRequests => Set<JoinRequest>();
    public DbSet<Invitation> Invitations => Set<Invitation>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDb).Assembly);
    }
}

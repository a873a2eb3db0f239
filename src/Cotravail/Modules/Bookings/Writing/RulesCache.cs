using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Cotravail.Common.Database;
using Cotravail.Modules.Locations;
using Cotravail.Modules.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace Cotravail.Modules.Bookings;

/// A cache of the resources and locations the booking path reads on every booking (their rules: policy,
/// rates, opening hours (the location's and the resource's own), closed days, VAT), kept for a few seconds (decision 0009). The rules themselves live
/// with their owners (BookingPolicy, Rates, opening hours) and in Bookability; this only keeps them at hand.
/// Any write to a resource or a location through this process forgets it all at once, whether by SaveChanges
/// or by ExecuteUpdate/ExecuteDelete (RulesCacheInvalidator); another instance's change is seen within
/// Lifetime. The no-overlap guarantee never depends on this cache: only rules and prices do.
/// One per app (a singleton the Bookings module registers): the tests run several apps in one process.
internal sealed class RulesCache
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(5);
    private const int MaxEntries = 100_000;

    private readonly ConcurrentDictionary<Guid, Entry<Resource>> resources = new();
    private readonly ConcurrentDictionary<Guid, Entry<Location>> locations = new();
    private long generation;

    private sealed record Entry<T>(T Value, long Generation, long LoadedAt);

    /// The active resource and its active location, read-only (never modify them), or null.
    public async Task<(Resource Resource, Location Location)?> GetAsync(AppDb db, Guid resourceId, CancellationToken ct)
    {
        var resource = await GetOrLoadAsync(resources, resourceId, () => db.Resources.AsNoTracking().FirstOrDefaultAsync(r => r.Id == resourceId, ct));
        if (resource is not { IsActive: true })
        {
            return null;
        }
        var location = await GetOrLoadAsync(locations, resource.LocationId, () => db.Locations.AsNoTracking().AsSplitQuery().FirstOrDefaultAsync(l => l.Id == resource.LocationId, ct));
        return location is { IsActive: true } ? (resource, location) : null;
    }

    /// Changes whenever rules are forgotten; the catalog of availability compares it too.
    public long Generation => Volatile.Read(ref generation);

    /// Forgets every rule read so far; called when a resource or a location is saved.
    public void Forget()
    {
        Interlocked.Increment(ref generation);
        resources.Clear();
        locations.Clear();
    }

    private async Task<T?> GetOrLoadAsync<T>(ConcurrentDictionary<Guid, Entry<T>> entries, Guid id, Func<Task<T?>> load)
        where T : class
    {
        var current = Volatile.Read(ref generation);
        if (entries.TryGetValue(id, out var entry) && entry.Generation == current && Environment.TickCount64 - entry.LoadedAt < Lifetime.TotalMilliseconds)
        {
            return entry.Value;
        }
        var loaded = await load();
        if (loaded is null)
        {
            return null;
        }
        if (entries.Count >= MaxEntries)
        {
            entries.Clear();
        }
        // Stamped with the generation read before loading: a save that started meanwhile makes it stale at once.
        entries[id] = new Entry<T>(loaded, current, Environment.TickCount64);
        return loaded;
    }
}

/// Calls RulesCache.Forget before and after a save that touches a resource or a location, and again
/// when the transaction it was saved in commits (a reader between the save and the commit may have
/// cached what was there before). ExecuteUpdate and ExecuteDelete bypass SaveChanges: their UPDATE or
/// DELETE on a table of resources or locations forgets too, after it runs and when its transaction commits.
internal sealed partial class RulesCacheInvalidator(RulesCache cache) : SaveChangesInterceptor, IDbTransactionInterceptor, IDbCommandInterceptor
{
    private readonly ConditionalWeakTable<System.Data.Common.DbTransaction, object> changedIn = [];
    private readonly ConditionalWeakTable<DbContext, object> savedBy = [];

    public int NonQueryExecuted(System.Data.Common.DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Executed(command);
        return result;
    }

    public ValueTask<int> NonQueryExecutedAsync(System.Data.Common.DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Executed(command);
        return ValueTask.FromResult(result);
    }

    private void Executed(System.Data.Common.DbCommand command)
    {
        if (!WritesRules().IsMatch(command.CommandText))
        {
            return;
        }
        cache.Forget();
        if (command.Transaction is { } transaction)
        {
            changedIn.AddOrUpdate(transaction, transaction);
        }
    }

    /// A bulk write (ExecuteUpdate, ExecuteDelete) on a table the cache reads.
    [System.Text.RegularExpressions.GeneratedRegex("""^\s*(UPDATE|DELETE\s+FROM)\s+"(Resources|ResourceOpeningHours|Locations|LocationOpeningHours|LocationClosedDays|LocationVatRates)"\s""",
        System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex WritesRules();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Check(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Check(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData) => Committed(transaction);

    public Task TransactionCommittedAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Committed(transaction);
        return Task.CompletedTask;
    }

    private void Check(DbContext? context)
    {
        if (context is null || !context.ChangeTracker.Entries().Any(TouchesRules))
        {
            return;
        }
        cache.Forget();
        if (context.Database.CurrentTransaction?.GetDbTransaction() is { } transaction)
        {
            changedIn.AddOrUpdate(transaction, transaction);
        }
        else
        {
            savedBy.AddOrUpdate(context, context); // EF commits its own transaction: forget again after the save
        }
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Saved(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Saved(DbContext? context)
    {
        if (context is not null && savedBy.Remove(context))
        {
            cache.Forget();
        }
    }

    private void Committed(System.Data.Common.DbTransaction transaction)
    {
        if (changedIn.TryGetValue(transaction, out _))
        {
            changedIn.Remove(transaction);
            cache.Forget();
        }
    }

    private static bool TouchesRules(EntityEntry entry) =>
        entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
        && (entry.Entity is Resource or Location || entry.Metadata.FindOwnership()?.PrincipalEntityType.ClrType is { } owner && (owner == typeof(Location) || owner == typeof(Resource)));
}

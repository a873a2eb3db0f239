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

/// The resource and location rules the booking path reads on every booking (policy, rates, opening
/// hours, closed days, VAT), kept in memory for a few seconds (decision 0009). Saving any resource or
/// location through this process forgets them all at once; another instance's change is seen within
/// Lifetime. The no-overlap guarantee never depends on this cache: only rules and prices do.
internal static class BookingRules
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(5);
    private const int MaxEntries = 100_000;

    private static readonly ConcurrentDictionary<Guid, Entry<Resource>> Resources = new();
    private static readonly ConcurrentDictionary<Guid, Entry<Location>> Locations = new();
    private static long generation;

    private sealed record Entry<T>(T Value, long Generation, long LoadedAt);

    /// The active resource and its active location, read-only (never modify them), or null.
    public static async Task<(Resource Resource, Location Location)?> GetAsync(AppDb db, Guid resourceId, CancellationToken ct)
    {
        var resource = await GetOrLoadAsync(Resources, resourceId, () => db.Resources.AsNoTracking().FirstOrDefaultAsync(r => r.Id == resourceId, ct));
        if (resource is not { IsActive: true })
        {
            return null;
        }
        var location = await GetOrLoadAsync(Locations, resource.LocationId, () => db.Locations.AsNoTracking().AsSplitQuery().FirstOrDefaultAsync(l => l.Id == resource.LocationId, ct));
        return location is { IsActive: true } ? (resource, location) : null;
    }

    /// Changes whenever rules are forgotten; ResourceCatalog compares it too.
    public static long Generation => Volatile.Read(ref generation);

    /// Forgets every rule read so far; called when a resource or a location is saved.
    public static void Forget()
    {
        Interlocked.Increment(ref generation);
        Resources.Clear();
        Locations.Clear();
    }

    private static async Task<T?> GetOrLoadAsync<T>(ConcurrentDictionary<Guid, Entry<T>> entries, Guid id, Func<Task<T?>> load)
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

/// Calls BookingRules.Forget before and after a save that touches a resource or a location, and again
/// when the transaction it was saved in commits (a reader between the save and the commit may have
/// cached what was there before).
internal sealed class BookingRulesInvalidator : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private static readonly ConditionalWeakTable<System.Data.Common.DbTransaction, object> ChangedIn = [];
    private static readonly ConditionalWeakTable<DbContext, object> SavedBy = [];

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

    private static void Check(DbContext? context)
    {
        if (context is null || !context.ChangeTracker.Entries().Any(TouchesRules))
        {
            return;
        }
        BookingRules.Forget();
        if (context.Database.CurrentTransaction?.GetDbTransaction() is { } transaction)
        {
            ChangedIn.AddOrUpdate(transaction, transaction);
        }
        else
        {
            SavedBy.AddOrUpdate(context, context); // EF commits its own transaction: forget again after the save
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

    private static void Saved(DbContext? context)
    {
        if (context is not null && SavedBy.Remove(context))
        {
            BookingRules.Forget();
        }
    }

    private static void Committed(System.Data.Common.DbTransaction transaction)
    {
        if (ChangedIn.TryGetValue(transaction, out _))
        {
            ChangedIn.Remove(transaction);
            BookingRules.Forget();
        }
    }

    private static bool TouchesRules(EntityEntry entry) =>
        entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
        && (entry.Entity is Resource or Location || entry.Metadata.FindOwnership()?.PrincipalEntityType.ClrType == typeof(Location));
}

using System.Collections.Concurrent;
using Cotravail.Common.Database;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Cotravail.Modules.Bookings;

/// Writes the rows a context has added as INSERT statements made once per entity type from EF Core's
/// own model (table, columns, and each column's type mapping, so value converters apply exactly as in
/// SaveChanges), without SaveChanges' per-call machinery: the booking hot path (decision 0011). On
/// PostgreSQL a write of its own joins PostgresGroupWriter's next group (decision 0012), and one inside
/// the context's transaction or behind an advisory lock goes in one batch; on SQLite the statements run
/// in turn inside the caller's transaction (SeatWriter hands lone writes to SqliteGroupWriter).
/// Only plain entity types qualify: every property a column of one table, no owned or complex types,
/// no value made by the database. When anything else is pending, Pending says no and the caller saves
/// through EF Core as usual.
internal static class RowInserter
{
    private sealed record Plan(string Sql, IProperty[] Properties, RelationalTypeMapping[] Mappings);

    private static readonly ConcurrentDictionary<(IEntityType Type, bool Postgres), Plan?> Plans = new();

    /// The added entries when every pending change of the context is an insert this class can write;
    /// otherwise null (modified or deleted entries, or an entity type it does not handle).
    public static List<EntityEntry>? Pending(AppDb db)
    {
        var postgres = db.IsPostgres;
        // Without detecting changes first when only new rows of types without navigations are tracked (the
        // booking path): detection could change nothing there, and costs a snapshot comparison per row.
        var tracker = db.ChangeTracker;
        var entries = WithoutDetecting(tracker);
        if (entries.Any(e => e.State != EntityState.Added || e.Metadata.GetNavigations().Any() || e.Metadata.GetSkipNavigations().Any()))
        {
            tracker.DetectChanges();
            entries = WithoutDetecting(tracker);
        }
        var added = new List<EntityEntry>();
        foreach (var entry in entries)
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached)
            {
                continue;
            }
            if (entry.State != EntityState.Added || PlanFor(db, entry.Metadata, postgres) is null)
            {
                return null;
            }
            added.Add(entry);
        }
        // Principals before dependents (a booking before its attendees), as SaveChanges orders them.
        return added.Count < 2 ? added : [.. added.OrderBy(e => Depths.GetOrAdd(e.Metadata, Depth))];
    }

    private static List<EntityEntry> WithoutDetecting(ChangeTracker tracker)
    {
        var auto = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            return [.. tracker.Entries()];
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = auto;
        }
    }

    private static readonly ConcurrentDictionary<IEntityType, int> Depths = new();

    /// How many foreign keys deep an entity type lies: 0 for one that refers to no other table.
    private static int Depth(IEntityType type) => type.GetForeignKeys()
        .Where(fk => fk.PrincipalEntityType != type).Select(fk => Depth(fk.PrincipalEntityType) + 1).DefaultIfEmpty(0).Max();

    /// Inserts the entries (from Pending) and marks them Unchanged, as SaveChanges would. A constraint
    /// violation is thrown as the provider's exception (PostgresException, SqliteException); the
    /// entries then stay Added and nothing was written.
    /// PostgresLock: a transaction-level advisory lock taken first in the same batch (PostgreSQL only), so
    /// that inserts which may conflict on an exclusion constraint queue instead of deadlocking: two such
    /// inserts in flight each wait for the other's uncommitted row, and PostgreSQL aborts one (40P01).
    public static async Task InsertAsync(AppDb db, IReadOnlyList<EntityEntry> entries, BookingWriters writers, CancellationToken ct, long? postgresLock = null)
    {
        if (entries.Count == 0)
        {
            return;
        }
        var postgres = db.IsPostgres;
        if (postgres && db.Database.CurrentTransaction is null && postgresLock is null)
        {
            // a write of its own: committed together with the other writes of the moment
            await writers.WriteAsync(db.Database.GetConnectionString()!, PostgresCommands(db, entries), ct);
            Accept(entries);
            return;
        }
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var connection = db.Database.GetDbConnection();
            var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            if (postgres)
            {
                await using var batch = new NpgsqlBatch((NpgsqlConnection)connection, (NpgsqlTransaction?)transaction);
                if (postgresLock is { } key)
                {
                    batch.BatchCommands.Add(new NpgsqlBatchCommand("SELECT pg_advisory_xact_lock($1)") { Parameters = { new NpgsqlParameter<long> { TypedValue = key } } });
                }
                foreach (var command in PostgresCommands(db, entries))
                {
                    batch.BatchCommands.Add(command);
                }
                await batch.ExecuteNonQueryAsync(ct);
            }
            else
            {
                // SQLite: statements in turn, in the caller's transaction or one of their own (all or nothing)
                await using var own = transaction is null && entries.Count > 1 ? await connection.BeginTransactionAsync(ct) : null;
                foreach (var command in SqliteCommands(db, entries))
                {
                    await using (command)
                    {
                        (command.Connection, command.Transaction) = ((Microsoft.Data.Sqlite.SqliteConnection)connection, (Microsoft.Data.Sqlite.SqliteTransaction?)(transaction ?? own));
                        await command.ExecuteNonQueryAsync(ct);
                    }
                }
                if (own is not null)
                {
                    await own.CommitAsync(ct);
                }
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        foreach (var entry in entries)
        {
            entry.State = EntityState.Unchanged;
        }
    }

    /// PostgreSQL: the entries' INSERT commands with their parameters, for a batch.
    private static List<NpgsqlBatchCommand> PostgresCommands(AppDb db, IReadOnlyList<EntityEntry> entries)
    {
        using var scratch = new NpgsqlCommand(); // parameters are made by EF Core's mappings, which want a command
        var commands = new List<NpgsqlBatchCommand>(entries.Count);
        foreach (var entry in entries)
        {
            var plan = PlanFor(db, entry.Metadata, postgres: true)!;
            var command = new NpgsqlBatchCommand(plan.Sql);
            for (var i = 0; i < plan.Properties.Length; i++)
            {
                command.Parameters.Add((NpgsqlParameter)plan.Mappings[i].CreateParameter(scratch, "", entry.Property(plan.Properties[i]).CurrentValue, plan.Properties[i].IsNullable));
            }
            commands.Add(command);
        }
        return commands;
    }

    /// SQLite: the entries' INSERT commands with their parameters, bound to no connection yet (for
    /// SqliteGroupWriter, which runs them in a transaction of its own); then Accept them once written.
    public static List<Microsoft.Data.Sqlite.SqliteCommand> SqliteCommands(AppDb db, IReadOnlyList<EntityEntry> entries)
    {
        var commands = new List<Microsoft.Data.Sqlite.SqliteCommand>(entries.Count);
        foreach (var entry in entries)
        {
            var plan = PlanFor(db, entry.Metadata, postgres: false)!;
            var command = new Microsoft.Data.Sqlite.SqliteCommand(plan.Sql);
            for (var i = 0; i < plan.Properties.Length; i++)
            {
                command.Parameters.Add(plan.Mappings[i].CreateParameter(command, "@p" + i, entry.Property(plan.Properties[i]).CurrentValue, plan.Properties[i].IsNullable));
            }
            commands.Add(command);
        }
        return commands;
    }

    /// Marks entries written elsewhere as saved, as SaveChanges would.
    public static void Accept(IEnumerable<EntityEntry> entries)
    {
        foreach (var entry in entries)
        {
            entry.State = EntityState.Unchanged;
        }
    }

    private static Plan? PlanFor(AppDb db, IEntityType type, bool postgres) => Plans.GetOrAdd((type, postgres), key =>
    {
        if (key.Type.GetTableName() is not { } table || key.Type.GetComplexProperties().Any() || key.Type.GetNavigations().Any(n => n.TargetEntityType.IsOwned())
            || key.Type.IsOwned() || key.Type.GetDiscriminatorPropertyName() is not null)
        {
            return null;
        }
        var store = StoreObjectIdentifier.Table(table, key.Type.GetSchema());
        var properties = key.Type.GetProperties().ToArray();
        if (properties.Any(p => p.ValueGenerated != ValueGenerated.Never || p.GetColumnName(store) is null || p.IsShadowProperty()))
        {
            return null;
        }
        var sql = db.GetService<ISqlGenerationHelper>();
        var columns = string.Join(", ", properties.Select(p => sql.DelimitIdentifier(p.GetColumnName(store)!)));
        var values = string.Join(", ", properties.Select((_, i) => key.Postgres ? "$" + (i + 1) : "@p" + i));
        return new Plan(
            $"INSERT INTO {sql.DelimitIdentifier(table, key.Type.GetSchema())} ({columns}) VALUES ({values})",
            properties,
            [.. properties.Select(p => p.GetRelationalTypeMapping())]);
    });
}

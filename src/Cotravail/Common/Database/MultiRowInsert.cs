using System.Collections.Concurrent;
using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Cotravail.Common.Database;

/// Writes many new rows of one entity type as multi-row INSERT statements (`INSERT … VALUES (…), (…)`),
/// a statement per chunk instead of one per row, built from EF Core's own model: the table, its columns
/// and each column's type mapping, so value converters apply exactly as in SaveChanges. For bulk writes
/// (a billing run drafts thousands of invoices), where SaveChanges would send and plan one INSERT a row.
/// The rows are not tracked; they join the context's current transaction. Handled: properties that are
/// columns of the entity's table, owned types split into the same table (a null owned value writes
/// nulls), and shadow properties with a database default (left to the default). Anything else (a value
/// made by the database, an inheritance discriminator) is refused when the plan is made.
internal static class MultiRowInsert
{
    /// Parameters a statement. PostgreSQL allows 65,535. SQLite allows 32,766, but Microsoft.Data.Sqlite
    /// binds each parameter by looking its name up among the statement's, a cost in the square of their
    /// number (10,000 members' drafts took 96 s in statements of 30,000 parameters, 9 s in statements of
    /// 999, 3.4 s in statements of 120); in-process, many small statements cost SQLite little.
    private const int MaxPostgresParameters = 30_000, MaxSqliteParameters = 120;

    private sealed record Column(string Name, Func<object, object?> Value, RelationalTypeMapping Mapping, bool Nullable);

    private sealed record Plan(string Head, Column[] Columns);

    private static readonly ConcurrentDictionary<IEntityType, Plan> Plans = new();

    /// Inserts the rows, in chunks, in the context's current transaction (or each chunk on its own).
    public static async Task InsertAsync<T>(AppDb db, IReadOnlyCollection<T> rows, CancellationToken ct) where T : class
    {
        if (rows.Count == 0)
        {
            return;
        }
        var type = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not an entity type.");
        var plan = Plans.GetOrAdd(type, t => PlanFor(db, t));
        var perChunk = Math.Max(1, Math.Min(1000, (db.IsPostgres ? MaxPostgresParameters : MaxSqliteParameters) / plan.Columns.Length));
        var prefix = db.IsPostgres ? "p" : "@p";
        await using var scratch = db.Database.GetDbConnection().CreateCommand(); // EF Core's mappings make parameters for a command
        foreach (var chunk in rows.Chunk(perChunk))
        {
            var sql = new StringBuilder(plan.Head);
            var parameters = new List<DbParameter>(chunk.Length * plan.Columns.Length);
            for (var r = 0; r < chunk.Length; r++)
            {
                sql.Append(r == 0 ? "\n(" : ",\n(");
                for (var c = 0; c < plan.Columns.Length; c++)
                {
                    var column = plan.Columns[c];
                    var name = "p" + parameters.Count;
                    sql.Append(c == 0 ? "@" : ", @").Append(name);
                    parameters.Add(column.Mapping.CreateParameter(scratch, prefix == "p" ? name : "@" + name, column.Value(chunk[r]), column.Nullable));
                }
                sql.Append(')');
            }
            await db.Database.ExecuteSqlRawAsync(sql.ToString(), parameters, ct);
        }
    }

    private static Plan PlanFor(AppDb db, IEntityType type)
    {
        if (type.GetTableName() is not { } table || type.IsOwned() || type.GetDiscriminatorPropertyName() is not null || type.GetComplexProperties().Any())
        {
            throw new InvalidOperationException($"{type.DisplayName()} is not a plain table-mapped entity type.");
        }
        var store = StoreObjectIdentifier.Table(table, type.GetSchema());
        var columns = new List<Column>();
        foreach (var property in type.GetProperties())
        {
            if (ColumnOf(property, store, e => e, optional: false) is { } column)
            {
                columns.Add(column);
            }
        }
        foreach (var navigation in type.GetNavigations().Where(n => n.TargetEntityType.IsOwned() && !n.IsCollection))
        {
            var owned = navigation.TargetEntityType;
            if (owned.GetTableName() != table || owned.GetNavigations().Any(n => n.TargetEntityType.IsOwned()))
            {
                throw new InvalidOperationException($"{owned.DisplayName()} is not split into {table}.");
            }
            var getter = navigation.GetGetter();
            foreach (var property in owned.GetProperties().Where(p => !p.IsPrimaryKey()))
            {
                if (ColumnOf(property, store, e => getter.GetClrValue(e), optional: true) is { } column)
                {
                    columns.Add(column);
                }
            }
        }
        var sql = db.GetService<ISqlGenerationHelper>();
        return new Plan(
            $"INSERT INTO {sql.DelimitIdentifier(table, type.GetSchema())} ({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.Name)))}) VALUES",
            [.. columns]);
    }

    /// The column of a property, read through `container` (the entity itself, or its owned value); null for
    /// a shadow property the database fills with its default. Optional: the container may be null (an owned value).
    private static Column? ColumnOf(IProperty property, StoreObjectIdentifier store, Func<object, object?> container, bool optional)
    {
        if (property.ValueGenerated != ValueGenerated.Never && !property.IsShadowProperty())
        {
            throw new InvalidOperationException($"{property.DeclaringType.DisplayName()}.{property.Name} is made by the database.");
        }
        if (property.IsShadowProperty())
        {
            return property.GetDefaultValue() is not null || property.GetDefaultValueSql() is not null
                ? null
                : throw new InvalidOperationException($"{property.DeclaringType.DisplayName()}.{property.Name} is a shadow property without a default.");
        }
        var name = property.GetColumnName(store) ?? throw new InvalidOperationException($"{property.Name} has no column in {store.Name}.");
        var getter = property.GetGetter();
        return new Column(name, e => container(e) is { } holder ? getter.GetClrValue(holder) : null, property.GetRelationalTypeMapping(), property.IsNullable || optional);
    }
}

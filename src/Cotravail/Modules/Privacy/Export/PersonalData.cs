using System.Linq.Expressions;
using System.Reflection;
using Cotravail.Common.Database;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Modules.Privacy.Export;

/// Every row about one person, table by table, with secrets left out (GDPR art. 15 and 20).
internal sealed record PersonalData(DateTime ExportedAt, DataSubject Subject, IReadOnlyList<PersonalDataTable> Tables);

internal sealed record PersonalDataTable(string Name, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<object?>> Rows);

internal static class PersonalDataReader
{
    private static readonly MethodInfo RowsMethod =
        typeof(PersonalDataReader).GetMethod(nameof(RowsAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    private static readonly MethodInfo PropertyMethod = typeof(EF).GetMethod(nameof(EF.Property))!;

    public static async Task<PersonalData> ReadAsync(AppDb db, DataSubject subject, DateTime now, CancellationToken ct)
    {
        var tables = new List<PersonalDataTable>();
        foreach (var table in PersonalDataMap.Discover(db.Model))
        {
            var read = (Task<PersonalDataTable>)RowsMethod.MakeGenericMethod(table.EntityType.ClrType)
                .Invoke(null, [db, table, subject, ct])!;
            tables.Add(await read);
        }
        return new PersonalData(now, subject, tables);
    }

    private static async Task<PersonalDataTable> RowsAsync<T>(AppDb db, PersonTable table, DataSubject subject, CancellationToken ct)
        where T : class
    {
        var columns = table.Exported.Select(p => p.Name).ToList();
        if (Filter<T>(table, subject) is not { } filter)
        {
            return new PersonalDataTable(table.Table, columns, []);
        }
        var entities = await db.Set<T>().AsNoTracking().Where(filter).ToListAsync(ct);
        var rows = entities.Select(e =>
        {
            var entry = db.Entry(e);
            return (IReadOnlyList<object?>)[.. table.Exported.Select(p => AsUtc(entry.Property(p.Name).CurrentValue))];
        }).ToList();
        return new PersonalDataTable(table.Table, columns, rows);
    }

    /// Instants are stored in UTC; SQLite hands them back without a kind, so say it in the export.
    private static object? AsUtc(object? value) =>
        value is DateTime { Kind: DateTimeKind.Unspecified } d ? DateTime.SpecifyKind(d, DateTimeKind.Utc) : value;

    /// row => row.A == userId || row.B == memberId ..., with EF.Property so shadow columns work too.
    private static Expression<Func<T, bool>>? Filter<T>(PersonTable table, DataSubject subject)
    {
        var row = Expression.Parameter(typeof(T), "row");
        Expression? body = null;
        foreach (var column in table.Columns)
        {
            var ids = column.Kind switch
            {
                SubjectKind.User => [subject.UserId],
                SubjectKind.Member => [subject.MemberId],
                _ => new[] { subject.UserId, subject.MemberId },
            };
            foreach (var id in ids.OfType<Guid>())
            {
                var type = column.Property.ClrType;
                var value = Expression.Call(PropertyMethod.MakeGenericMethod(type), row, Expression.Constant(column.Property.Name));
                var test = Expression.Equal(value, Expression.Constant(id, type));
                body = body is null ? test : Expression.OrElse(body, test);
            }
        }
        return body is null ? null : Expression.Lambda<Func<T, bool>>(body, row);
    }
}

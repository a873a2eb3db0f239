using System.Data.Common;
using System.Globalization;
using Cotravail.Common.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Cotravail.Modules.Billing;

/// The statements of the issuing transaction that EF Core does not write: taking the chain's head and
/// the next number with UPDATE … RETURNING, which locks the rows until commit (PostgreSQL) or runs
/// alone (SQLite's single writer), so two issues never take the same number and a rollback returns it.
internal static class IssuingSql
{
    /// On SQLite every commit of the issuing transaction reaches the disk (synchronous=FULL), whatever
    /// a faster setting elsewhere may choose; the pragma cannot change inside a transaction.
    public static async Task PrepareAsync(AppDb db, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        if (!db.IsPostgres)
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA synchronous = FULL;", ct);
        }
    }

    public static async Task<(long Index, string Previous)> NextLinkAsync(AppDb db, int sellerId, CancellationToken ct)
    {
        const string Take = """UPDATE "DocumentChains" SET "LastIndex" = "LastIndex" + 1 WHERE "SellerId" = @seller RETURNING "LastIndex", "LastFootprint";""";
        var row = await ReadAsync(db, Take, ct, ("seller", sellerId));
        if (row is null)
        {
            await ExecuteAsync(db, """INSERT INTO "DocumentChains" ("SellerId", "LastIndex", "LastFootprint") VALUES (@seller, 0, @genesis) ON CONFLICT DO NOTHING;""", ct,
                ("seller", sellerId), ("genesis", InvoiceFootprint.Genesis));
            row = await ReadAsync(db, Take, ct, ("seller", sellerId));
        }
        return (Convert.ToInt64(row![0], CultureInfo.InvariantCulture), (string)row[1]);
    }

    /// The next number of the series and its issue date: today, or the series' last issue date when a
    /// clock is behind, so issue dates never go backwards.
    public static async Task<(long Number, DateOnly IssueDate)> NextNumberAsync(AppDb db, int sellerId, string series, DateOnly today, CancellationToken ct)
    {
        const string Take = """
            UPDATE "InvoiceCounters" SET "LastNumber" = "LastNumber" + 1,
                "LastIssueDate" = CASE WHEN "LastIssueDate" IS NULL OR "LastIssueDate" < @today THEN @today ELSE "LastIssueDate" END
            WHERE "SellerId" = @seller AND "Series" = @series RETURNING "LastNumber", "LastIssueDate";
            """;
        var row = await ReadAsync(db, Take, ct, ("seller", sellerId), ("series", series), ("today", today));
        if (row is null)
        {
            await ExecuteAsync(db, """INSERT INTO "InvoiceCounters" ("SellerId", "Series", "LastNumber") VALUES (@seller, @series, 0) ON CONFLICT DO NOTHING;""", ct,
                ("seller", sellerId), ("series", series));
            row = await ReadAsync(db, Take, ct, ("seller", sellerId), ("series", series), ("today", today));
        }
        return (Convert.ToInt64(row![0], CultureInfo.InvariantCulture), row[1] switch
        {
            DateOnly d => d,
            DateTime d => DateOnly.FromDateTime(d),
            var text => DateOnly.Parse((string)text, CultureInfo.InvariantCulture),
        });
    }

    public static Task SealAsync(AppDb db, int sellerId, string footprint, CancellationToken ct) =>
        ExecuteAsync(db, """UPDATE "DocumentChains" SET "LastFootprint" = @footprint WHERE "SellerId" = @seller;""", ct, ("seller", sellerId), ("footprint", footprint));

    private static async Task<object[]?> ReadAsync(AppDb db, string sql, CancellationToken ct, params (string Name, object Value)[] parameters)
    {
        await using var command = Command(db, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct))
        {
            return null;
        }
        var values = new object[reader.FieldCount];
        reader.GetValues(values);
        return values;
    }

    private static async Task ExecuteAsync(AppDb db, string sql, CancellationToken ct, params (string Name, object Value)[] parameters)
    {
        await using var command = Command(db, sql, parameters);
        await command.ExecuteNonQueryAsync(ct);
    }

    private static DbCommand Command(AppDb db, string sql, (string Name, object Value)[] parameters)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }
        return command;
    }
}

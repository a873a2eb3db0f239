using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace Cotravail.Tests.Infrastructure;

/// A database schema as sorted, normalized lines (tables, columns, keys, indexes, foreign keys, checks,
/// triggers…), so two schemas of one engine compare with a plain diff. Lines start with the kind and
/// the table ("index Locations IX_Locations_Slug unique (Slug) …") on both engines; what follows
/// is each engine's own wording. schema_migrations and SQLite's internal tables are left out.
internal static partial class SchemaDump
{
    private const string Ledger = "schema_migrations";

    public static async Task<IReadOnlyList<string>> ReadAsync(DbConnection connection)
    {
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await connection.OpenAsync();
        }
        var lines = connection is SqliteConnection ? await SqliteAsync(connection) : await PostgresAsync(connection);
        return [.. lines.Order(StringComparer.Ordinal)];
    }

    /// "- line" only in left, "+ line" only in right; empty when the schemas match.
    public static IReadOnlyList<string> Diff(IReadOnlyList<string> left, IReadOnlyList<string> right) =>
    [
        .. left.Except(right, StringComparer.Ordinal).Select(l => "- " + l),
        .. right.Except(left, StringComparer.Ordinal).Select(l => "+ " + l),
    ];

    private static async Task<List<string>> SqliteAsync(DbConnection c)
    {
        var lines = new List<string>();
        var tables = await QueryAsync(c,
            "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name <> @ledger",
            ("ledger", Ledger));
        foreach (var row in tables)
        {
            var (table, sql) = ((string)row[0]!, (string)row[1]!);
            lines.Add($"table {table}" + (sql.Contains("AUTOINCREMENT", StringComparison.OrdinalIgnoreCase) ? " autoincrement" : ""));
            var columns = await QueryAsync(c, "SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_info(@t)", ("t", table));
            foreach (var col in columns)
            {
                var type = ((string)col[1]!).ToUpperInvariant();
                lines.Add($"column {table}.{col[0]} type={type} maxlen={MaxLength(type)} {Nullability((long)col[2]! == 1)} default={col[3] ?? "-"}");
            }
            var key = columns.Where(col => (long)col[4]! > 0).OrderBy(col => (long)col[4]!).Select(col => (string)col[0]!).ToList();
            if (key.Count > 0)
            {
                lines.Add($"primary key {table} ({string.Join(", ", key)})");
            }
            foreach (var index in await QueryAsync(c, "SELECT name, \"unique\", origin, partial FROM pragma_index_list(@t)", ("t", table)))
            {
                if ((string)index[2]! == "pk")
                {
                    continue; // the primary key line above
                }
                var name = (string)index[0]!;
                var parts = await QueryAsync(c,
                    "SELECT name, \"desc\", coll FROM pragma_index_xinfo(@i) WHERE key = 1 ORDER BY seqno", ("i", name));
                var keyColumns = parts.Select(p => (p[0] as string ?? "<expression>")
                    + ((long)p[1]! == 1 ? " DESC" : "") + ((string)p[2]! == "BINARY" ? "" : $" COLLATE {p[2]}"));
                var where = "";
                if ((long)index[3]! == 1)
                {
                    var indexSql = (string)(await QueryAsync(c, "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = @i", ("i", name)))[0][0]!;
                    where = " where " + Squeeze(indexSql[(indexSql.LastIndexOf(" WHERE ", StringComparison.OrdinalIgnoreCase) + 7)..]);
                }
                lines.Add($"index {table} {name} {Uniqueness((long)index[1]! == 1)} ({string.Join(", ", keyColumns)}){where}");
            }
            var foreignKeys = await QueryAsync(c,
                "SELECT id, \"table\", \"from\", \"to\", on_update, on_delete FROM pragma_foreign_key_list(@t) ORDER BY id, seq", ("t", table));
            foreach (var fk in foreignKeys.GroupBy(f => (long)f[0]!))
            {
                var first = fk.First();
                lines.Add($"foreign key {table} ({string.Join(", ", fk.Select(f => f[2]))}) -> {first[1]} ({string.Join(", ", fk.Select(f => f[3] ?? "<key>"))}) on update {first[4]} on delete {first[5]}");
            }
            lines.AddRange(Checks(sql).Select(check => $"check {table} {check.Name} {check.Expression}"));
        }
        foreach (var row in await QueryAsync(c, "SELECT type, tbl_name, name, sql FROM sqlite_master WHERE type IN ('trigger', 'view')"))
        {
            lines.Add($"{row[0]} {row[1]} {row[2]} {Squeeze((string)row[3]!)}");
        }
        return lines;
    }

    private static async Task<List<string>> PostgresAsync(DbConnection c)
    {
        var lines = new List<string>();
        foreach (var row in await QueryAsync(c,
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> @ledger",
            ("ledger", Ledger)))
        {
            lines.Add($"table {row[0]}");
        }
        foreach (var row in await QueryAsync(c, """
            SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod), col.character_maximum_length, a.attnotnull,
                   pg_get_expr(d.adbin, d.adrelid), a.attidentity, a.attgenerated
            FROM pg_attribute a
            JOIN pg_class c ON c.oid = a.attrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            JOIN information_schema.columns col ON col.table_schema = n.nspname AND col.table_name = c.relname AND col.column_name = a.attname
            LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
            WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped AND c.relname <> @ledger
            """, ("ledger", Ledger)))
        {
            var identity = row[6] is char i && i != '\0' ? $" identity={(i == 'a' ? "always" : "by default")}" : "";
            var generated = row[7] is char g && g != '\0' ? " generated" : "";
            lines.Add($"column {row[0]}.{row[1]} type={row[2]} maxlen={row[3] ?? "-"} {Nullability((bool)row[4]!)} default={row[5] ?? "-"}{identity}{generated}");
        }
        foreach (var row in await QueryAsync(c, """
            SELECT cl.relname, con.conname, con.contype, pg_get_constraintdef(con.oid)
            FROM pg_constraint con
            JOIN pg_class cl ON cl.oid = con.conrelid
            JOIN pg_namespace n ON n.oid = cl.relnamespace
            WHERE n.nspname = 'public' AND con.contype <> 'n' AND cl.relname <> @ledger
            """, ("ledger", Ledger)))
        {
            var kind = (char)row[2]! switch
            {
                'p' => "primary key",
                'u' => "unique",
                'f' => "foreign key",
                'c' => "check",
                'x' => "exclusion",
                var other => $"constraint({other})",
            };
            lines.Add($"{kind} {row[0]} {row[1]} {row[3]}");
        }
        foreach (var row in await QueryAsync(c, """
            SELECT t.relname, i.relname, ix.indisunique,
                   (SELECT string_agg(pg_get_indexdef(ix.indexrelid, k, true), ', ' ORDER BY k) FROM generate_series(1, ix.indnkeyatts) k),
                   pg_get_indexdef(ix.indexrelid)
            FROM pg_index ix
            JOIN pg_class i ON i.oid = ix.indexrelid
            JOIN pg_class t ON t.oid = ix.indrelid
            JOIN pg_namespace n ON n.oid = t.relnamespace
            WHERE n.nspname = 'public' AND t.relname <> @ledger
            """, ("ledger", Ledger)))
        {
            var definition = ((string)row[4]!).Replace(" ON public.", " ON ", StringComparison.Ordinal);
            lines.Add($"index {row[0]} {row[1]} {Uniqueness((bool)row[2]!)} ({((string)row[3]!).Replace("\"", "", StringComparison.Ordinal)}) | {definition}");
        }
        foreach (var row in await QueryAsync(c, """
            SELECT c.relname, t.tgname, pg_get_triggerdef(t.oid)
            FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'public' AND NOT t.tgisinternal
            """))
        {
            lines.Add($"trigger {row[0]} {row[1]} {((string)row[2]!).Replace(" ON public.", " ON ", StringComparison.Ordinal)}");
        }
        foreach (var row in await QueryAsync(c, "SELECT table_name, view_definition FROM information_schema.views WHERE table_schema = 'public'"))
        {
            lines.Add($"view {row[0]} {row[0]} {Squeeze(row[1] as string ?? "")}");
        }
        foreach (var row in await QueryAsync(c, """
            SELECT t.typname, string_agg(e.enumlabel, ', ' ORDER BY e.enumsortorder)
            FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
            WHERE n.nspname = 'public' GROUP BY t.typname
            """))
        {
            lines.Add($"enum {row[0]} ({row[1]})");
        }
        foreach (var row in await QueryAsync(c, "SELECT extname FROM pg_extension WHERE extname <> 'plpgsql'"))
        {
            lines.Add($"extension {row[0]}");
        }
        return lines;
    }

    /// CHECK constraints written in a SQLite CREATE TABLE statement (SQLite has no catalog for them).
    private static IEnumerable<(string Name, string Expression)> Checks(string createTable)
    {
        foreach (Match match in CheckStart().Matches(createTable))
        {
            var open = match.Index + match.Length - 1;
            var close = ClosingParenthesis(createTable, open);
            var name = match.Groups["name"].Success ? match.Groups["name"].Value.Trim('"', '`', '[', ']') : "-";
            yield return (name, Squeeze(createTable[open..(close + 1)]));
        }
    }

    private static int ClosingParenthesis(string sql, int open)
    {
        var depth = 0;
        char? quote = null;
        for (var i = open; i < sql.Length; i++)
        {
            var ch = sql[i];
            if (quote is not null)
            {
                quote = ch == quote ? null : quote;
            }
            else if (ch is '\'' or '"')
            {
                quote = ch;
            }
            else if (ch == '(')
            {
                depth++;
            }
            else if (ch == ')' && --depth == 0)
            {
                return i;
            }
        }
        throw new FormatException($"Unbalanced parentheses in: {sql}");
    }

    private static async Task<List<object?[]>> QueryAsync(DbConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }
        var rows = new List<object?[]>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var values = new object?[reader.FieldCount];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }
            rows.Add(values);
        }
        return rows;
    }

    private static string MaxLength(string sqliteType) =>
        LengthInType().Match(sqliteType) is { Success: true } m ? m.Groups[1].Value : "-";

    private static string Nullability(bool notNull) => notNull ? "not null" : "null";

    private static string Uniqueness(bool unique) => unique ? "unique" : "non-unique";

    private static string Squeeze(string sql) => Whitespace().Replace(sql, " ").Trim();

    [GeneratedRegex(@"(?:\bCONSTRAINT\s+(?<name>""[^""]+""|\S+)\s+)?\bCHECK\s*\(", RegexOptions.IgnoreCase)]
    private static partial Regex CheckStart();

    [GeneratedRegex(@"\(\s*(\d+)")]
    private static partial Regex LengthInType();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}

using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cotravail.Modules.Privacy.Export;

/// The two download formats: one JSON document, or a zip of one CSV file per table.
internal static class PersonalDataFormats
{
    public const string FormatName = "cotravail-personal-data/1";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        // A download, never embedded in HTML: keep accents and "+" readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
    };

    public static byte[] ToJson(PersonalData data)
    {
        var document = new
        {
            format = FormatName,
            exportedAt = data.ExportedAt,
            userId = data.Subject.UserId,
            memberId = data.Subject.MemberId,
            tables = data.Tables.ToDictionary(
                t => t.Name,
                t => t.Rows.Select(r => t.Columns.Select((c, i) => (c, r[i])).ToDictionary(x => x.c, x => x.Item2)).ToList()),
        };
        return JsonSerializer.SerializeToUtf8Bytes(document, Json);
    }

    public static byte[] ToCsvZip(PersonalData data)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var table in data.Tables)
            {
                var entry = zip.CreateEntry(table.Name + ".csv", CompressionLevel.Optimal);
                using var writer = new StreamWriter(entry.Open(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
                writer.Write(CsvLine(table.Columns));
                foreach (var row in table.Rows)
                {
                    writer.Write(CsvLine(row.Select(Text)));
                }
            }
        }
        return buffer.ToArray();
    }

    /// A spreadsheet must not run what a member typed: a cell that starts like a formula gets a quote (OWASP CSV injection).
    public static string CsvCell(string? value)
    {
        var text = value ?? "";
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            text = "'" + text;
        }
        return text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }

    private static string CsvLine(IEnumerable<string?> cells) => string.Join(',', cells.Select(CsvCell)) + "\r\n";

    private static string? Text(object? value) => value switch
    {
        null => null,
        DateTime d => d.ToString("O", CultureInfo.InvariantCulture),
        DateTimeOffset d => d.ToString("O", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}

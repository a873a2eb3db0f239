using Cotravail.Common.Audit;
using Cotravail.Common.Database;
using Cotravail.Common.Errors;

namespace Cotravail.Modules.Privacy.Export;

/// GET /api/v1/me/export and the downloads on /me/data: all of a person's data, audited.
internal static class ExportPersonalData
{
    internal sealed record Download(byte[] Content, string ContentType, string FileName);

    public static async Task<Result<Download>> HandleAsync(DataSubject subject, string? format, AppDb db, AuditTrail audit, TimeProvider clock, CancellationToken ct)
    {
        if (subject is { UserId: null, MemberId: null })
        {
            return new NotFound("User account"); // a session that outlived its account (deactivated or erased)
        }
        var kind = (format ?? "json").ToLowerInvariant();
        if (kind is not ("json" or "csv"))
        {
            return new Invalid("format", "Choose json or csv.");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var data = await PersonalDataReader.ReadAsync(db, subject, now, ct);
        audit.Record(AuditActions.DataExported, subject.MemberId is null ? "user" : "member", subject.MemberId ?? subject.UserId, detail: kind);
        await db.SaveChangesAsync(ct);
        var name = $"cotravail-my-data-{now:yyyy-MM-dd}";
        return kind == "json"
            ? new Download(PersonalDataFormats.ToJson(data), "application/json", name + ".json")
            : new Download(PersonalDataFormats.ToCsvZip(data), "application/zip", name + ".zip");
    }
}

using System.Globalization;
using Cotravail.Common.Audit;
using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Localization;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Cotravail.Modules.Members;

/// GET /api/v1/members/export.csv and /admin/members/export.csv: staff export the members of their
/// locations with the list's filters. Cells that a spreadsheet would run as a formula are escaped with
/// a leading ' (ASVS V1.2.10); UTF-8 with a byte order mark so Excel reads accents; the export is audited.
internal static class ExportMembers
{
    public const string ContentType = "text/csv; charset=utf-8";

    public static async Task<byte[]> HandleAsync(ListMembers.Query query, AppDb db, AccessScope scope, AuditTrail audit,
        IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var members = db.Members.VisibleTo(scope);
        if (!scope.IsNetworkAdmin)
        {
            // Only the locations they work at: not themselves or their company's team as a member would see.
            var locations = scope.StaffLocations;
            members = members.Where(m => locations.Contains(m.HomeLocationId));
        }
        var rows = await ListMembers.Filter(query, members).ToResponses(db).ToListAsync(ct);

        var culture = CultureInfo.CurrentCulture;
        var options = CsvWriterOptions.Default with
        {
            // Excel in French expects ';' between cells (and ',' for decimals).
            Separator = culture.TextInfo.ListSeparator == ";" ? ';' : ',',
            Injection = CsvInjection.Escape,
            WriteByteOrderMark = true,
            FormatProvider = culture,
        };
        using var stream = new MemoryStream();
        using (var csv = CsvWriter.Create(stream, options, leaveOpen: true))
        {
            string[] header = [l["Last name"], l["First name"], l["Email"], l["Phone"], l["Status"], l["Home location"], l["Company"],
                l["The company pays for this member"], l["Company admin"], l["Active"]];
            foreach (var title in header)
            {
                csv.WriteField(title);
            }
            csv.EndRecord();
            foreach (var m in rows)
            {
                csv.WriteField(m.LastName);
                csv.WriteField(m.FirstName);
                csv.WriteField(m.Email);
                csv.WriteField(m.Phone);
                csv.WriteField(l[MemberText.Of(m.Category)].Value);
                csv.WriteField(m.HomeLocationName);
                csv.WriteField(m.CompanyName);
                csv.WriteField(m.BilledToCompany ? l["Yes"].Value : l["No"].Value);
                csv.WriteField(m.IsCompanyAdmin ? l["Yes"].Value : l["No"].Value);
                csv.WriteField(m.IsActive ? l["Yes"].Value : l["No"].Value);
                csv.EndRecord();
            }
        }
        audit.Record(AuditActions.DataExported, "members", null, query.LocationId,
            $"members.csv: {rows.Count} rows; location={query.LocationId}, company={query.CompanyId}, category={query.Category}, search={query.Search}, active={query.Active}");
        await db.SaveChangesAsync(ct);
        return stream.ToArray();
    }

    public static string FileName(TimeProvider clock) => $"members-{clock.GetUtcNow():yyyy-MM-dd}.csv";
}

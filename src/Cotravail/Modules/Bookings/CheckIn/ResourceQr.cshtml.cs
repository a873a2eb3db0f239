using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Email;
using Cotravail.Modules.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using QRCoder;
using Cotravail.Modules.Locations;

namespace Cotravail.Modules.Bookings;

/// /admin/resources/{id}/qr: a printable QR code of the resource's check-in address, to stick on the door or desk.
[Authorize(Policy = Policies.Staff)]
internal sealed class ResourceQrModel(AppDb db, Access access, SiteLinks links) : PageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    public string Resource { get; private set; } = "";

    public string Location { get; private set; } = "";

    public string CheckInUrl { get; private set; } = "";

    public string QrCode { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = await access.GetAsync(ct);
        var resource = await db.Resources.VisibleTo(db, scope).AsNoTracking()
            .Where(r => r.Id == Id)
            .Select(r => new { r.Name, r.LocationId, Location = db.Set<Location>().Where(l => l.Id == r.LocationId).Select(l => l.Name).First() })
            .FirstOrDefaultAsync(ct);
        if (resource is null || !scope.CanSee(resource.LocationId))
        {
            return NotFound();
        }
        Resource = resource.Name;
        Location = resource.Location;
        CheckInUrl = links.Absolute($"/check-in/{Id}");
        using var data = QRCodeGenerator.GenerateQrCode(CheckInUrl, QRCodeGenerator.ECCLevel.M);
        QrCode = "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(10));
        return Page();
    }
}

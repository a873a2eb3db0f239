using System.Globalization;
using Cotravail.Common;
using Cotravail.Common.Database;
using Cotravail.Modules.Locations;
using Cotravail.Modules.Locations.Photos;
using Cotravail.Modules.Offers;
using Cotravail.Modules.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Modules.Home.Spaces;

/// The public page of a space: address, hours, what can be booked at what price, and its passes and plans. With the home page, the
/// public site composes Locations and Resources, so neither of them names the other backwards.
[AllowAnonymous]
internal sealed class DetailsModel(AppDb db, TimeProvider clock) : PageModel
{
    public Location? Location { get; private set; }

    public IReadOnlyList<Resource> Resources { get; private set; } = [];

    public IReadOnlyList<PhotoResponse> Photos { get; private set; } = [];

    /// The first photo of each resource, on its card.
    public CardPhotos CardPhotos { get; private set; } = CardPhotos.None;

    /// Its own offers and the network's valid here.
    public OfferShelf Offers { get; private set; } = OfferShelf.Empty;

    public IReadOnlyList<ClosedDay> UpcomingClosedDays { get; private set; } = [];

    public IReadOnlyList<DayOfWeek> Week { get; } =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        Location = await db.Locations.AsNoTracking().FirstOrDefaultAsync(x => x.Slug == slug && x.IsActive, ct);
        if (Location is null)
        {
            return NotFound();
        }
        Resources = await db.Resources.AsNoTracking()
            .Where(r => r.LocationId == Location.Id && r.IsActive)
            .OrderBy(r => r.Kind).ThenBy(r => r.Name)
            .ToListAsync(ct);
        Photos = await ManagePhotos.ListOfAsync(db, Location.Id, Location.Slug, ct);
        CardPhotos = await ManagePhotos.FirstOfAsync(db, [Location.Id], ct);
        Offers = await OfferCatalogue.ValidAtAsync(db, Location.Id, ct);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(Location.TimeZone);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone).DateTime);
        UpcomingClosedDays = [.. Location.ClosedDays.Where(d => d.Date >= today).Take(5)];
        return Page();
    }

    public string DayName(DayOfWeek day) => CultureInfo.CurrentCulture.TextInfo.ToTitleCase(CultureInfo.CurrentCulture.DateTimeFormat.GetDayName(day));

    public string Price(long? cents) => cents is { } c ? new Money(c, Location!.Currency).Format(CultureInfo.CurrentCulture) : "—";
}

using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Errors;
using Cotravail.Common.Localization;
using Cotravail.Modules.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Cotravail.Modules.Locations;
using Cotravail.Modules.Locations.Photos;

namespace Cotravail.Modules.Bookings;

/// /book: the network-wide search (GET, so results can be bookmarked) and booking one result (POST).
internal sealed class SearchModel(AppDb db, Access access, TimeProvider clock, Waitlist waitlist, IStringLocalizer<SharedResource> l, BookResource book, CatalogCache catalogs)
    : PageModel
{
    internal sealed record LocationChoice(Guid Id, string Name);

    [BindProperty(SupportsGet = true)]
    public string? Date { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? LocationId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? People { get; set; }

    [BindProperty(SupportsGet = true)]
    public List<string> Amenities { get; set; } = [];

    /// Email addresses of people to invite with the booking (one per line or comma-separated).
    [BindProperty]
    public string? Attendees { get; set; }

    /// The result chosen with its "Book" button.
    [BindProperty]
    public Guid? ResourceId { get; set; }

    /// Staff and company admins book on behalf of a member (the "for member" select of each result).
    [BindProperty]
    public Guid? MemberId { get; set; }

    public IReadOnlyList<MemberChoice> OnBehalf { get; private set; } = [];

    public Common.Auth.AccessScope Scope { get; private set; } = Common.Auth.AccessScope.Anonymous;

    public IReadOnlyList<LocationChoice> Locations { get; private set; } = [];

    public SearchAvailability.Response? Results { get; private set; }

    /// Each bookable result's cancellation terms in one sentence, shown before booking.
    public IReadOnlyDictionary<Guid, string> Terms { get; private set; } = new Dictionary<Guid, string>();

    /// The first photo of each result's resource (or else its location's), on its card.
    public CardPhotos Photos { get; private set; } = CardPhotos.None;

    public IReadOnlyList<Amenity> AmenityChoices { get; } = [.. Enum.GetValues<Amenity>().Where(a => a != Amenity.None)];

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (ResourceId is null)
        {
            return await NoResourceAsync(ct);
        }
        var scope = await access.GetAsync(ct);
        var booked = await PageBooking.BookAsync(new SlotInput { ResourceId = ResourceId, Date = Date, From = From, To = To, Attendees = Attendees, MemberId = MemberId }, book, scope, ct);
        if (booked.IsOk)
        {
            TempData["Booked"] = l["{0} is booked.", booked.Value.ResourceName].Value;
            return Redirect("/me/bookings");
        }
        PageBooking.AddTo(booked.Error, ModelState, l, "", Attendees);
        await LoadAsync(ct);
        return Page();
    }

    /// "Join the waitlist" on a taken result.
    public async Task<IActionResult> OnPostWaitlistAsync(CancellationToken ct)
    {
        if (ResourceId is null)
        {
            return await NoResourceAsync(ct);
        }
        var joined = await PageBooking.JoinWaitlistAsync(new SlotInput { ResourceId = ResourceId, Date = Date, From = From, To = To }, waitlist, await access.GetAsync(ct), ct);
        if (joined.IsOk)
        {
            var name = await db.Resources.Where(r => r.Id == ResourceId).Select(r => r.Name).FirstAsync(ct);
            TempData["Booked"] = l["You are on the waitlist for {0}. You will get an email when it frees up.", name].Value;
            return Redirect("/me/bookings#waitlist");
        }
        PageBooking.AddTo(joined.Error, ModelState, l, "");
        await LoadAsync(ct);
        return Page();
    }

    /// A post without a readable resource (the handlers expect one, as the API's validation ensures).
    private async Task<IActionResult> NoResourceAsync(CancellationToken ct)
    {
        PageBooking.AddTo(new NotFound("Resource"), ModelState, l, "");
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Scope = await access.GetAsync(ct);
        OnBehalf = await PageBooking.OnBehalfChoicesAsync(db, Scope, ct);
        Locations = await db.Locations.AsNoTracking().Where(x => x.IsActive).OrderBy(x => x.Name)
            .Select(x => new LocationChoice(x.Id, x.Name)).ToListAsync(ct);
        if (Date is null && !await OpenOnNextSlotAsync(ct))
        {
            var tomorrow = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(1);
            (Date, From, To) = (tomorrow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), "09:00", "10:00");
            return;
        }
        // "page" is read from the query string, not bound: it is also the route value naming the Razor page
        var page = int.TryParse(Request.Query["page"], out var p) ? p : 1;
        var query = new SearchAvailability.Query(
            $"{Date}T{From}", $"{Date}T{To}", LocationId, Kind, People, string.Join(',', Amenities), null, null, Explain: true, Page: page);
        var found = await SearchAvailability.HandleAsync(query, db, catalogs, await access.GetAsync(ct), clock, ct);
        if (found.IsOk)
        {
            Results = found.Value;
            await OfferNextFreeAsync(query, found.Value, ct);
            var ids = found.Value.Available.Select(o => o.ResourceId).ToList();
            Terms = await db.Resources.AsNoTracking().Where(r => ids.Contains(r.Id))
                .Select(r => new { r.Id, r.Policy.FreeCancellationHours, r.Policy.LateCancellationPercent })
                .ToDictionaryAsync(r => r.Id, r => CancellationText.Terms(l, r.FreeCancellationHours, r.LateCancellationPercent), ct);
            Photos = await ManagePhotos.FirstOfAsync(db, [.. found.Value.Available.Concat(found.Value.Unavailable).Select(o => o.LocationId).Distinct()], ct);
        }
        else if (ModelState.IsValid)
        {
            var (field, reason) = found.Error is Invalid i ? (i.Field, i.Reason) : ("", found.Error.Message);
            ModelState.AddModelError(field switch { "start" => "From", "end" => "To", "capacity" => "People", _ => "" }, l[reason]);
        }
    }

    public CardPhoto PhotoOf(SearchAvailability.Option option) =>
        new(Photos.OfResource(option.ResourceId) ?? Photos.Of(option.LocationId), option.Name);

    public string Reason(Unavailability reason) => BookingErrors.For(reason).Reason;

    /// The default length of a search: the form opens on one hour.
    public static readonly TimeSpan DefaultLength = TimeSpan.FromHours(1);

    /// When nothing is free (or the resource chosen could not be booked and is not free): the next free slots.
    public IReadOnlyList<NextFreeSlot> NextFree { get; private set; } = [];

    /// The resource the next free slots are for, when they are for the one chosen.
    public string? NextFreeFor { get; private set; }

    /// The search's link for a later slot, with the same filters.
    public string NextFreeLink(NextFreeSlot slot)
    {
        var culture = System.Globalization.CultureInfo.InvariantCulture;
        var query = new Microsoft.AspNetCore.Http.Extensions.QueryBuilder
        {
            { "date", slot.Start.ToString("yyyy-MM-dd", culture) },
            { "from", slot.Start.ToString("HH:mm", culture) },
            { "to", slot.End.ToString("HH:mm", culture) },
        };
        if (LocationId is { } location)
        {
            query.Add("locationId", location.ToString());
        }
        if (!string.IsNullOrEmpty(Kind))
        {
            query.Add("kind", Kind);
        }
        if (People is { } people)
        {
            query.Add("people", people.ToString(culture));
        }
        if (Amenities.Count > 0)
        {
            query.Add("amenities", Amenities);
        }
        return "/book" + query.ToQueryString();
    }

    /// No day asked: the next open slot of the chosen location (or the first), in its own time zone. False without locations.
    private async Task<bool> OpenOnNextSlotAsync(CancellationToken ct)
    {
        var catalog = await catalogs.GetAsync(db, ct);
        var id = LocationId ?? Locations.FirstOrDefault()?.Id;
        if (id is not { } chosen || !catalog.LocationIndex.TryGetValue(chosen, out var index)
            || SearchAvailability.NextOpenSlot(catalog.Locations[index], clock.GetUtcNow().UtcDateTime, DefaultLength) is not { } slot)
        {
            return false;
        }
        var culture = System.Globalization.CultureInfo.InvariantCulture;
        (Date, From, To) = (slot.Start.ToString("yyyy-MM-dd", culture), slot.Start.ToString("HH:mm", culture), slot.End.ToString("HH:mm", culture));
        return true;
    }

    /// The next free slots when nothing is free, or for the resource chosen when booking it failed and it is not free.
    private async Task OfferNextFreeAsync(SearchAvailability.Query query, SearchAvailability.Response found, CancellationToken ct)
    {
        if (ResourceId is { } wanted && HttpMethods.IsPost(Request.Method) && found.Available.All(o => o.ResourceId != wanted))
        {
            NextFree = await SearchAvailability.NextFreeAsync(query with { ResourceId = wanted }, db, catalogs, Scope, clock, ct);
            NextFreeFor = NextFree.Count > 0 ? NextFree[0].Resources[0].Name : null;
        }
        else if (found.AvailableCount == 0)
        {
            NextFree = await SearchAvailability.NextFreeAsync(query, db, catalogs, Scope, clock, ct);
        }
    }
}

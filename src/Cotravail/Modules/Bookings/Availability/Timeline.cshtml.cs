using System.Globalization;
using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Localization;
using Cotravail.Modules.Locations;
using Cotravail.Modules.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Cotravail.Modules.Bookings;

/// /locations/{slug}/timeline: a location's day, resources × half-hours; a free cell opens a small
/// form (choose the end) that books through the same handler as the API. ?view=week shows the week
/// as resources × half-days, each linking to its day.
internal sealed class TimelineModel(AppDb db, Access access, TimeProvider clock, Waitlist waitlist, IStringLocalizer<SharedResource> l, BookResource book) : PageModel
{
    [BindProperty]
    public SlotInput Input { get; set; } = new();

    public Location? Location { get; private set; }

    public LocationDay.Grid? Day { get; private set; }

    /// The resource being booked when a free cell was chosen (or the form is redisplayed).
    public string? ChosenName { get; private set; }

    /// The chosen resource's cancellation terms, shown before booking.
    public string? ChosenTerms { get; private set; }

    /// The form was opened on a busy cell, or the slot turned out taken: offer to join its waitlist.
    public bool OfferWaitlist { get; private set; }

    /// End times offered by the form: every half-hour after the start until the day's last closing.
    public IReadOnlyList<string> Ends { get; private set; } = [];

    /// The week view (?view=week): resources × half-days, Monday to Sunday.
    public LocationWeek.Grid? Week { get; private set; }

    /// The members the signed-in staff or company admin may book for here; empty for others.
    public IReadOnlyList<MemberChoice> OnBehalf { get; private set; } = [];

    /// Whether the caller has a member record, to book for themselves.
    public bool IsMember { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, string? date, Guid? resource, string? from, string? view, bool wait, CancellationToken ct)
    {
        if (view == "week")
        {
            Location = await db.Locations.AsNoTracking().FirstOrDefaultAsync(x => x.Slug == slug && x.IsActive, ct);
            if (Location is null)
            {
                return NotFound();
            }
            Week = await LocationWeek.LoadAsync(db, Location, Date(date), clock, ct);
            return Page();
        }
        if (!await LoadAsync(slug, date, ct))
        {
            return NotFound();
        }
        if (resource is not null && from is not null)
        {
            var end = TimeOnly.TryParse(from, CultureInfo.InvariantCulture, out var start) ? start.AddHours(1).ToString("HH:mm", CultureInfo.InvariantCulture) : null;
            Input = new SlotInput { ResourceId = resource, Date = Day!.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), From = from, To = end };
            OfferWaitlist = wait;
            await ChooseAsync(ct);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostWaitlistAsync(string slug, CancellationToken ct)
    {
        if (!await LoadAsync(slug, Input.Date, ct))
        {
            return NotFound();
        }
        var joined = await PageBooking.JoinWaitlistAsync(Input, waitlist, await access.GetAsync(ct), ct);
        if (joined.IsOk)
        {
            TempData["Booked"] = l["You are on the waitlist for {0}. You will get an email when it frees up.", ChosenNameOf(Input.ResourceId)].Value;
            return Redirect("/me/bookings#waitlist");
        }
        PageBooking.AddTo(joined.Error, ModelState, l, "Input.");
        OfferWaitlist = true;
        await ChooseAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken ct)
    {
        if (!await LoadAsync(slug, Input.Date, ct))
        {
            return NotFound();
        }
        var booked = await PageBooking.BookAsync(Input, book, await access.GetAsync(ct), ct);
        if (booked.IsOk)
        {
            TempData["Booked"] = l["{0} is booked.", booked.Value.ResourceName].Value;
            return Redirect("/me/bookings");
        }
        PageBooking.AddTo(booked.Error, ModelState, l, "Input.", Input.Attendees);
        OfferWaitlist = booked.Error is Common.Errors.Conflict;
        await ChooseAsync(ct);
        return Page();
    }

    public string DayLink(int days) =>
        $"/locations/{Location!.Slug}/timeline?date={Day!.Date.AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";

    /// The week view of the shown day's (or week's) Monday, moved by `weeks`.
    public string WeekLink(int weeks) =>
        $"/locations/{Location!.Slug}/timeline?view=week&date={((Week?.Monday ?? LocationWeek.MondayOf(Day!.Date)).AddDays(7 * weeks)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";

    /// From the week view: the day view of `date`, with the booking form open on `from` when given.
    public string DayOf(DateOnly date, Guid? resource = null, TimeOnly? from = null) =>
        $"/locations/{Location!.Slug}/timeline?date={date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}"
        + (resource is { } r && from is { } t ? $"&resource={r}&from={t.ToString("HH:mm", CultureInfo.InvariantCulture)}#book" : "");

    public string CellLink(Guid resource, TimeOnly time, bool wait = false) =>
        $"{DayLink(0)}&resource={resource}&from={time.ToString("HH:mm", CultureInfo.InvariantCulture)}{(wait ? "&wait=true" : "")}#book";

    private string ChosenNameOf(Guid? resource) => Day!.Rows.FirstOrDefault(r => r.ResourceId == resource)?.Name ?? "";

    private async Task<bool> LoadAsync(string slug, string? date, CancellationToken ct)
    {
        Location = await db.Locations.AsNoTracking().FirstOrDefaultAsync(x => x.Slug == slug && x.IsActive, ct);
        if (Location is null)
        {
            return false;
        }
        Day = await LocationDay.LoadAsync(db, Location, Date(date), clock, ct);
        var scope = await access.GetAsync(ct);
        IsMember = scope.MemberId is not null;
        OnBehalf = PageBooking.MayBookFor(scope, Location.Id) ? await PageBooking.OnBehalfChoicesAsync(db, scope, ct) : [];
        return true;
    }

    /// The date asked for, or today in the location's time zone.
    private DateOnly Date(string? date)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(Location!.TimeZone);
        var today = DateOnly.FromDateTime(WallClock.ToLocal(clock.GetUtcNow().UtcDateTime, zone));
        return DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : today;
    }

    private async Task ChooseAsync(CancellationToken ct)
    {
        ChosenName = Day!.Rows.FirstOrDefault(r => r.ResourceId == Input.ResourceId)?.Name;
        if (ChosenName is null || !TimeOnly.TryParse(Input.From, CultureInfo.InvariantCulture, out var start))
        {
            ChosenName = null;
            return;
        }
        var policy = await db.Resources.AsNoTracking().Where(r => r.Id == Input.ResourceId)
            .Select(r => new { r.Policy.FreeCancellationHours, r.Policy.LateCancellationPercent }).FirstAsync(ct);
        ChosenTerms = CancellationText.Terms(l, policy.FreeCancellationHours, policy.LateCancellationPercent);
        var last = Day.Times.Count == 0 ? start : Day.Times[^1].AddMinutes(LocationDay.CellMinutes);
        var ends = new List<string>();
        for (var t = start.AddMinutes(LocationDay.CellMinutes); t > start && t <= (last == TimeOnly.MinValue ? TimeOnly.MaxValue : last); t = t.AddMinutes(LocationDay.CellMinutes))
        {
            ends.Add(t.ToString("HH:mm", CultureInfo.InvariantCulture));
        }
        Ends = ends;
    }
}

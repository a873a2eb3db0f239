using Cotravail.Common;
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

/// /locations/{slug}/timeline: a location's day, resources × half-hours; a free cell (or a range picked by
/// drag or keyboard, wwwroot/js/timeline.js) opens the booking form prefilled, which books through the same
/// handler as the API. The location's staff see who booked; choosing a booking opens its panel, where they
/// approve, decline or check it in. ?view=week shows the week as resources × half-days, each linking to its day.
internal sealed class TimelineModel(AppDb db, Access access, TimeProvider clock, Waitlist waitlist, IStringLocalizer<SharedResource> l, BookResource book, DecideBooking decide) : PageModel
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

    /// The booking chosen on the grid (?booking=), when the caller may see it: its panel shows who, when and the actions.
    public LocationDay.Shown? Selected { get; private set; }

    /// The caller manages this location: approves and declines requests from the grid.
    public bool CanDecide { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, string? date, Guid? resource, string? from, string? to, string? view, bool wait, Guid? booking, CancellationToken ct)
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
            var end = TimeOnly.TryParseExact(to, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var until) ? until.ToString("HH:mm", CultureInfo.InvariantCulture)
                : TimeOnly.TryParse(from, CultureInfo.InvariantCulture, out var start) ? start.AddHours(1).ToString("HH:mm", CultureInfo.InvariantCulture) : null;
            Input = new SlotInput { ResourceId = resource, Date = Day!.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), From = from, To = end };
            OfferWaitlist = wait;
            await ChooseAsync(ct);
        }
        if (booking is { } id)
        {
            Selected = Day!.Bookings.FirstOrDefault(b => b.Id == id && (b.Who is not null || b.Mine))
                ?? await LocationDay.FindAsync(db, Location!, id, clock, Viewer.Of(await access.GetAsync(ct), Location!.Id), ct);
        }
        return Page();
    }

    /// Approves or declines a request from the grid's booking panel (the location's managers).
    public async Task<IActionResult> OnPostDecideAsync(string slug, Guid id, bool approve, string? date, CancellationToken ct)
    {
        var decided = await decide.HandleAsync(id, approve, await access.GetAsync(ct), ct);
        if (!decided.IsOk && decided.Error is Common.Errors.Forbidden)
        {
            return Forbid();
        }
        DeskNotice.Tell(TempData, l, decided, approve ? l["The request is approved."].Value : l["The request is declined."].Value);
        return Redirect(BookingLink(slug, date, id));
    }

    /// Checks a booking in from the grid's booking panel (the location's staff).
    public async Task<IActionResult> OnPostCheckInAsync(string slug, Guid id, string? date, CancellationToken ct)
    {
        var checkedIn = await CheckInBooking.HandleAsync(id, db, await access.GetAsync(ct), clock, ct);
        DeskNotice.Tell(TempData, l, checkedIn, l["{0} is checked in.", checkedIn.IsOk ? checkedIn.Value.ResourceName : ""].Value);
        return Redirect(BookingLink(slug, date, id));
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
        $"/locations/{Location!.Slug}/timeline?view=week&date={((Week?.Monday ?? Weeks.MondayOf(Day!.Date)).AddDays(7 * weeks)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";

    /// From the week view: the day view of `date`, with the booking form open on `from` when given.
    public string DayOf(DateOnly date, Guid? resource = null, TimeOnly? from = null) =>
        $"/locations/{Location!.Slug}/timeline?date={date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}"
        + (resource is { } r && from is { } t ? $"&resource={r}&from={t.ToString("HH:mm", CultureInfo.InvariantCulture)}#book" : "");

    /// The grid of `date` with one booking's panel open.
    public string BookingLink(Guid id) => BookingLink(Location!.Slug, Day!.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), id);

    private static string BookingLink(string slug, string? date, Guid id) =>
        $"/locations/{Uri.EscapeDataString(slug)}/timeline?date={Uri.EscapeDataString(date ?? "")}&booking={id}#selected";

    public string CellLink(Guid resource, TimeOnly time, bool wait = false) =>
        $"{dayLink ??= DayLink(0)}&resource={resource}&from={time.ToString("HH:mm", CultureInfo.InvariantCulture)}{(wait ? "&wait=true" : "")}#book";

    private string? dayLink;

    private string ChosenNameOf(Guid? resource) => Day!.Rows.FirstOrDefault(r => r.ResourceId == resource)?.Name ?? "";

    private async Task<bool> LoadAsync(string slug, string? date, CancellationToken ct)
    {
        Location = await db.Locations.AsNoTracking().FirstOrDefaultAsync(x => x.Slug == slug && x.IsActive, ct);
        if (Location is null)
        {
            return false;
        }
        var scope = await access.GetAsync(ct);
        Day = await LocationDay.LoadAsync(db, Location, Date(date), clock, Viewer.Of(scope, Location.Id), ct);
        CanDecide = scope.CanManage(Location.Id);
        IsMember = scope.MemberId is not null;
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
        var scope = await access.GetAsync(ct);
        OnBehalf = PageBooking.MayBookFor(scope, Location!.Id) ? await PageBooking.OnBehalfChoicesAsync(db, scope, ct) : [];
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

using System.Globalization;
using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Errors;
using Cotravail.Common.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Cotravail.Modules.Locations;
using Cotravail.Modules.Resources;

namespace Cotravail.Modules.Bookings;

/// A recurring series as the page types it; times are local to the resource's location.
internal sealed record SeriesInput
{
    public Guid? ResourceId { get; init; }

    public string? Date { get; init; }

    public string? From { get; init; }

    public string? To { get; init; }

    public Frequency? Frequency { get; init; } = Bookings.Frequency.Weekly;

    public int? Interval { get; init; } = 1;

    public string? Until { get; init; }

    public int? Count { get; init; }

    public string? Title { get; init; }

    public BookSeries.SeriesMode Mode { get; init; } = BookSeries.SeriesMode.AvailableOnly;

    /// Email addresses invited to every occurrence (one per line or comma-separated).
    public string? Attendees { get; init; }
}

/// /book/series: a recurring booking in two steps, through the same handler as the API: a preview of
/// every occurrence (free, or why not), then "book the free ones" or "all or none".
internal sealed class SeriesModel(AppDb db, Access access, BookSeries series, IStringLocalizer<SharedResource> l) : PageModel
{
    internal sealed record Choice(Guid Id, string Name, string Location);

    [BindProperty]
    public SeriesInput Input { get; set; } = new();

    public IReadOnlyList<Choice> Resources { get; private set; } = [];

    /// The occurrences of the last preview, when it succeeded.
    public IReadOnlyList<BookSeries.Occurrence>? Preview { get; private set; }

    public async Task OnGetAsync(Guid? resource, string? date, string? from, string? to, CancellationToken ct)
    {
        Input = Input with { ResourceId = resource, Date = date, From = from ?? "09:00", To = to ?? "10:00", Count = 4 };
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (ToRequest() is not { } request)
        {
            return Page();
        }
        var preview = await series.PreviewAsync(request, await access.GetAsync(ct), ct);
        if (preview.IsOk)
        {
            Preview = preview.Value;
        }
        else
        {
            AddError(preview.Error);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostBookAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (ToRequest() is not { } request)
        {
            return Page();
        }
        var scope = await access.GetAsync(ct);
        var booked = await series.BookAsync(request, scope, ct);
        if (booked.IsOk && booked.Value.Booked.Count > 0)
        {
            TempData["Booked"] = booked.Value.Skipped.Count == 0
                ? l["{0} occurrences are booked.", booked.Value.Booked.Count].Value
                : l["{0} occurrences are booked; {1} were not available.", booked.Value.Booked.Count, booked.Value.Skipped.Count].Value;
            return Redirect("/me/bookings");
        }
        if (booked.IsOk)
        {
            ModelState.AddModelError("", l["No occurrence of this series is available: nothing was booked."]);
        }
        else
        {
            AddError(booked.Error);
        }
        var preview = await series.PreviewAsync(request, scope, ct);
        Preview = preview.IsOk ? preview.Value : null;
        return Page();
    }

    /// The API request, or null with the errors by field.
    private BookSeries.Request? ToRequest()
    {
        if (Input.ResourceId is null)
        {
            ModelState.AddModelError("Input.ResourceId", l[Messages.Required, l["Resource"]]);
        }
        if (!DateOnly.TryParseExact(Input.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            ModelState.AddModelError("Input.Date", l["Give a date."]);
        }
        if (Input.Frequency is null || !Enum.IsDefined(Input.Frequency.Value))
        {
            ModelState.AddModelError("Input.Frequency", l[Messages.Required, l["Frequency"]]);
        }
        if (Input.Interval is not (>= 1 and <= 12))
        {
            ModelState.AddModelError("Input.Interval", l[Messages.Range, l["Interval"], 1, 12]);
        }
        DateOnly? until = null;
        if (!string.IsNullOrWhiteSpace(Input.Until))
        {
            if (DateOnly.TryParseExact(Input.Until, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var u))
            {
                until = u;
            }
            else
            {
                ModelState.AddModelError("Input.Until", l["Give a date."]);
            }
        }
        if (Input.Count is { } count && count is < 1 or > Recurrence.MaxOccurrences)
        {
            ModelState.AddModelError("Input.Count", l[Messages.Range, l["Number of occurrences"], 1, Recurrence.MaxOccurrences]);
        }
        if (!ModelState.IsValid)
        {
            return null;
        }
        return new BookSeries.Request
        {
            ResourceId = Input.ResourceId,
            Start = $"{Input.Date}T{Input.From}",
            End = $"{Input.Date}T{Input.To}",
            Title = string.IsNullOrWhiteSpace(Input.Title) ? null : Input.Title.Trim(),
            Frequency = Input.Frequency,
            Interval = Input.Interval ?? 1,
            Until = until,
            Count = Input.Count,
            Mode = Input.Mode,
            Attendees = Bookings.Attendees.Parse(Input.Attendees),
        };
    }

    private void AddError(Error error)
    {
        if (error is Invalid { Field: var f } && f.StartsWith("attendees", StringComparison.Ordinal))
        {
            PageBooking.AddTo(error, ModelState, l, "Input.", Input.Attendees); // names the typed address at fault
            return;
        }
        var (field, reason) = error switch
        {
            Invalid i => (i.Field, i.Reason),
            Conflict c => (c.Field, c.Reason),
            NotFound nf => ("", l["{0} was not found.", l[nf.What]].Value),
            _ => ("", error.Message),
        };
        var key = field switch
        {
            "start" when error is not Conflict => "Input.From",
            "end" => "Input.To",
            "count" => "Input.Count",
            "resourceId" => "Input.ResourceId",
            _ => "",
        };
        ModelState.AddModelError(key, l[reason]);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var choices = await db.Resources.AsNoTracking().Where(r => r.IsActive)
            .Join(db.Locations.Where(x => x.IsActive), r => r.LocationId, x => x.Id, (r, x) => new { r.Id, r.Name, Location = x.Name })
            .OrderBy(c => c.Location).ThenBy(c => c.Name).Take(2000).ToListAsync(ct);
        Resources = [.. choices.Select(c => new Choice(c.Id, c.Name, c.Location))];
    }
}

using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Errors;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using Cotravail.Modules.Members;

namespace Cotravail.Modules.Bookings;

/// A slot as the booking pages type it: a local date and two local times.
internal sealed record SlotInput
{
    public Guid? ResourceId { get; init; }

    public string? Date { get; init; }

    public string? From { get; init; }

    public string? To { get; init; }

    public string? Title { get; init; }

    /// Email addresses of people to invite, one per line or separated by commas.
    public string? Attendees { get; init; }
    /// Staff and company admins book on behalf of a member; empty = for oneself.
    public Guid? MemberId { get; init; }
}

/// A member someone may book for, as the "for member" select shows them.
internal sealed record MemberChoice(Guid Id, string Name);

/// Books from a page through the same handler as POST /api/v1/bookings, and puts its errors by the typed fields.
internal static partial class PageBooking
{
    [System.Text.RegularExpressions.GeneratedRegex(@"^attendees\[(\d+)\]")]
    private static partial System.Text.RegularExpressions.Regex AttendeeIndex();

    public static Task<Result<BookingResponse>> BookAsync(SlotInput input, BookResource book, AccessScope scope, CancellationToken ct) =>
        book.HandleAsync(
            new BookResource.Request
            {
                ResourceId = input.ResourceId,
                Start = $"{input.Date}T{input.From}",
                End = $"{input.Date}T{input.To}",
                Title = string.IsNullOrWhiteSpace(input.Title) ? null : input.Title,
                Attendees = Bookings.Attendees.Parse(input.Attendees),
                MemberId = input.MemberId,
            },
            scope, ct);

    /// Joins the waitlist of a taken slot through the same handler as POST /api/v1/bookings/waitlist.
    public static Task<Result<Waitlist.EntryResponse>> JoinWaitlistAsync(SlotInput input, Waitlist waitlist, AccessScope scope, CancellationToken ct) =>
        waitlist.JoinAsync(
            new BookResource.Request
            {
                ResourceId = input.ResourceId,
                Start = $"{input.Date}T{input.From}",
                End = $"{input.Date}T{input.To}",
                Title = string.IsNullOrWhiteSpace(input.Title) ? null : input.Title,
            },
            scope, ct);

    /// Whom the caller may book for besides themselves: staff, any active member of the network (for
    /// their own locations, see MayBookFor); a company admin, their company's members. Empty for others.
    public static async Task<IReadOnlyList<MemberChoice>> OnBehalfChoicesAsync(AppDb db, AccessScope scope, CancellationToken ct)
    {
        if (!scope.IsStaff && scope.CompanyAdminOf is null)
        {
            return [];
        }
        var members = db.Members.AsNoTracking().Where(m => m.IsActive && m.Id != scope.MemberId);
        if (!scope.IsStaff)
        {
            members = members.Where(m => m.CompanyId == scope.CompanyAdminOf);
        }
        return await members.OrderBy(m => m.LastName).ThenBy(m => m.FirstName).Take(300)
            .Select(m => new MemberChoice(m.Id, m.FirstName + " " + m.LastName)).ToListAsync(ct);
    }

    /// The same rule as BookResource: staff of the location, or a company admin (for their company's members).
    public static bool MayBookFor(AccessScope scope, Guid locationId) => scope.CanSee(locationId) || scope.CompanyAdminOf is not null;

    /// start → From, end → To; anything else above the form. Prefix: "Input." or "" for top-level properties.
    public static void AddTo(Error error, ModelStateDictionary modelState, IStringLocalizer l, string prefix, string? attendeesTyped = null)
    {
        var attendees = attendeesTyped is null ? null : Bookings.Attendees.Parse(attendeesTyped);
        var (field, reason) = error switch
        {
            Invalid i => (i.Field, i.Reason),
            Conflict c => (c.Field, c.Reason),
            NotFound nf => ("", l["{0} was not found.", l[nf.What]].Value),
            _ => ("", error.Message),
        };
        var key = field switch
        {
            "start" => prefix + "From",
            "end" => prefix + "To",
            _ when field.StartsWith("attendees", StringComparison.Ordinal) => prefix + "Attendees",
            _ => "",
        };
        var message = l[reason].Value;
        if (attendees is not null && AttendeeIndex().Match(field) is { Success: true } m
            && int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) is var index && index < attendees.Count)
        {
            message = $"{attendees[index].Email}: {message}"; // which of the typed addresses
        }
        modelState.AddModelError(key, message);
    }

    public static string StatusText(BookingStatus status) => status switch
    {
        BookingStatus.Pending => "Waiting for approval",
        BookingStatus.Confirmed => "Booked",
        BookingStatus.Cancelled => "Cancelled",
        BookingStatus.Declined => "Declined",
        BookingStatus.Expired => "Expired",
        _ => "Released",
    };
}

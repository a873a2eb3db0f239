using Cotravail.Common.Auth;
using Cotravail.Common.Errors;

namespace Cotravail.Modules.Bookings;

/// Approving or declining a request (managers of the location).
internal static class ApprovalEndpoints
{
    public static RouteGroupBuilder MapApproval(this RouteGroupBuilder bookings)
    {
        bookings.MapPost("/{id:guid}/approve", async (Guid id, DecideBooking decide, Access access, HttpContext http, CancellationToken ct) =>
                (await decide.HandleAsync(id, true, await access.GetAsync(ct), ct)).ToHttp(http))
            .Produces<BookingResponse>().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409)
            .WithSummary("Approve a pending request (managers of the location).")
            .RequireAuthorization(Policies.Manager);
        bookings.MapPost("/{id:guid}/decline", async (Guid id, DecideBooking decide, Access access, HttpContext http, CancellationToken ct) =>
                (await decide.HandleAsync(id, false, await access.GetAsync(ct), ct)).ToHttp(http))
            .Produces<BookingResponse>().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409)
            .WithSummary("Decline a pending request (managers of the location).")
            .RequireAuthorization(Policies.Manager);
        return bookings;
    }
}

using Cotravail.Common.Auth;
using Cotravail.Common.Errors;

namespace Cotravail.Modules.Bookings;

/// Inviting and removing a booking's attendees.
internal static class AttendeeEndpoints
{
    public static RouteGroupBuilder MapAttendees(this RouteGroupBuilder bookings)
    {
        bookings.MapPost("/{id:guid}/attendees", async (Guid id, AttendeeInput input, Attendees attendees, Access access, HttpContext http, CancellationToken ct) =>
                (await attendees.AddAsync(id, input, await access.GetAsync(ct), ct)).ToHttp(http, a => TypedResults.Created($"/api/v1/bookings/{id}/attendees/{a.Id}", a)))
            .Produces<AttendeeResponse>(201).ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409)
            .WithSummary("Invite a member { memberId } or a guest { email, name } to a booking (its member or booker, their company admin, or the location's staff); they are emailed an .ics.");
        bookings.MapDelete("/{id:guid}/attendees/{attendeeId:guid}", async (Guid id, Guid attendeeId, Attendees attendees, Access access, HttpContext http, CancellationToken ct) =>
                (await attendees.RemoveAsync(id, attendeeId, await access.GetAsync(ct), ct)).ToHttp(http, _ => TypedResults.NoContent()))
            .ProducesProblem(404).ProducesProblem(409)
            .WithSummary("Remove an attendee from a booking; they are emailed a cancellation.");
        return bookings;
    }
}

using Cotravail.Common.Auth;
using Cotravail.Common.Errors;

namespace Cotravail.Modules.Bookings;

/// Waiting for a taken slot: join (POST /bookings/waitlist), one's entries (GET /me/waitlist), accept, decline or leave.
internal static class WaitlistEndpoints
{
    public static RouteGroupBuilder MapWaitlist(this RouteGroupBuilder api, RouteGroupBuilder bookings)
    {
        bookings.MapPost("/waitlist", async (BookResource.Request request, Waitlist waitlist, Access access, HttpContext http, CancellationToken ct) =>
                (await waitlist.JoinAsync(request, await access.GetAsync(ct), ct)).ToHttp(http, e => TypedResults.Created($"/api/v1/waitlist/{e.Id}", e)))
            .Validate<BookResource.Request>().Produces<Waitlist.EntryResponse>(201).ProducesProblem(409)
            .WithSummary("Wait for a taken slot: when it frees up, the first in line is booked into it and told.");
        api.MapGet("/me/waitlist", async (Waitlist waitlist, Access access, CancellationToken ct) =>
                TypedResults.Ok(await waitlist.ListMineAsync(await access.GetAsync(ct), ct)))
            .WithTags("Bookings").WithSummary("One's waitlist entries and open offers (Offered, with offerExpiresAt), soonest first.");
        var waitlists = api.MapGroup("/waitlist").WithTags("Bookings");
        waitlists.MapPost("/{id:guid}/accept", async (Guid id, Waitlist waitlist, Access access, HttpContext http, CancellationToken ct) =>
                (await waitlist.AcceptAsync(id, await access.GetAsync(ct), ct)).ToHttp(http))
            .Produces<Waitlist.EntryResponse>().ProducesProblem(404).ProducesProblem(409)
            .WithSummary("Accept an open waitlist offer before it expires: the held slot is booked for you (409 once it is closed).");
        waitlists.MapPost("/{id:guid}/decline", async (Guid id, Waitlist waitlist, Access access, HttpContext http, CancellationToken ct) =>
                (await waitlist.DeclineAsync(id, await access.GetAsync(ct), ct)).ToHttp(http))
            .Produces<Waitlist.EntryResponse>().ProducesProblem(404).ProducesProblem(409)
            .WithSummary("Decline an open waitlist offer: the slot is offered to the next in line.");
        waitlists.MapDelete("/{id:guid}", async (Guid id, Waitlist waitlist, Access access, HttpContext http, CancellationToken ct) =>
                (await waitlist.LeaveAsync(id, await access.GetAsync(ct), ct)).ToHttp(http, _ => TypedResults.NoContent()))
            .ProducesProblem(404).WithSummary("Leave a waitlist (declining its open offer, if any).");
        return api;
    }
}

using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Errors;
using Cotravail.Common.Idempotency;
using Cotravail.Modules.Assignments;
using Cotravail.Modules.Locations;
using Cotravail.Modules.Privacy.Erasure;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Cotravail.Modules.Bookings;

internal static class BookingsModule
{
    public static IServiceCollection AddBookings(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<IErasureStep, BookingErasure>();
        services.AddSingleton<IInterceptor, BookingRulesInvalidator>();
        services.AddSingleton<IBookingsInTheWay, BookingsInTheWay>();
        services.AddSingleton<ITimeZoneChange, LocationZoneChange>();
        services.AddScoped<BookingNotice>();
        services.AddScoped<DecideBooking>();
        services.AddScoped<BookingSweeper>();
        services.AddScoped<CalendarFeeds>();
        services.AddScoped<BookSeries>();
        services.AddScoped<Waitlist>();
        services.AddScoped<Attendees>();
        services.AddScoped<ChangeFollowing>();
        services.Configure<BookingSweeperOptions>(configuration.GetSection("Cotravail:Bookings"));
        services.AddHostedService<BookingSweeperWorker>();
        return services;
    }

    public static RouteGroupBuilder MapBookings(this RouteGroupBuilder api)
    {
        api.MapGet("/availability", async ([AsParameters] SearchAvailability.Query query, AppDb db, Access access, TimeProvider clock, HttpContext http, CancellationToken ct) =>
                (await SearchAvailability.HandleAsync(query, db, await access.GetAsync(ct), clock, ct)).ToHttp(http))
            .WithTags("Bookings").Produces<SearchAvailability.Response>().ProducesValidationProblem()
            .WithSummary("Free resources for a slot; start and end are local times in each location's own time zone. Without locationId, the whole network. Filters: kind, capacity (people), amenities and accessibility (comma-separated, all required), maxPrice for the slot; explain=true also lists the unavailable ones with their reason. Sorted by location then resource name, a page at a time (page from 1, pageSize 25 by default, at most 100) with availableCount and unavailableCount.");
        var group = api.MapGroup("/bookings").WithTags("Bookings");
        group.MapGet("/", async ([AsParameters] BookingQueries.Query query, AppDb db, Access access, TimeProvider clock, CancellationToken ct) =>
                TypedResults.Ok(await BookingQueries.ListAsync(query, db, await access.GetAsync(ct), clock, ct)))
            .WithSummary("List bookings one may see, soonest first (locationId, resourceId, from, to in UTC, page, pageSize).");
        group.MapGet("/{id:guid}", async (Guid id, AppDb db, Access access, HttpContext http, CancellationToken ct) =>
                (await BookingQueries.GetAsync(id, db, await access.GetAsync(ct), ct)).ToHttp(http))
            .Produces<BookingResponse>().ProducesProblem(404).WithSummary("Get a booking.");
        group.MapPost("/", async (BookResource.Request request, AppDb db, Access access, TimeProvider clock, BookingNotice notice, HttpContext http, CancellationToken ct) =>
                (await BookResource.HandleAsync(request, db, await access.GetAsync(ct), clock, ct, notice))
                    .ToHttp(http, created => TypedResults.Created($"/api/v1/bookings/{created.Id}", created)))
            .Validate<BookResource.Request>().WithIdempotency<BookResource.Request>().Produces<BookingResponse>(201).ProducesProblem(404).ProducesProblem(409)
            .WithSummary("Book a resource; start and end are local times of the resource's location (409 when the slot is taken). Attendees: members { memberId } and guests { email, name }, at most 50, invited by email with an .ics.");
        group.MapPatch("/{id:guid}", async (Guid id, ChangeBooking.Request request, AppDb db, Access access, TimeProvider clock, Waitlist waitlist, BookingNotice notice, HttpContext http, CancellationToken ct) =>
                (await ChangeBooking.HandleAsync(id, request, db, await access.GetAsync(ct), clock, notice, waitlist, ct)).ToHttp(http))
            .Validate<ChangeBooking.Request>().Produces<BookingResponse>().ProducesProblem(404).ProducesProblem(409)
            .WithSummary("Change a booking's start, end (local times), resource or title with the rules of a new booking (409 when the new slot is taken).");
        group.MapPatch("/{id:guid}/following", async (Guid id, ChangeFollowing.Request request, ChangeFollowing change, Access access, HttpContext http, CancellationToken ct) =>
                (await change.HandleAsync(id, request, await access.GetAsync(ct), ct)).ToHttpListing(http))
            .Validate<ChangeFollowing.Request>().Produces<ChangeFollowing.Response>().ProducesProblem(404).ProducesProblem(409)
            .WithSummary("Change this occurrence of a series and the later ones (startTime, endTime, resourceId): mode AllOrNothing (409 listing the dates that cannot move) or AvailableOnly.");
        group.MapPost("/{id:guid}/cancel", async (Guid id, AppDb db, Access access, TimeProvider clock, Waitlist waitlist, BookingNotice notice, HttpContext http, CancellationToken ct) =>
                (await CancelBooking.HandleAsync(id, db, await access.GetAsync(ct), clock, ct, waitlist, notice)).ToHttp(http))
            .Produces<BookingResponse>().ProducesProblem(404).ProducesProblem(409).WithSummary("Cancel a booking.");
        group.MapPost("/waitlist", async (BookResource.Request request, Waitlist waitlist, Access access, HttpContext http, CancellationToken ct) =>
                (await waitlist.JoinAsync(request, await access.GetAsync(ct), ct)).ToHttp(http, e => TypedResults.Created($"/api/v1/waitlist/{e.Id}", e)))
            .Validate<BookResource.Request>().ProducesProblem(409)
            .WithSummary("Wait for a taken slot: when it frees up, the first in line is booked into it and told.");
        group.MapPost("/series/preview", async (BookSeries.Request request, BookSeries series, Access access, HttpContext http, CancellationToken ct) =>
                (await series.PreviewAsync(request, await access.GetAsync(ct), ct)).ToHttp(http))
            .Validate<BookSeries.Request>().ProducesProblem(404)
            .WithSummary("Which occurrences of a recurring booking are free, and why the others are not (books nothing).");
        group.MapPost("/series", async (BookSeries.Request request, BookSeries series, Access access, HttpContext http, CancellationToken ct) =>
                (await series.BookAsync(request, await access.GetAsync(ct), ct)).ToHttp(http))
            .Validate<BookSeries.Request>().WithIdempotency<BookSeries.Request>().ProducesProblem(404).ProducesProblem(409)
            .WithSummary("Book a recurring series: mode AvailableOnly takes the free occurrences, AllOrNothing all of them or none.");
        group.MapPost("/{id:guid}/cancel-following", async (Guid id, AppDb db, Access access, TimeProvider clock, BookingNotice notice, HttpContext http, CancellationToken ct) =>
                (await CancelFollowing.HandleAsync(id, db, await access.GetAsync(ct), clock, ct, notice)).ToHttp(http))
            .ProducesProblem(404).ProducesProblem(409).WithSummary("Cancel this occurrence of a series and every later one.");
        group.MapPost("/{id:guid}/attendees", async (Guid id, AttendeeInput input, Attendees attendees, Access access, HttpContext http, CancellationToken ct) =>
                (await attendees.AddAsync(id, input, await access.GetAsync(ct), ct)).ToHttp(http, a => TypedResults.Created($"/api/v1/bookings/{id}/attendees/{a.Id}", a)))
            .Produces<AttendeeResponse>(201).ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409)
            .WithSummary("Invite a member { memberId } or a guest { email, name } to a booking (its member or booker, their company admin, or the location's staff); they are emailed an .ics.");
        group.MapDelete("/{id:guid}/attendees/{attendeeId:guid}", async (Guid id, Guid attendeeId, Attendees attendees, Access access, HttpContext http, CancellationToken ct) =>
                (await attendees.RemoveAsync(id, attendeeId, await access.GetAsync(ct), ct)).ToHttp(http, _ => TypedResults.NoContent()))
            .ProducesProblem(404).ProducesProblem(409)
            .WithSummary("Remove an attendee from a booking; they are emailed a cancellation.");
        group.MapPost("/{id:guid}/check-in", async (Guid id, AppDb db, Access access, TimeProvider clock, HttpContext http, CancellationToken ct) =>
                (await CheckInBooking.HandleAsync(id, db, await access.GetAsync(ct), clock, ct)).ToHttp(http))
            .Produces<BookingResponse>().ProducesProblem(404).ProducesProblem(409)
            .WithSummary("Check a booking in (its member or the location's staff), from 15 minutes before its start.");
        group.MapPost("/{id:guid}/approve", async (Guid id, DecideBooking decide, Access access, HttpContext http, CancellationToken ct) =>
                (await decide.HandleAsync(id, true, await access.GetAsync(ct), ct)).ToHttp(http))
            .Produces<BookingResponse>().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409)
            .WithSummary("Approve a pending request (managers of the location).")
            .RequireAuthorization(Policies.Manager);
        group.MapPost("/{id:guid}/decline", async (Guid id, DecideBooking decide, Access access, HttpContext http, CancellationToken ct) =>
                (await decide.HandleAsync(id, false, await access.GetAsync(ct), ct)).ToHttp(http))
            .Produces<BookingResponse>().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409)
            .WithSummary("Decline a pending request (managers of the location).")
            .RequireAuthorization(Policies.Manager);
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
        api.MapPost("/me/calendar-feed", async (CalendarFeeds feeds, Access access, HttpContext http, CancellationToken ct) =>
                (await feeds.CreateForMeAsync(await access.GetAsync(ct), ct)).ToHttp(http, created => TypedResults.Created(created.Path, created)))
            .WithTags("Bookings").Produces<CalendarFeeds.CreatedFeed>(201)
            .WithSummary("A new private iCalendar address of one's bookings (the previous one stops working); shown once.");
        api.MapGet("/me/calendar-feeds", async (CalendarFeeds feeds, Access access, CancellationToken ct) =>
                TypedResults.Ok(await feeds.ListMineAsync(await access.GetAsync(ct), ct)))
            .WithTags("Bookings").WithSummary("One's active calendar addresses (without their secret).");
        api.MapDelete("/me/calendar-feeds/{id:guid}", async (Guid id, CalendarFeeds feeds, Access access, HttpContext http, CancellationToken ct) =>
                (await feeds.RevokeAsync(id, await access.GetAsync(ct), ct)).ToHttp(http, _ => TypedResults.NoContent()))
            .WithTags("Bookings").ProducesProblem(404).WithSummary("Revoke a calendar address.");
        api.MapPost("/resources/{id:guid}/calendar-feed", async (Guid id, CalendarFeeds feeds, Access access, HttpContext http, CancellationToken ct) =>
                (await feeds.CreateForResourceAsync(id, await access.GetAsync(ct), ct)).ToHttp(http, created => TypedResults.Created(created.Path, created)))
            .WithTags("Bookings").Produces<CalendarFeeds.CreatedFeed>(201).ProducesProblem(404)
            .WithSummary("A private iCalendar address of a resource's bookings (staff of its location).")
            .RequireAuthorization(Policies.Staff);
        return api;
    }

    /// The calendar files themselves: anonymous, the secret token is the address.
    public static WebApplication MapCalendarFeeds(this WebApplication app)
    {
        app.MapGet("/calendar/{token}.ics", async (string token, AppDb db, TimeProvider clock, HttpContext http, CancellationToken ct) =>
            {
                var calendar = await ReadCalendarFeed.HandleAsync(token, db, clock, ct);
                if (calendar is null)
                {
                    return Results.NotFound();
                }
                http.Response.Headers.CacheControl = "private, max-age=300";
                return Results.Text(calendar, "text/calendar; charset=utf-8");
            })
            .AllowAnonymous().ExcludeFromDescription();
        return app;
    }
}

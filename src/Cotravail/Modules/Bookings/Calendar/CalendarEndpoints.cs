using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Errors;

namespace Cotravail.Modules.Bookings;

/// Private calendar addresses: one's own or a resource's (API), and the .ics files they serve.
internal static class CalendarEndpoints
{
    public static RouteGroupBuilder MapCalendarFeedsApi(this RouteGroupBuilder api)
    {
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

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
        services.AddSingleton<RulesCache>();
        services.AddSingleton<IInterceptor, RulesCacheInvalidator>();
        services.AddSingleton<CatalogCache>();
        services.AddSingleton<BookingWriters>();
        services.AddHostedService(provider => provider.GetRequiredService<BookingWriters>());
        services.AddSingleton<SeatWriter>();
        services.AddSingleton<IBookingsInTheWay, BookingsInTheWay>();
        services.AddSingleton<ITimeZoneChange, LocationZoneChange>();
        services.AddScoped<BookingNotice>();
        services.AddScoped<BookResource>();
        services.AddScoped<ChangeBooking>();
        services.AddScoped<CancelBooking>();
        services.AddScoped<CancelFollowing>();
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

    /// Every route of the module, one business process at a time (each folder maps its own).
    public static WebApplication MapBookings(this WebApplication app, RouteGroupBuilder api)
    {
        api.MapAvailability();
        var bookings = api.MapGroup("/bookings").WithTags("Bookings");
        bookings.MapBookingReads().MapBook().MapChange().MapCancel().MapSeries().MapAttendees().MapCheckIn().MapApproval();
        api.MapWaitlist(bookings).MapCalendarFeedsApi();
        app.MapCalendarFeeds();
        app.MapBookingCalendarFile();
        return app;
    }
}

using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Cotravail.Modules.Bookings;
using Cotravail.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Cotravail.Tests.Modules.Bookings;

/// The booking engine's writer loops belong to the host (BookingWriters, a hosted service): they run while
/// it runs, and when it stops they write what waits, close their connections and end.
public abstract class BookingWritersLifetimeTests
{
    private protected abstract TestApp NewApp();

    [Fact]
    public async Task The_writer_loops_end_when_the_host_stops_and_later_writes_are_refused()
    {
        var app = NewApp();
        BookingWriters writers;
        try
        {
            await ((IAsyncLifetime)app).InitializeAsync();
            var world = await BookingWorld.CreateAsync(app);
            var member = await world.MemberClientAsync();
            var paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
            var start = TimeZoneInfo.ConvertTimeFromUtc(app.Clock.GetUtcNow().UtcDateTime, paris).Date.AddDays(3).AddHours(9);
            string Local(DateTime t) => t.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

            // Bookings made one at a time go through a group writer: its loops start.
            using var booked = await member.PostAsJsonAsync("/api/v1/bookings", new { resourceId = world.Room, start = Local(start), end = Local(start.AddHours(1)) });
            booked.StatusCode.ShouldBe(HttpStatusCode.Created, await booked.Content.ReadAsStringAsync());
            writers = app.Services.GetRequiredService<BookingWriters>();
            var running = writers.State;
            running.Writers.ShouldBe(1, "one writer for the app's database");
            running.AllStopped.ShouldBeFalse("its loops run while the host runs");
        }
        finally
        {
            await app.DisposeAsync(); // stops the host
        }

        writers.State.AllStopped.ShouldBeTrue("the host stopped them");
        await Should.ThrowAsync<InvalidOperationException>(() => writers.WriteAsync("Data Source=:memory:", Array.Empty<Microsoft.Data.Sqlite.SqliteCommand>(), CancellationToken.None));
    }
}

[Collection("booking writers lifetime sqlite")]
public sealed class BookingWritersLifetimeTests_Sqlite : BookingWritersLifetimeTests
{
    private protected override TestApp NewApp() => new SqliteTestApp();
}

[Collection("booking writers lifetime postgres")]
public sealed class BookingWritersLifetimeTests_Postgres : BookingWritersLifetimeTests
{
    private protected override TestApp NewApp() => new PostgresTestApp();
}

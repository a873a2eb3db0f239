using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cotravail.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Cotravail.Modules.Bookings;

namespace Cotravail.Tests.Modules.Bookings;

/// Recurring series: preview the conflicts, book the free occurrences or none, cancel from one onwards.
public abstract class SeriesTests(TestApp app)
{
    private DateTime Day(int ahead) =>
        TimeZoneInfo.ConvertTimeFromUtc(app.Clock.GetUtcNow().UtcDateTime, TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris")).Date.AddDays(ahead);

    private static string Local(DateTime t) => t.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    private object Weekly(BookingWorld world, DateTime first, int count, string mode = "AvailableOnly") => new
    {
        resourceId = world.Room, start = Local(first), end = Local(first.AddHours(1)), frequency = "Weekly", count, mode, title = "Point hebdo",
    };

    [Fact]
    public async Task The_preview_names_the_taken_occurrence_and_booking_takes_the_others()
    {
        var world = await BookingWorld.CreateAsync(app);
        var member = await world.NewMemberAsync();
        var other = await world.MemberClientAsync();
        var first = Day(2).AddHours(9);
        (await world.BookAsync(other, world.Room, first.AddDays(7), first.AddDays(7).AddHours(1))).StatusCode.ShouldBe(HttpStatusCode.Created);

        var preview = await (await member.Client.PostAsJsonAsync("/api/v1/bookings/series/preview", Weekly(world, first, 4))).Content.ReadFromJsonAsync<JsonElement>();
        preview.EnumerateArray().Select(o => o.GetProperty("available").GetBoolean()).ShouldBe([true, false, true, true]);
        preview[1].GetProperty("reason").GetString().ShouldNotBeNullOrEmpty();
        (await app.WithDbAsync(db => db.Bookings.CountAsync(b => b.MemberId == member.MemberId))).ShouldBe(0, "a preview books nothing");

        using var booked = await member.Client.PostAsJsonAsync("/api/v1/bookings/series", Weekly(world, first, 4));
        var series = await booked.Content.ReadFromJsonAsync<JsonElement>();
        booked.StatusCode.ShouldBe(HttpStatusCode.OK, series.ToString());
        series.GetProperty("booked").GetArrayLength().ShouldBe(3);
        series.GetProperty("skipped").GetArrayLength().ShouldBe(1);
        series.GetProperty("booked").EnumerateArray().Select(b => b.GetProperty("localStart").GetDateTime().Hour).ShouldAllBe(h => h == 9);
    }

    [Fact]
    public async Task All_or_nothing_books_nothing_when_one_occurrence_is_taken()
    {
        var world = await BookingWorld.CreateAsync(app);
        var member = await world.NewMemberAsync();
        var other = await world.MemberClientAsync();
        var first = Day(2).AddHours(15);
        (await world.BookAsync(other, world.Room, first.AddDays(14), first.AddDays(14).AddHours(1))).StatusCode.ShouldBe(HttpStatusCode.Created);

        using var refused = await member.Client.PostAsJsonAsync("/api/v1/bookings/series", Weekly(world, first, 3, "AllOrNothing"));

        refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await app.WithDbAsync(db => db.Bookings.CountAsync(b => b.MemberId == member.MemberId))).ShouldBe(0);
        using var booked = await member.Client.PostAsJsonAsync("/api/v1/bookings/series", Weekly(world, first, 2, "AllOrNothing"));
        booked.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await app.WithDbAsync(db => db.Bookings.CountAsync(b => b.MemberId == member.MemberId))).ShouldBe(2);
    }

    [Fact]
    public async Task Cancelling_from_an_occurrence_onwards_keeps_the_earlier_ones()
    {
        var world = await BookingWorld.CreateAsync(app);
        var member = await world.NewMemberAsync();
        using var booked = await member.Client.PostAsJsonAsync("/api/v1/bookings/series", Weekly(world, Day(3).AddHours(11), 4));
        var ids = (await booked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("booked").EnumerateArray().Select(b => b.GetProperty("id").GetGuid()).ToList();

        using var cancelled = await member.Client.PostAsync($"/api/v1/bookings/{ids[2]}/cancel-following", null);

        (await cancelled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("cancelled").GetInt32().ShouldBe(2);
        var statuses = await app.WithDbAsync(db => db.Bookings.Where(b => ids.Contains(b.Id)).OrderBy(b => b.Start).Select(b => b.Status.ToString()).ToListAsync());
        statuses.ShouldBe(["Confirmed", "Confirmed", "Cancelled", "Cancelled"]);
    }

    [Fact]
    public async Task A_series_without_an_end_or_with_a_bad_frequency_is_refused_by_field()
    {
        var world = await BookingWorld.CreateAsync(app);
        var member = await world.NewMemberAsync();
        var start = Local(Day(2).AddHours(10));

        using var endless = await member.Client.PostAsJsonAsync("/api/v1/bookings/series", new { resourceId = world.Room, start, end = Local(Day(2).AddHours(11)), frequency = "Weekly" });
        using var odd = await member.Client.PostAsJsonAsync("/api/v1/bookings/series", new { resourceId = world.Room, start, end = Local(Day(2).AddHours(11)), frequency = "Hourly", count = 2 });

        endless.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await endless.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("count", out _).ShouldBeTrue();
        odd.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SeriesTests_Sqlite(SqliteTestApp app) : SeriesTests(app);

[Collection(PostgresCollection.Name)]
public sealed class SeriesTests_Postgres(PostgresTestApp app) : SeriesTests(app);

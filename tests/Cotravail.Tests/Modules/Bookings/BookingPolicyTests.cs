using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cotravail.Modules.Resources;
using Cotravail.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Cotravail.Modules.Bookings;

namespace Cotravail.Tests.Modules.Bookings;

/// Per-resource policies: free cancellation limit and late fee, weekly hours and bookings per member.
public abstract class BookingPolicyTests(TestApp app)
{
    private DateTime Day(int ahead) =>
        TimeZoneInfo.ConvertTimeFromUtc(app.Clock.GetUtcNow().UtcDateTime, TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris")).Date.AddDays(ahead);

    private static async Task<Guid> IdAsync(HttpResponseMessage response)
    {
        using (response)
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Created);
            return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        }
    }

    [Fact]
    public async Task Cancelling_early_is_free_and_late_costs_the_policy_share_of_the_price()
    {
        var world = await BookingWorld.CreateAsync(app, policy: BookingPolicy.Default with { FreeCancellationHours = 24 * 7, LateCancellationPercent = 50 });
        var member = await world.NewMemberAsync();
        var late = await IdAsync(await world.BookAsync(member.Client, world.Room, Day(3).AddHours(10), Day(3).AddHours(12))); // 2 h at 25.00
        var early = await IdAsync(await world.BookAsync(member.Client, world.Room, Day(10).AddHours(10), Day(10).AddHours(12)));

        var lateFee = (await (await member.Client.PostAsync($"/api/v1/bookings/{late}/cancel", null)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("cancellationFee").GetDecimal();
        var earlyFee = (await (await member.Client.PostAsync($"/api/v1/bookings/{early}/cancel", null)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("cancellationFee").GetDecimal();

        lateFee.ShouldBe(25m);
        earlyFee.ShouldBe(0m);
    }

    [Fact]
    public async Task A_member_cannot_book_more_hours_in_a_week_than_the_policy_allows()
    {
        var world = await BookingWorld.CreateAsync(app, policy: BookingPolicy.Default with { MaxHoursPerWeek = 2 });
        var member = await world.NewMemberAsync();
        var monday = Day(2);
        while (monday.DayOfWeek != DayOfWeek.Monday)
        {
            monday = monday.AddDays(1);
        }

        await IdAsync(await world.BookAsync(member.Client, world.Room, monday.AddHours(9), monday.AddHours(11)));
        using var over = await world.BookAsync(member.Client, world.Room, monday.AddDays(2).AddHours(9), monday.AddDays(2).AddHours(10));
        over.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await over.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("end", out _).ShouldBeTrue();
        await IdAsync(await world.BookAsync(member.Client, world.Room, monday.AddDays(7).AddHours(9), monday.AddDays(7).AddHours(10)));
        await IdAsync(await world.BookAsync(await world.MemberClientAsync(), world.Room, monday.AddDays(2).AddHours(9), monday.AddDays(2).AddHours(10)));
    }

    [Fact]
    public async Task A_member_cannot_make_more_bookings_in_a_week_than_the_policy_allows()
    {
        var world = await BookingWorld.CreateAsync(app, policy: BookingPolicy.Default with { MaxBookingsPerWeek = 2 });
        var member = await world.NewMemberAsync();
        var monday = NextMonday();

        await IdAsync(await world.BookAsync(member.Client, world.Room, monday.AddHours(9), monday.AddHours(9.5)));
        await IdAsync(await world.BookAsync(member.Client, world.Room, monday.AddDays(6).AddHours(20), monday.AddDays(6).AddHours(20.5))); // Sunday
        using var over = await SendInEnglishAsync(member.Client, HttpMethod.Post, "/api/v1/bookings",
            new { resourceId = world.Room, start = Local(monday.AddDays(2).AddHours(9)), end = Local(monday.AddDays(2).AddHours(9.5)) });

        over.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await over.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        errors.GetProperty("start")[0].GetString().ShouldBe("You have reached this resource's weekly limit of bookings (Monday to Sunday).");
        await IdAsync(await world.BookAsync(member.Client, world.Room, monday.AddDays(7).AddHours(9), monday.AddDays(7).AddHours(9.5)));
        await IdAsync(await world.BookAsync(await world.MemberClientAsync(), world.Room, monday.AddDays(2).AddHours(9), monday.AddDays(2).AddHours(9.5)));
    }

    [Fact]
    public async Task Bookings_racing_past_the_weekly_limit_are_never_all_written()
    {
        var world = await BookingWorld.CreateAsync(app, policy: BookingPolicy.Default with { MaxBookingsPerWeek = 2 });
        var member = await world.NewMemberAsync();
        var monday = NextMonday();

        // eight different slots of one week, sent at once by the same member
        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            world.BookAsync(member.Client, world.Room, monday.AddDays(i % 5).AddHours(8 + i), monday.AddDays(i % 5).AddHours(8.5 + i))));

        answers.Count(a => a.StatusCode == HttpStatusCode.Created).ShouldBe(2, string.Join(", ", answers.Select(a => (int)a.StatusCode)));
        answers.Count(a => a.StatusCode == HttpStatusCode.BadRequest).ShouldBe(6);
        (await app.WithDbAsync(db => db.Bookings.CountAsync(b => b.ResourceId == world.Room && b.MemberId == member.MemberId))).ShouldBe(2);
    }

    [Fact]
    public async Task Changes_racing_into_a_week_at_its_limit_are_never_all_written()
    {
        var world = await BookingWorld.CreateAsync(app, policy: BookingPolicy.Default with { MaxBookingsPerWeek = 2 });
        var member = await world.NewMemberAsync();
        var monday = NextMonday();
        await IdAsync(await world.BookAsync(member.Client, world.Room, monday.AddHours(9), monday.AddHours(10)));
        var later = new List<Guid>();
        foreach (var week in new[] { 1, 1, 2 })
        {
            var day = monday.AddDays((7 * week) + later.Count);
            later.Add(await IdAsync(await world.BookAsync(member.Client, world.Room, day.AddHours(9), day.AddHours(10))));
        }

        // three of them moved into the first week at once: it has room for one more
        var answers = await Task.WhenAll(later.Select((id, i) => member.Client.PatchAsJsonAsync($"/api/v1/bookings/{id}",
            new { start = Local(monday.AddDays(1 + i).AddHours(14)), end = Local(monday.AddDays(1 + i).AddHours(15)) })));

        answers.Count(a => a.StatusCode == HttpStatusCode.OK).ShouldBe(1, string.Join(", ", answers.Select(a => (int)a.StatusCode)));
        answers.Count(a => a.StatusCode == HttpStatusCode.BadRequest).ShouldBe(2);
        var starts = await app.WithDbAsync(db => db.Bookings.Where(b => later.Contains(b.Id)).Select(b => b.Start).ToListAsync());
        starts.Count(start => start < monday.AddDays(7)).ShouldBe(1); // moved into the first week: one, the others where they were
    }

    [Fact]
    public async Task A_change_counts_against_the_weekly_number_of_bookings_except_itself()
    {
        var world = await BookingWorld.CreateAsync(app, policy: BookingPolicy.Default with { MaxBookingsPerWeek = 2 });
        var member = await world.NewMemberAsync();
        var monday = NextMonday();
        await IdAsync(await world.BookAsync(member.Client, world.Room, monday.AddHours(9), monday.AddHours(10)));
        var second = await IdAsync(await world.BookAsync(member.Client, world.Room, monday.AddDays(1).AddHours(9), monday.AddDays(1).AddHours(10)));
        var nextWeek = await IdAsync(await world.BookAsync(member.Client, world.Room, monday.AddDays(7).AddHours(9), monday.AddDays(7).AddHours(10)));
        var startOf = (Guid id) => app.WithDbAsync(db => db.Bookings.Where(b => b.Id == id).Select(b => b.Start).SingleAsync());
        var nextWeekStart = await startOf(nextWeek);

        using var withinTheWeek = await member.Client.PatchAsJsonAsync($"/api/v1/bookings/{second}",
            new { start = Local(monday.AddDays(3).AddHours(14)), end = Local(monday.AddDays(3).AddHours(15)) });
        using var intoTheFullWeek = await member.Client.PatchAsJsonAsync($"/api/v1/bookings/{nextWeek}",
            new { start = Local(monday.AddDays(4).AddHours(9)), end = Local(monday.AddDays(4).AddHours(10)) });

        withinTheWeek.StatusCode.ShouldBe(HttpStatusCode.OK, await withinTheWeek.Content.ReadAsStringAsync());
        intoTheFullWeek.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await intoTheFullWeek.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("start", out _).ShouldBeTrue();
        (await startOf(nextWeek)).ShouldBe(nextWeekStart);
    }

    [Fact]
    public async Task A_series_counts_its_own_occurrences_against_the_weekly_limits()
    {
        var world = await BookingWorld.CreateAsync(app, policy: BookingPolicy.Default with { MaxBookingsPerWeek = 2, MaxHoursPerWeek = 3 });
        var member = await world.NewMemberAsync();
        var monday = NextMonday();
        object Daily(int hours) => new
        {
            resourceId = world.Room, start = Local(monday.AddHours(9)), end = Local(monday.AddHours(9 + hours)), frequency = "Daily", count = 5, mode = "AvailableOnly",
        };

        using var previewed = await SendInEnglishAsync(member.Client, HttpMethod.Post, "/api/v1/bookings/series/preview", Daily(1));
        var preview = await previewed.Content.ReadFromJsonAsync<JsonElement>();
        previewed.StatusCode.ShouldBe(HttpStatusCode.OK, preview.ToString());
        preview.EnumerateArray().Select(o => o.GetProperty("available").GetBoolean()).ShouldBe([true, true, false, false, false]);
        preview[2].GetProperty("reason").GetString().ShouldBe("You have reached this resource's weekly limit of bookings (Monday to Sunday).");

        using var booked = await member.Client.PostAsJsonAsync("/api/v1/bookings/series", Daily(1));
        (await booked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("booked").GetArrayLength().ShouldBe(2);
        (await app.WithDbAsync(db => db.Bookings.CountAsync(b => b.MemberId == member.MemberId && b.Status == Cotravail.Modules.Bookings.BookingStatus.Confirmed))).ShouldBe(2);

        // hours: a second member's daily 2-hour series fits once in 3 hours a week
        var other = await world.NewMemberAsync();
        using var hours = await other.Client.PostAsJsonAsync("/api/v1/bookings/series", new
        {
            resourceId = world.Room, start = Local(monday.AddHours(14)), end = Local(monday.AddHours(16)), frequency = "Daily", count = 3, mode = "AvailableOnly",
        });
        (await hours.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("booked").GetArrayLength().ShouldBe(1);
    }

    private DateTime NextMonday()
    {
        var monday = Day(2);
        while (monday.DayOfWeek != DayOfWeek.Monday)
        {
            monday = monday.AddDays(1);
        }
        return monday;
    }

    private static string Local(DateTime local) => local.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    private static async Task<HttpResponseMessage> SendInEnglishAsync(HttpClient client, HttpMethod method, string url, object body)
    {
        using var request = new HttpRequestMessage(method, url) { Content = JsonContent.Create(body) };
        request.Headers.AcceptLanguage.ParseAdd("en");
        return await client.SendAsync(request);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class BookingPolicyTests_Sqlite(SqliteTestApp app) : BookingPolicyTests(app);

[Collection(PostgresCollection.Name)]
public sealed class BookingPolicyTests_Postgres(PostgresTestApp app) : BookingPolicyTests(app);

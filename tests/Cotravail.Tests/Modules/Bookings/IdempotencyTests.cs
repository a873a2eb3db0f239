using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cotravail.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Cotravail.Modules.Bookings;

namespace Cotravail.Tests.Modules.Bookings;

/// Idempotency-Key on POST /api/v1/bookings: a replay returns the first answer and books once.
public abstract class IdempotencyTests(TestApp app)
{
    private object Body(BookingWorld world, int hour)
    {
        var day = TimeZoneInfo.ConvertTimeFromUtc(app.Clock.GetUtcNow().UtcDateTime, TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris")).Date.AddDays(6);
        return new
        {
            resourceId = world.Room,
            start = day.AddHours(hour).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture),
            end = day.AddHours(hour + 1).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture),
        };
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, object body, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/bookings") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task A_replay_returns_the_first_answer_and_books_once()
    {
        var world = await BookingWorld.CreateAsync(app);
        var member = await world.NewMemberAsync();
        var key = Guid.NewGuid().ToString();

        using var first = await PostAsync(member.Client, Body(world, 10), key);
        using var replay = await PostAsync(member.Client, Body(world, 10), key);

        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        replay.StatusCode.ShouldBe(HttpStatusCode.Created);
        replay.Headers.Location.ShouldBe(first.Headers.Location);
        var (a, b) = (await first.Content.ReadFromJsonAsync<JsonElement>(), await replay.Content.ReadFromJsonAsync<JsonElement>());
        b.GetProperty("id").GetGuid().ShouldBe(a.GetProperty("id").GetGuid());
        (await app.WithDbAsync(db => db.Bookings.CountAsync(x => x.ResourceId == world.Room))).ShouldBe(1);
    }

    [Fact]
    public async Task Parallel_tries_with_one_key_book_once()
    {
        var world = await BookingWorld.CreateAsync(app);
        var member = await world.NewMemberAsync();
        var key = Guid.NewGuid().ToString();

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => PostAsync(member.Client, Body(world, 14), key)));

        answers.Count(a => a.StatusCode == HttpStatusCode.Created).ShouldBeGreaterThanOrEqualTo(1);
        answers.ShouldAllBe(a => a.StatusCode == HttpStatusCode.Created || a.StatusCode == HttpStatusCode.Conflict);
        (await app.WithDbAsync(db => db.Bookings.CountAsync(x => x.ResourceId == world.Room))).ShouldBe(1);
    }

    [Fact]
    public async Task The_same_key_with_another_body_is_refused_and_keys_belong_to_one_account()
    {
        var world = await BookingWorld.CreateAsync(app);
        var member = await world.NewMemberAsync();
        var other = await world.NewMemberAsync();
        var key = Guid.NewGuid().ToString();
        (await PostAsync(member.Client, Body(world, 9), key)).StatusCode.ShouldBe(HttpStatusCode.Created);

        (await PostAsync(member.Client, Body(world, 11), key)).StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await PostAsync(other.Client, Body(world, 11), key)).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_refusal_is_replayed_too_and_a_too_long_key_is_a_400()
    {
        var world = await BookingWorld.CreateAsync(app);
        var member = await world.NewMemberAsync();
        var taken = Body(world, 16);
        (await member.Client.PostAsJsonAsync("/api/v1/bookings", taken)).StatusCode.ShouldBe(HttpStatusCode.Created);
        var key = Guid.NewGuid().ToString();

        (await PostAsync(member.Client, taken, key)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        using var again = await PostAsync(member.Client, taken, key);
        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        again.Headers.GetValues("Idempotent-Replayed").ShouldBe(["true"]);
        (await PostAsync(member.Client, Body(world, 18), new string('k', 201))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class IdempotencyTests_Sqlite(SqliteTestApp app) : IdempotencyTests(app);

[Collection(PostgresCollection.Name)]
public sealed class IdempotencyTests_Postgres(PostgresTestApp app) : IdempotencyTests(app);

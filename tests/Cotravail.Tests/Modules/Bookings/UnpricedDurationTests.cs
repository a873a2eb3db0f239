using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cotravail.Modules.Bookings;
using Cotravail.Modules.Resources;
using Cotravail.Tests.Infrastructure;

namespace Cotravail.Tests.Modules.Bookings;

/// A booking its resource's rates cannot price is refused by the end field, naming the durations that are priced.
public sealed class UnpricedDurationRulesTests
{
    [Theory]
    [InlineData(null, 9000L, null, BookingMessages.PricedByHalfDay)]
    [InlineData(null, 9000L, 16000L, BookingMessages.PricedByHalfDayAndDay)]
    [InlineData(null, null, 16000L, BookingMessages.PricedByDay)]
    [InlineData(2500L, null, null, BookingMessages.PricedByHour)]
    [InlineData(2500L, 9000L, null, BookingMessages.PricedByHourAndHalfDay)]
    [InlineData(2500L, null, 16000L, BookingMessages.PricedByHourAndDay)]
    [InlineData(2500L, 9000L, 16000L, BookingMessages.PricedByAll)]
    [InlineData(null, null, null, BookingMessages.NotPriced)]
    public void The_refusal_names_the_durations_the_member_rates_price(long? hourly, long? halfDay, long? day, string expected)
    {
        BookingPrice.Refusal(new Rates(hourly, halfDay, day, null, null, null), member: true).ShouldBe(expected);
    }

    [Fact]
    public void A_non_member_is_told_when_only_members_have_a_price()
    {
        BookingPrice.Refusal(new Rates(2500, null, null, null, null, null), member: false).ShouldBe(BookingMessages.PricedForMembers);
        BookingPrice.Refusal(new Rates(null, null, null, null, 9000, null), member: false).ShouldBe(BookingMessages.PricedByHalfDay);
    }

    [Fact]
    public void Only_a_half_day_rate_alone_leaves_a_duration_unpriced()
    {
        var halfDayOnly = new RateCard(null, 9000, null);
        BookingPrice.ForOneDay(TimeSpan.FromHours(1), halfDayOnly).ShouldBe(9000);
        BookingPrice.ForOneDay(TimeSpan.FromHours(5), halfDayOnly).ShouldBeNull();
        BookingPrice.ForOneDay(TimeSpan.FromHours(1), new RateCard(null, 9000, 16000)).ShouldBe(9000);
    }
}

public abstract class UnpricedDurationTests(TestApp app)
{
    private const string French = "Cette ressource n'est tarifée qu'à la demi-journée (jusqu'à 4 h) ; choisissez une réservation de 4 heures au plus.";
    private const string English = "This resource is priced by the half-day (up to 4 h) only; choose a booking of 4 hours or less.";

    private async Task<(BookingWorld World, Guid Room)> HalfDayRoomAsync()
    {
        var world = await BookingWorld.CreateAsync(app);
        using var api = await app.ClientForAsync(world.AdminEmail);
        using var created = await api.PostAsJsonAsync("/api/v1/resources", new
        {
            locationId = world.Location, name = "Salle Demi-journée", kind = "MeetingRoom", capacity = 4, memberHalfDay = 90m,
        });
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        created.StatusCode.ShouldBe(HttpStatusCode.Created, body.ToString());
        return (world, body.GetProperty("id").GetGuid());
    }

    private DateTime Day() =>
        TimeZoneInfo.ConvertTimeFromUtc(app.Clock.GetUtcNow().UtcDateTime, TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris")).Date.AddDays(6);

    [Fact]
    public async Task The_api_refuses_a_duration_no_rate_prices_by_the_end_field_in_french_and_english()
    {
        var (world, room) = await HalfDayRoomAsync();
        var member = await world.MemberClientAsync();
        var day = Day();

        using var french = await world.BookAsync(member, room, day.AddHours(9), day.AddHours(14));
        var problem = await french.Content.ReadFromJsonAsync<JsonElement>();
        french.StatusCode.ShouldBe(HttpStatusCode.BadRequest, problem.ToString());
        problem.GetProperty("errors").GetProperty("end")[0].GetString().ShouldBe(French);

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/bookings")
        {
            Content = JsonContent.Create(new
            {
                resourceId = room, start = day.AddHours(9).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture),
                end = day.AddHours(14).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture),
            }),
        };
        request.Headers.AcceptLanguage.ParseAdd("en");
        using var english = await member.SendAsync(request);
        (await english.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("end")[0].GetString().ShouldBe(English);

        (await world.BookAsync(member, room, day.AddHours(9), day.AddHours(12))).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task The_booking_page_shows_the_same_message_by_the_end_time_with_what_was_typed()
    {
        var (world, room) = await HalfDayRoomAsync();
        var (browser, _) = await world.MemberBrowserAsync();
        var date = Day().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var timeline = $"/locations/{await world.SlugAsync()}/timeline?date={date}";

        using var refused = await TestApp.PostFormAsync(browser, timeline, new Dictionary<string, string>
        {
            ["Input.ResourceId"] = room.ToString(), ["Input.Date"] = date, ["Input.From"] = "09:00", ["Input.To"] = "14:00",
        }, $"{timeline}&resource={room}&from=09:00");

        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        var (_, doc) = await TestApp.ParseAsync(refused);
        doc.QuerySelector("#Input_To-error")!.TextContent.Trim().ShouldBe(French);
        doc.QuerySelector("#Input_From")!.GetAttribute("value").ShouldBe("09:00");
    }
}

[Collection(SqliteCollection.Name)]
public sealed class UnpricedDurationTests_Sqlite(SqliteTestApp app) : UnpricedDurationTests(app);

[Collection(PostgresCollection.Name)]
public sealed class UnpricedDurationTests_Postgres(PostgresTestApp app) : UnpricedDurationTests(app);

using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cotravail.Tests.Infrastructure;

namespace Cotravail.Tests.Modules.Bookings;

public abstract class CalendarFeedTests(TestApp app)
{
    private DateTime Day(int ahead) =>
        TimeZoneInfo.ConvertTimeFromUtc(app.Clock.GetUtcNow().UtcDateTime, TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris")).Date.AddDays(ahead);

    [Fact]
    public async Task A_members_bookings_appear_in_their_private_feed_read_by_a_real_icalendar_parser()
    {
        var world = await BookingWorld.CreateAsync(app);
        var member = await world.NewMemberAsync();
        var start = Day(3).AddHours(14);
        using var booked = await member.Client.PostAsJsonAsync("/api/v1/bookings", new
        {
            resourceId = world.Room,
            start = start.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture),
            end = start.AddHours(2).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture),
            title = "Atelier, suite; fin",
        });
        var utcStart = (await booked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("start").GetDateTime();

        var path = await NewFeedAsync(member.Client);
        using var anonymous = app.AnonymousClient();
        using var feed = await anonymous.GetAsync(path);

        feed.StatusCode.ShouldBe(HttpStatusCode.OK);
        feed.Content.Headers.ContentType!.MediaType.ShouldBe("text/calendar");
        var parsed = await ParseAsync(await feed.Content.ReadAsStringAsync());
        parsed.ShouldContain($"Atelier, suite; fin · Salle Tilleul|{utcStart:yyyy-MM-dd HH:mm:ss}+00:00|CONFIRMED");
    }

    [Fact]
    public async Task A_new_address_revokes_the_old_one_and_a_revoked_address_answers_404()
    {
        var world = await BookingWorld.CreateAsync(app);
        var member = await world.NewMemberAsync();
        var first = await NewFeedAsync(member.Client);
        var second = await NewFeedAsync(member.Client);
        using var anonymous = app.AnonymousClient();

        (await anonymous.GetAsync(first)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await anonymous.GetAsync(second)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var feeds = await member.Client.GetFromJsonAsync<JsonElement>("/api/v1/me/calendar-feeds");
        var id = feeds.EnumerateArray().Single().GetProperty("id").GetGuid();
        (await member.Client.DeleteAsync($"/api/v1/me/calendar-feeds/{id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await anonymous.GetAsync(second)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await anonymous.GetAsync("/calendar/cal_0000.ics")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Staff_get_a_resource_feed_and_members_may_not()
    {
        var world = await BookingWorld.CreateAsync(app);
        var member = await world.NewMemberAsync();
        var start = Day(4).AddHours(9);
        (await world.BookAsync(member.Client, world.Room, start, start.AddHours(1))).StatusCode.ShouldBe(HttpStatusCode.Created);
        var admin = TestApp.NewEmail("feed-admin");
        await app.CreateUserAsync(admin, networkAdmin: true);
        using var staff = await app.ClientForAsync(admin);

        (await member.Client.PostAsync($"/api/v1/resources/{world.Room}/calendar-feed", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var created = await staff.PostAsync($"/api/v1/resources/{world.Room}/calendar-feed", null);
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var path = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("path").GetString()!;
        using var anonymous = app.AnonymousClient();
        var parsed = await ParseAsync(await anonymous.GetStringAsync(path));
        parsed.Count.ShouldBe(1);
    }

    [Fact]
    public async Task The_calendar_page_makes_an_address_shown_once_that_works()
    {
        var world = await BookingWorld.CreateAsync(app);
        var member = await world.NewMemberAsync();
        using var browser = await app.BrowserClientAsync(member.Email);

        using var made = await TestApp.PostFormAsync(browser, "/me/calendar?handler=Create", new Dictionary<string, string>(), "/me/calendar");
        var (_, page) = await TestApp.ParseAsync(made);

        var address = new Uri(page.QuerySelector("#calendar-address")!.TextContent.Trim());
        address.AbsolutePath.ShouldStartWith("/calendar/cal_");
        using var anonymous = app.AnonymousClient();
        (await anonymous.GetAsync(address.AbsolutePath)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var (_, again) = await TestApp.GetHtmlAsync(browser, "/me/calendar");
        again.QuerySelector("#calendar-address").ShouldBeNull();
    }

    private static async Task<string> NewFeedAsync(HttpClient client)
    {
        using var response = await client.PostAsync("/api/v1/me/calendar-feed", null);
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("path").GetString()!;
    }

    /// Debian's python3-icalendar reads the feed: "summary|start|status" per event.
    private static async Task<List<string>> ParseAsync(string calendar)
    {
        var file = Path.GetTempFileName();
        await File.WriteAllTextAsync(file, calendar);
        try
        {
            var start = new ProcessStartInfo(File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add("""
                import sys, icalendar
                cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
                for e in cal.walk('VEVENT'):
                    print(f"{e['SUMMARY']}|{e.decoded('DTSTART')}|{e['STATUS']}")
                """);
            start.ArgumentList.Add(file);
            using var process = Process.Start(start)!;
            var output = await process.StandardOutput.ReadToEndAsync();
            var error = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            process.ExitCode.ShouldBe(0, error);
            return [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries)];
        }
        finally
        {
            File.Delete(file);
        }
    }
}

[Collection(SqliteCollection.Name)]
public sealed class CalendarFeedTests_Sqlite(SqliteTestApp app) : CalendarFeedTests(app);

[Collection(PostgresCollection.Name)]
public sealed class CalendarFeedTests_Postgres(PostgresTestApp app) : CalendarFeedTests(app);

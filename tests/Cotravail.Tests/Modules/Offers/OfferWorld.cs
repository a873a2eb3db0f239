using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cotravail.Common.Auth;
using Cotravail.Modules.Members;
using Cotravail.Tests.Infrastructure;

namespace Cotravail.Tests.Modules.Offers;

/// Two locations (VAT 20 % and 5.5 %), a manager of each, a network admin, and members of the first.
internal sealed class OfferWorld
{
    public required TestApp App { get; init; }

    public required Guid Location { get; init; }

    public required Guid Other { get; init; }

    public required string Slug { get; init; }

    public required string AdminEmail { get; init; }

    public required string ManagerEmail { get; init; }

    public required string OtherManagerEmail { get; init; }

    public static async Task<OfferWorld> CreateAsync(TestApp app)
    {
        var admin = TestApp.NewEmail("offer-admin");
        await app.CreateUserAsync(admin, networkAdmin: true);
        using var api = await app.ClientForAsync(admin);
        var slug = TestData.NewSlug("offers");
        var location = await PostAsync(api, "/api/v1/locations", LocationBody("Offres A", slug));
        var other = await PostAsync(api, "/api/v1/locations", LocationBody("Offres B", TestData.NewSlug("offers")));
        var (manager, otherManager) = (TestApp.NewEmail("offer-manager"), TestApp.NewEmail("offer-manager"));
        var (user, otherUser) = (await app.CreateUserAsync(manager), await app.CreateUserAsync(otherManager));
        await app.WithDbAsync(async db =>
        {
            db.StaffAssignments.Add(new StaffAssignment(user.Id, location, StaffRole.Manager));
            db.StaffAssignments.Add(new StaffAssignment(otherUser.Id, other, StaffRole.Manager));
            await db.SaveChangesAsync();
        });
        return new OfferWorld
        {
            App = app, Location = location, Other = other, Slug = slug, AdminEmail = admin, ManagerEmail = manager, OtherManagerEmail = otherManager,
        };
    }

    public Task<HttpClient> AdminAsync() => App.ClientForAsync(AdminEmail);

    public Task<HttpClient> ManagerAsync() => App.ClientForAsync(ManagerEmail);

    public Task<HttpClient> OtherManagerAsync() => App.ClientForAsync(OtherManagerEmail);

    /// A new member of the first location (declaring a category), signed in through the API.
    public async Task<(HttpClient Client, Guid MemberId, string Email)> MemberAsync(MemberCategory category = MemberCategory.Freelancer)
    {
        var email = TestApp.NewEmail("offer-member");
        var user = await App.CreateUserAsync(email);
        var member = new Member("Noé", "Tarif", email, category, Location);
        member.LinkAccount(user.Id);
        await App.WithDbAsync(async db =>
        {
            db.Members.Add(member);
            await db.SaveChangesAsync();
        });
        return (await App.ClientForAsync(email), member.Id, email);
    }

    /// A day pass of the first location at 25.00 excluding 20 % VAT, 18.00 for students; change what a test needs.
    public object DayPass(string? name = null, object? reducedPrices = null, Guid? location = null) => new
    {
        locationId = location ?? Location, kind = "DayPass", nameFr = name ?? "Pass journée test", nameEn = "Test day pass", price = 25m, vatPercent = 20m,
        resourceKinds = new[] { "HotDeskZone" }, reducedPrices = reducedPrices ?? new[] { new { category = "Student", price = 18m } },
    };

    public static async Task<JsonElement> CreatedAsync(HttpResponseMessage response)
    {
        using (response)
        {
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            response.StatusCode.ShouldBe(HttpStatusCode.Created, body.ToString());
            return body;
        }
    }

    /// The problem's message for a field, after checking the status.
    public static async Task<string> ProblemAsync(HttpResponseMessage response, HttpStatusCode status, string field)
    {
        using (response)
        {
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            response.StatusCode.ShouldBe(status, body.ToString());
            response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
            body.GetProperty("errors").TryGetProperty(field, out var messages).ShouldBeTrue(body.ToString());
            return messages[0].GetString()!;
        }
    }

    public string Date(int daysAhead) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(App.Clock.GetUtcNow().UtcDateTime, TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris")))
            .AddDays(daysAhead).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static object LocationBody(string name, string slug) => new
    {
        name, slug, street = "5 rue des Offres", postalCode = "69001", city = "Lyon", countryCode = "FR", timeZone = "Europe/Paris", currency = "EUR",
        openSpaceCapacity = 20,
        openingHours = Enum.GetValues<DayOfWeek>().Select(d => new { day = d.ToString(), opens = "08:00", closes = "19:00" }).ToArray(),
        vatRates = new[] { new { label = "Normal", percent = 20m }, new { label = "Réduit", percent = 5.5m } },
    };

    private static async Task<Guid> PostAsync(HttpClient api, string url, object body)
    {
        using var response = await api.PostAsJsonAsync(url, body);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        response.IsSuccessStatusCode.ShouldBeTrue($"POST {url}: {json}");
        return json.GetProperty("id").GetGuid();
    }
}

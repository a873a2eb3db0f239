using System.Net.Http.Json;
using System.Text.Json;
using Cotravail.Common.Auth;
using Cotravail.Modules.Members;
using Cotravail.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Tests.Common.Auth;

public enum Role
{
    Anonymous,
    Member,
    CompanyAdmin,
    Host,
    Manager,
    NetworkAdmin,
}

/// Which record a route's parameters point at: none, one of the caller's location ("own"), or another's.
public enum Scope
{
    None,
    Own,
    Foreign,
}

/// The records and people of the authorization matrix: location A is "own" for every location-scoped
/// role (member, company admin, host, manager); location B is "foreign" to all of them but the admin.
public sealed class MatrixWorld
{
    private readonly Dictionary<(Role, bool Api), HttpClient> clients = [];

    public required TestApp App { get; init; }

    public required (Guid Own, Guid Foreign) Locations { get; init; }

    public required (string Own, string Foreign) Slugs { get; init; }

    public required (Guid Own, Guid Foreign) Resources { get; init; }

    public required (Guid Own, Guid Foreign) Members { get; init; }

    public required (Guid Own, Guid Foreign) Companies { get; init; }

    public required IReadOnlyDictionary<Role, string> Emails { get; init; }

    /// The network profile as the API returns it: a valid body for PUT /api/v1/network.
    public required JsonElement Network { get; init; }

    public static async Task<MatrixWorld> CreateAsync(TestApp app)
    {
        var admin = TestApp.NewEmail("matrix-admin");
        await app.CreateUserAsync(admin, networkAdmin: true);
        using var api = await app.ClientForAsync(admin);

        var (ownSlug, foreignSlug) = (TestData.NewSlug("own"), TestData.NewSlug("foreign"));
        var ownLocation = await CreateAsync(api, "/api/v1/locations", TestData.Location("Matrix own", ownSlug, openEveryDay: true));
        var foreignLocation = await CreateAsync(api, "/api/v1/locations", TestData.Location("Matrix foreign", foreignSlug, openEveryDay: true));
        var ownCompany = await CreateAsync(api, "/api/v1/companies", TestData.Company(TestData.NewSiren()));
        var foreignCompany = await CreateAsync(api, "/api/v1/companies", TestData.Company(TestData.NewSiren()));

        var emails = new Dictionary<Role, string> { [Role.NetworkAdmin] = admin };
        var memberIds = new Dictionary<Role, Guid>();
        foreach (var role in new[] { Role.Member, Role.CompanyAdmin, Role.Host, Role.Manager })
        {
            emails[role] = TestApp.NewEmail($"matrix-{role}".ToLowerInvariant());
            var user = await app.CreateUserAsync(emails[role]);
            await app.WithDbAsync(async db =>
            {
                switch (role)
                {
                    case Role.Host or Role.Manager:
                        db.StaffAssignments.Add(new StaffAssignment(user.Id, ownLocation, role == Role.Host ? StaffRole.Host : StaffRole.Manager));
                        break;
                    default:
                        var member = new Member("Matrix", role.ToString(), emails[role], MemberCategory.Freelancer, ownLocation);
                        member.LinkAccount(user.Id);
                        if (role == Role.CompanyAdmin)
                        {
                            member.JoinCompany(ownCompany, billedToCompany: true, isCompanyAdmin: true);
                        }
                        db.Members.Add(member);
                        memberIds[role] = member.Id;
                        break;
                }
                await db.SaveChangesAsync();
            });
        }
        var ownMember = await CreateAsync(api, "/api/v1/members", TestData.Member(ownLocation, TestApp.NewEmail("own-member"), ownCompany));
        var foreignMember = await CreateAsync(api, "/api/v1/members", TestData.Member(foreignLocation, TestApp.NewEmail("foreign-member"), foreignCompany));
        // The foreign booker is not the foreign member that the member routes deactivate and erase: later routes still book,
        // bill and subscribe for it.
        var foreignBooker = await CreateAsync(api, "/api/v1/members", TestData.Member(foreignLocation, TestApp.NewEmail("foreign-booker"), foreignCompany));
        var resources = (
            await CreateAsync(api, "/api/v1/resources", TestData.Room(ownLocation, "Matrix room")),
            await CreateAsync(api, "/api/v1/resources", TestData.Room(foreignLocation, "Matrix room")));
        var desks = (
            await CreateAsync(api, "/api/v1/resources", Desk(ownLocation)),
            await CreateAsync(api, "/api/v1/resources", Desk(foreignLocation)));
        var world = new MatrixWorld
        {
            Desks = desks,
            App = app,
            Locations = (ownLocation, foreignLocation),
            Slugs = (ownSlug, foreignSlug),
            Resources = resources,
            Members = (ownMember, foreignMember),
            Companies = (ownCompany, foreignCompany),
            Emails = emails,
            Network = await api.GetFromJsonAsync<JsonElement>("/api/v1/network"),
            BookerIds = (memberIds[Role.Member], foreignBooker),
        };
        world.Bookings = (await world.NewBookingAsync(Scope.Own), await world.NewBookingAsync(Scope.Foreign));
        await Cotravail.Tests.Modules.Billing.BillingWorld.EnsureSellerAsync(app);
        world.Offers = (await world.NewOfferAsync(Scope.Own), await world.NewOfferAsync(Scope.Foreign));
        world.PlanOffers = (await world.NewPlanOfferAsync(Scope.Own), await world.NewPlanOfferAsync(Scope.Foreign));
        using (var created = await (await world.ClientAsync(Role.NetworkAdmin, api: true)).PostAsync("/api/v1/me/calendar-feed", null))
        {
            var path = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("path").GetString()!;
            world.CalendarToken = path["/calendar/".Length..^".ics".Length];
        }
        return world;
    }

    /// A day pass of the own (foreign) location, for the routes of offers.
    public (Guid Own, Guid Foreign) Offers { get; private set; }

    /// A valid body for POST and PUT /api/v1/offers: a day pass of the own (foreign) location.
    public object NextOffer(Scope scope) => new
    {
        locationId = Pick(Locations, scope), kind = "DayPass", nameFr = "Pass matrice", nameEn = "Matrix pass", price = 25m, vatPercent = 20m,
        resourceKinds = new[] { "HotDeskZone" },
    };

    /// A new day pass of the own (foreign) location, made by the admin; its id.
    public async Task<Guid> NewOfferAsync(Scope scope) => await CreateAsync(await ClientAsync(Role.NetworkAdmin, api: true), "/api/v1/offers", NextOffer(scope));

    /// A valid body for POST /api/v1/subscriptions: the day pass of that scope for its booker.
    public object SubscriptionBody(Scope scope) => new { offerId = Pick(Offers, scope), memberId = Pick(BookerIds, scope) };

    /// A new monthly plan offer of the own (foreign) location, made by the admin; its id.
    public async Task<Guid> NewPlanOfferAsync(Scope scope) => await CreateAsync(await ClientAsync(Role.NetworkAdmin, api: true), "/api/v1/offers", new
    {
        locationId = Pick(Locations, scope), kind = "MonthlyPlan", nameFr = "Forfait matrice", nameEn = "Matrix plan", price = 200m, vatPercent = 20m,
        space = "OpenSpace", resourceKinds = new[] { "HotDeskZone" },
    });

    /// A monthly plan offer of the own (foreign) location.
    public (Guid Own, Guid Foreign) PlanOffers { get; private set; }

    /// A new monthly plan of the booker of that scope, from today; its id. Written directly: by then the matrix has
    /// deactivated the foreign member and the locations, which the API would refuse to subscribe.
    public async Task<Guid> NewPlanAsync(Scope scope)
    {
        var id = Guid.Empty;
        await App.WithDbAsync(async db =>
        {
            var offerId = Pick(PlanOffers, scope);
            var offer = await db.Set<Cotravail.Modules.Offers.Offer>().FirstAsync(o => o.Id == offerId);
            var userId = await db.Users.Where(u => u.Email == Emails[Role.NetworkAdmin]).Select(u => u.Id).FirstAsync();
            var plan = new Cotravail.Modules.Subscriptions.Subscription(Pick(BookerIds, scope), offer, offer.LocationId!.Value, null, offer.PriceCents, Today, 30,
                userId, App.Clock.GetUtcNow().UtcDateTime);
            db.Add(plan);
            await db.SaveChangesAsync();
            id = plan.Id;
        });
        return id;
    }

    /// A valid body for POST /api/v1/subscriptions/{id}/pause: a week starting in ten days.
    public object PauseBody() => new
    {
        from = Today.AddDays(10).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        to = Today.AddDays(16).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
    };

    private DateOnly Today => DateOnly.FromDateTime(App.Clock.GetUtcNow().UtcDateTime);

    /// A valid body for POST /api/v1/members/{id}/reduced-rates.
    public object NextGrant() => new
    {
        category = "Student", proofNote = "Carte étudiante 2026–2027 vue",
        validUntil = DateOnly.FromDateTime(App.Clock.GetUtcNow().UtcDateTime).AddDays(100).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
    };

    /// A new reduced-rate grant of the own (foreign) member, made by the admin; its id.
    public async Task<Guid> NewGrantAsync(Scope scope) =>
        await CreateAsync(await ClientAsync(Role.NetworkAdmin, api: true), $"/api/v1/members/{Pick(Members, scope)}/reduced-rates", NextGrant());

    /// A dedicated desk of the own (foreign) location, for assignments.
    public required (Guid Own, Guid Foreign) Desks { get; init; }

    private int assignmentPeriods;

    /// A fresh assignment of the own (foreign) desk: a two-day period of its own, years ahead.
    public object NextAssignment(Scope scope)
    {
        var n = Interlocked.Increment(ref assignmentPeriods);
        var from = DateOnly.FromDateTime(App.Clock.GetUtcNow().UtcDateTime).AddDays(1000 + (3 * n));
        return new
        {
            resourceId = Pick(Desks, scope), memberId = Pick(Members, scope),
            from = from.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            to = from.AddDays(2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    /// A running open-ended assignment of a new desk of the own (foreign) location, made by the admin; its id.
    public async Task<Guid> NewAssignmentAsync(Scope scope)
    {
        var api = await ClientAsync(Role.NetworkAdmin, api: true);
        var desk = await CreateAsync(api, "/api/v1/resources", Desk(Pick(Locations, scope)));
        var yesterday = DateOnly.FromDateTime(App.Clock.GetUtcNow().UtcDateTime).AddDays(-2);
        return await CreateAsync(api, "/api/v1/assignments", new
        {
            resourceId = desk, memberId = Pick(Members, scope), from = yesterday.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        });
    }

    /// A draft invoice for the booker of that scope at its location, with the buyer's address.
    public object InvoiceDraft(Scope scope) => new
    {
        locationId = Pick(Locations, scope), memberId = Pick(BookerIds, scope), buyerStreet = "1 rue de la Matrice", buyerPostalCode = "69001", buyerCity = "Lyon",
        lines = new[] { new { description = "Matrix pass", quantity = 1, unitPrice = 20, vatPercent = 20 } },
    };

    /// A new invoice of the own (foreign) location for the booker of that scope, drafted (and issued) by the admin.
    public async Task<Guid> NewInvoiceAsync(Scope scope, bool issued)
    {
        var api = await ClientAsync(Role.NetworkAdmin, api: true);
        var id = await CreateAsync(api, "/api/v1/invoices", InvoiceDraft(scope));
        if (issued)
        {
            using var response = await api.PostAsync($"/api/v1/invoices/{id}/issue", null);
            response.IsSuccessStatusCode.ShouldBeTrue(await response.Content.ReadAsStringAsync());
        }
        return id;
    }

    /// A one-off charge for the booker of that scope at its location, dated in a month no test bills.
    public object ChargeBody(Scope scope) => new
    {
        locationId = Pick(Locations, scope), memberId = Pick(BookerIds, scope), description = "Matrix locker key", quantity = 1, unitPrice = 3, vatPercent = 20, date = "2000-01-15",
    };

    private readonly int runYears = Random.Shared.Next(1000, 1800);
    private int runCount;

    /// A month of the far past no other run of this database uses: billing it finds nothing.
    public string NextRunPeriod() => $"{runYears}-{Interlocked.Increment(ref runCount) % 12 + 1:D2}";

    /// A drafted billing run of a fresh far-past month, written directly so the worker has nothing to wait for.
    public async Task<Guid> NewRunAsync()
    {
        var period = $"{Interlocked.Increment(ref runCount) + 1800}-01";
        var run = new Cotravail.Modules.Billing.BillingRun(period, Guid.NewGuid(), new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc));
        run.Collected(0, 0);
        run.DraftingDone(run.StartedAt);
        await App.WithDbAsync(async db =>
        {
            db.Add(run);
            await db.SaveChangesAsync();
        });
        return run.Id;
    }

    private static object Desk(Guid locationId) => new { locationId, name = $"Desk {Guid.NewGuid():N}"[..20], kind = "DedicatedDesk", capacity = 1 };

    /// The member a booking is for: the Member role's own record, or a member of the foreign location.
    public required (Guid Own, Guid Foreign) BookerIds { get; init; }

    /// A booking of the own (foreign) room for the Member role (a foreign member), for routes that read it.
    public (Guid Own, Guid Foreign) Bookings { get; private set; }

    private int slots;

    /// A fresh slot each call: 30-minute steps from 08:00 to 18:00, day after day from the day after tomorrow.
    public (string Start, string End) NextSlot()
    {
        var n = Interlocked.Increment(ref slots);
        var today = TimeZoneInfo.ConvertTimeFromUtc(App.Clock.GetUtcNow().UtcDateTime, TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris")).Date;
        var start = today.AddDays(2 + (n / 20)).AddHours(8).AddMinutes(30 * (n % 20));
        return (Format(start), Format(start.AddMinutes(30)));
    }

    /// A new booking made by the network admin on behalf of the booker of that scope.
    public async Task<Guid> NewBookingAsync(Scope scope)
    {
        var api = await ClientAsync(Role.NetworkAdmin, api: true);
        var (start, end) = NextSlot();
        return await CreateAsync(api, "/api/v1/bookings", new { resourceId = Pick(Resources, scope), start, end, memberId = Pick(BookerIds, scope) });
    }

    /// A guest invited to the own (foreign) booking, for the route that removes one.
    public async Task<Guid> NewAttendeeAsync(Scope scope) =>
        await CreateAsync(await ClientAsync(Role.NetworkAdmin, api: true), $"/api/v1/bookings/{Pick(Bookings, scope)}/attendees",
            new { email = $"guest-{Guid.NewGuid():N}@example.test" });

    /// The secret of a calendar address of the admin's, for GET /calendar/{token}.ics.
    public string CalendarToken { get; private set; } = "";

    /// A new calendar address of that role's account; returns its id.
    public async Task<Guid> NewCalendarFeedAsync(Role owner) =>
        await CreateAsync(await ClientAsync(owner, api: true), "/api/v1/me/calendar-feed", new { });

    /// A new personal access token of that role's account; returns its id.
    public async Task<Guid> NewTokenAsync(Role owner) =>
        await CreateAsync(await ClientAsync(owner, api: true), "/api/v1/me/tokens", new { name = "Matrix", scope = "ReadWrite", expiresInDays = 30 });

    /// A photo of the own (foreign) location, uploaded by the network admin; returns its id.
    public Task<Guid> NewPhotoAsync(Scope scope) => NewPhotoAsync($"/api/v1/locations/{Pick(Locations, scope)}/photos");

    public Task<Guid> NewResourcePhotoAsync(Scope scope) => NewPhotoAsync($"/api/v1/resources/{Pick(Resources, scope)}/photos");

    private async Task<Guid> NewPhotoAsync(string url)
    {
        var api = await ClientAsync(Role.NetworkAdmin, api: true);
        using var content = PhotoUpload();
        using var response = await api.PostAsync(url, content);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        response.IsSuccessStatusCode.ShouldBeTrue($"photo upload: {json}");
        return json.GetProperty("id").GetGuid();
    }

    /// A multipart upload of a tiny PNG (its signature is what the app checks) in the field "photo".
    public static HttpContent PhotoUpload()
    {
        // The signature, then an IHDR of 64 × 64 pixels (member photos check the size).
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, .. "IHDR"u8, 0, 0, 0, 64, 0, 0, 0, 64, .. new byte[256]];
        var file = new ByteArrayContent(png);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("image/png");
        return new MultipartFormDataContent { { file, "photo", "matrix.png" } };
    }

    /// A pending request to join the own (foreign) location, from a new account.
    public async Task<Guid> NewJoinRequestAsync(Scope scope)
    {
        var email = TestApp.NewEmail("joiner");
        var user = await App.CreateUserAsync(email);
        var input = new Cotravail.Modules.Joining.JoinInput { FirstName = "Joiner", LastName = "Matrix", Email = email, Category = MemberCategory.Freelancer };
        var request = new Cotravail.Modules.Joining.JoinRequest(Pick(Locations, scope), user.Id, input, App.Clock.GetUtcNow().UtcDateTime);
        await App.WithDbAsync(async db =>
        {
            db.Add(request);
            await db.SaveChangesAsync();
        });
        return request.Id;
    }

    /// A new location made by the admin, for the routes that deactivate one: the matrix's locations stay open, so later
    /// routes can still subscribe and book there.
    public async Task<Guid> NewLocationAsync() => await CreateAsync(await ClientAsync(Role.NetworkAdmin, api: true), "/api/v1/locations",
        TestData.Location("Matrix closing", TestData.NewSlug("closing")));

    /// A new account holding the Host role at the own (foreign) location; returns the account's id.
    public async Task<Guid> NewHostAsync(Scope scope)
    {
        var user = await App.CreateUserAsync(TestApp.NewEmail("matrix-staff"));
        await App.WithDbAsync(async db =>
        {
            db.StaffAssignments.Add(new StaffAssignment(user.Id, Pick(Locations, scope), StaffRole.Host));
            await db.SaveChangesAsync();
        });
        return user.Id;
    }

    /// A queued email (an invitation the admin sends), for the outbox's detail page.
    public async Task<Guid> AnyOutboxMessageAsync()
    {
        var api = await ClientAsync(Role.NetworkAdmin, api: true);
        var email = TestApp.NewEmail("outbox");
        using var response = await api.PostAsJsonAsync("/api/v1/invitations", new { email, firstName = "Out", lastName = "Box", locationId = Locations.Own, category = "Freelancer" });
        response.IsSuccessStatusCode.ShouldBeTrue(await response.Content.ReadAsStringAsync());
        return await App.WithDbAsync(db => db.Outbox.Where(m => m.To == email).Select(m => m.Id).FirstAsync());
    }

    private static string Format(DateTime local) => local.ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    /// A client for the role: bearer token for the API, signed-in cookies for pages.
    public async Task<HttpClient> ClientAsync(Role role, bool api)
    {
        if (!clients.TryGetValue((role, api), out var client))
        {
            client = role == Role.Anonymous ? App.AnonymousClient()
                : api ? await App.ClientForAsync(Emails[role])
                : await App.BrowserClientAsync(Emails[role]);
            clients[(role, api)] = client;
        }
        return client;
    }

    public static Guid Pick((Guid Own, Guid Foreign) pair, Scope scope) => scope == Scope.Foreign ? pair.Foreign : pair.Own;

    private static async Task<Guid> CreateAsync(HttpClient api, string url, object body)
    {
        using var response = await api.PostAsJsonAsync(url, body);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        response.IsSuccessStatusCode.ShouldBeTrue($"POST {url}: {json}");
        return json.GetProperty("id").GetGuid();
    }
}

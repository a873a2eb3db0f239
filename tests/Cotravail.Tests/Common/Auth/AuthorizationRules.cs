using Cotravail.Tests.Infrastructure;

namespace Cotravail.Tests.Common.Auth;

/// What an answer looks like: 2xx, a redirect to sign-in or to the denied page, or a status code.
public static class Expect
{
    public const string Ok = "ok";
    public const string SignIn = "→sign-in";
    public const string Denied = "→denied";
    public const string Redirect = "→elsewhere";

    public static string Unauthenticated(bool api) => api ? "401" : SignIn;

    public static string Forbidden(bool api) => api ? "403" : Denied;
}

/// A route's access rule: the expected outcome per role and scope, and how to call it.
/// FreshId: for routes that use up their record (cancel), a new record for every check; it fills the
/// route's last id parameter. Content: a body other than JSON (a file upload).
public sealed record RouteRule(
    Func<Role, Scope, string> Expect,
    Func<MatrixWorld, Scope, object?>? Body = null,
    Func<MatrixWorld, Scope, string>? Query = null,
    bool ScopedBody = false,
    Func<MatrixWorld, Scope, Task<Guid>>? FreshId = null,
    Func<HttpContent>? Content = null);

/// The expected answer of every route for every role. A new route fails the matrix until it is added.
/// Conventions: anonymous callers get 401 (API) or the sign-in page; a role the route is not for gets
/// 403 (API) or the denied page; a record outside the caller's locations is hidden (404), except
/// companies, which are network-wide and visible to all staff (changing one is refused with 403).
public static class AuthorizationRules
{
    private const bool Api = true;
    private const bool Page = false;

    private static RouteRule Everyone(string outcome, Func<MatrixWorld, Scope, object?>? body = null) => new((_, _) => outcome, body);

    /// A member's own community data: staff accounts without a membership have none (404).
    private static RouteRule MemberOnly(Func<MatrixWorld, Scope, object?>? body = null) => new((role, _) => role switch
    {
        Role.Anonymous => "401",
        Role.Member or Role.CompanyAdmin => Expect.Ok,
        _ => "404",
    }, body);

    /// Any signed-in person; what they see is filtered by the handler.
    private static RouteRule SignedIn(bool api) => new((role, _) => role == Role.Anonymous ? Expect.Unauthenticated(api) : Expect.Ok);

    /// Back-office screens and lists: staff only (hosts, managers, admins).
    private static RouteRule Staff(bool api) => new((role, _) => role switch
    {
        Role.Anonymous => Expect.Unauthenticated(api),
        Role.Member or Role.CompanyAdmin => Expect.Forbidden(api),
        _ => Expect.Ok,
    });

    /// Reading one location-owned record: staff of its location and admins; what members see is `member`.
    private static RouteRule Read(bool api, Func<Role, Scope, string> member) => new((role, scope) => role switch
    {
        Role.Anonymous => Expect.Unauthenticated(api),
        Role.Member or Role.CompanyAdmin => member(role, scope),
        Role.Host or Role.Manager => scope == Scope.Foreign ? "404" : Expect.Ok,
        _ => Expect.Ok,
    });

    /// Changing a location-owned record: its location's managers and admins; a foreign record is hidden (404),
    /// a new record in a foreign location is refused (403).
    private static RouteRule Manage(bool api, Func<MatrixWorld, Scope, object?>? body = null, bool create = false) => new(
        (role, scope) => role switch
        {
            Role.Anonymous => Expect.Unauthenticated(api),
            Role.Member or Role.CompanyAdmin or Role.Host => Expect.Forbidden(api),
            Role.Manager when scope == Scope.Foreign => create ? Expect.Forbidden(api) : "404",
            _ => Expect.Ok,
        },
        body,
        ScopedBody: create);

    /// Registering a network-wide record (a company): any manager and admins.
    private static RouteRule AnyManager(bool api, Func<MatrixWorld, Scope, object?>? body = null) => new((role, _) => role switch
    {
        Role.Anonymous => Expect.Unauthenticated(api),
        Role.Member or Role.CompanyAdmin or Role.Host => Expect.Forbidden(api),
        _ => Expect.Ok,
    }, body);

    /// Changing an existing company: admins any; a manager only one with a member whose home location they
    /// manage (the own company has one, the foreign one only a member elsewhere): visible to them, so 403.
    private static RouteRule CompanyEditor(bool api, Func<MatrixWorld, Scope, object?>? body = null) => new((role, scope) => role switch
    {
        Role.Anonymous => Expect.Unauthenticated(api),
        Role.Member or Role.CompanyAdmin or Role.Host => Expect.Forbidden(api),
        Role.Manager when scope == Scope.Foreign => Expect.Forbidden(api),
        _ => Expect.Ok,
    }, body);

    /// Changing an offer: the catalogue is public, so an offer of another location is visible to a manager,
    /// who is refused (403 naming locationId); its location's managers and admins change it.
    private static RouteRule OfferEditor(bool api, Func<MatrixWorld, Scope, object?>? body = null) => new((role, scope) => role switch
    {
        Role.Anonymous => Expect.Unauthenticated(api),
        Role.Member or Role.CompanyAdmin or Role.Host => Expect.Forbidden(api),
        Role.Manager when scope == Scope.Foreign => Expect.Forbidden(api),
        _ => Expect.Ok,
    }, body);

    private static RouteRule NetworkAdmin(bool api, Func<MatrixWorld, Scope, object?>? body = null) => new((role, _) => role switch
    {
        Role.Anonymous => Expect.Unauthenticated(api),
        Role.NetworkAdmin => Expect.Ok,
        _ => Expect.Forbidden(api),
    }, body);

    /// A moderation route called with an id that is no post: managers and admins get 404, everyone else is refused first.
    private static RouteRule NoPost(Func<MatrixWorld, Scope, object?>? body = null) => new((role, _) => role switch
    {
        Role.Anonymous => "401",
        Role.Member or Role.CompanyAdmin or Role.Host => "403",
        _ => "404",
    }, body);

    /// Locations and resources are public information: members read the active ones anywhere.
    /// A project route called with an id that is no project the caller may see.
    private static RouteRule NoProject(Func<MatrixWorld, Scope, object?>? body = null) =>
        new((role, _) => role == Role.Anonymous ? "401" : "404", body);

    private static readonly object ProjectBody = new
    {
        kind = "CallForPartners",
        title = "Matrix project",
        description = "A call for partners",
        skills = new[] { "seo" },
        deadline = "2099-01-01",
        scope = "Network",
    };

    private static string PublicInfo(Role role, Scope scope) => Expect.Ok;

    /// Members see only themselves; company admins their company's people (the "own" member is in it).
    private static string CompanyPeople(Role role, Scope scope) => role == Role.CompanyAdmin && scope == Scope.Own ? Expect.Ok : "404";

    public static readonly IReadOnlyDictionary<string, RouteRule> All = new Dictionary<string, RouteRule>
    {
        // Public pages and machine endpoints.
        ["GET /"] = Everyone(Expect.Ok),
        ["GET /culture"] = Everyone(Expect.Redirect), // sets the language cookie and goes back
        ["GET /error"] = Everyone(Expect.Ok),
        ["GET /healthz"] = Everyone(Expect.Ok), // liveness: the process answers
        ["GET /readyz"] = Everyone(Expect.Ok), // readiness: database, migrations, data folder
        ["GET /healthz"] = Everyone(Expect.Ok),
        // Prometheus scrape (issue 16): only from this machine or with Cotravail:Metrics:Token; the test host's
        // requests have no loopback address, so everyone is answered 404 whatever their role.
        ["GET /metrics"] = Everyone("404"),
        ["GET /openapi/{documentName}.json"] = Everyone(Expect.Ok),
        // The API docs page (Scalar) and its own script and icon.
        ["GET /api/docs/{documentName?}"] = Everyone(Expect.Ok),
        ["GET /api/docs/scalar.js"] = Everyone(Expect.Ok),
        ["GET /api/docs/scalar.aspnetcore.js"] = Everyone(Expect.Ok),
        ["GET /api/docs/favicon.svg"] = Everyone(Expect.Ok),
        ["GET /locations/{slug}"] = Everyone(Expect.Ok),
        ["GET /account/sign-in"] = Everyone(Expect.Ok),
        ["GET /account/sign-out"] = Everyone(Expect.Ok), // a form; signing out is a POST
        ["GET /account/denied"] = Everyone("403"),
        ["GET /setup"] = Everyone("404"), // only until the first admin exists
        ["POST /api/v1/auth/token"] = Everyone("401", (_, _) => new { email = "nobody@cotravail.test", password = "not the password at all" }),

        // Member home.
        ["GET /me"] = SignedIn(Page),

        // Privacy (ADR 6): the policy is public; choices, export and erasure are the person's own.
        ["GET /privacy"] = Everyone(Expect.Ok),
        ["GET /design"] = Everyone(Expect.Ok),
        ["GET /me/privacy"] = SignedIn(Page),
        ["GET /me/data"] = SignedIn(Page),
        ["GET /api/v1/me/privacy"] = new((role, _) => role switch
        {
            Role.Anonymous => "401",
            Role.Member or Role.CompanyAdmin => Expect.Ok,
            _ => "404", // staff accounts without a membership have no choices
        }),
        ["PUT /api/v1/me/privacy"] = new((role, _) => role switch
        {
            Role.Anonymous => "401",
            Role.Member or Role.CompanyAdmin => Expect.Ok,
            _ => "404",
        }),
        ["GET /api/v1/me/export"] = SignedIn(Api),
        ["POST /api/v1/me/erase"] = new((role, _) => role == Role.Anonymous ? "401" : "400"), // the password is required
        ["POST /api/v1/members/{id:guid}/erase"] = Manage(Api),

        // Community (ADR 26): members and staff browse what members opened to them; a profile is its member's own.
        ["GET /community"] = SignedIn(Page),
        ["GET /community/profile"] = SignedIn(Page),
        ["GET /community/today"] = SignedIn(Page),
        ["GET /api/v1/community/today"] = SignedIn(Api),
        ["GET /community/members/{id:guid}"] = new((role, _) => role == Role.Anonymous ? Expect.SignIn : "404"), // the world's members are not listed
        ["GET /api/v1/community/skills"] = SignedIn(Api),
        ["GET /api/v1/community/members"] = SignedIn(Api),
        ["GET /api/v1/community/members/{id:guid}"] = new((role, _) => role == Role.Anonymous ? "401" : "404"),
        ["GET /api/v1/community/suggestions"] = new((role, _) => role switch
        {
            Role.Anonymous => "401",
            Role.Member or Role.CompanyAdmin => Expect.Ok,
            _ => "404", // staff accounts without a membership seek nothing
        }),
        ["GET /api/v1/me/community-profile"] = new((role, _) => role switch
        {
            Role.Anonymous => "401",
            Role.Member or Role.CompanyAdmin => Expect.Ok,
            _ => "404",
        }),
        ["PUT /api/v1/me/community-profile"] = new((role, _) => role switch
        {
            Role.Anonymous => "401",
            Role.Member or Role.CompanyAdmin => Expect.Ok,
            _ => "404",
        }, (_, _) => new { headline = "Designer", skills = new[] { "graphic-design" } }),
        ["PUT /api/v1/me/community-profile/photo"] = new((role, _) => role switch
        {
            Role.Anonymous => "401",
            Role.Member or Role.CompanyAdmin => Expect.Ok,
            _ => "404",
        }) { Content = MatrixWorld.PhotoUpload },
        ["DELETE /api/v1/me/community-profile/photo"] = new((role, _) => role switch
        {
            Role.Anonymous => "401",
            Role.Member or Role.CompanyAdmin => Expect.Ok,
            _ => "404",
        }),
        ["GET /community/members/{id:guid}/photo"] = new((role, _) => role == Role.Anonymous ? Expect.SignIn : "404"), // shown only as its member chose

        // Ask a neighbour (ADR 27): members ask and answer; staff read; a thread of the world's ids is not found.
        ["GET /community/questions"] = SignedIn(Page),
        ["GET /community/questions/new"] = SignedIn(Page),
        ["GET /community/questions/{id:guid}"] = new((role, _) => role == Role.Anonymous ? Expect.SignIn : "404"),
        ["GET /community/notifications"] = SignedIn(Page),
        ["GET /api/v1/community/questions"] = SignedIn(Api),
        ["POST /api/v1/community/questions"] = MemberOnly((_, _) => new { title = "Matrix question", body = "Who knows?", skills = new[] { "seo" }, scope = "Network" }),
        ["GET /api/v1/community/questions/{id:guid}"] = new((role, _) => role == Role.Anonymous ? "401" : "404"),
        ["POST /api/v1/community/questions/{id:guid}/answers"] = new((role, _) => role == Role.Anonymous ? "401" : "404", (_, _) => new { body = "An answer" }),
        ["POST /api/v1/community/questions/{id:guid}/answers/{answerId:guid}/thanks"] = new((role, _) => role == Role.Anonymous ? "401" : "404",
            FreshId: (_, _) => Task.FromResult(Guid.NewGuid())),
        ["POST /api/v1/community/questions/{id:guid}/solve"] = new((role, _) => role == Role.Anonymous ? "401" : "404", (_, _) => new { answerId = Guid.NewGuid() }),
        ["POST /api/v1/community/questions/{id:guid}/close"] = new((role, _) => role == Role.Anonymous ? "401" : "404"),
        ["GET /api/v1/me/notifications"] = MemberOnly(),
        ["POST /api/v1/me/notifications/read"] = MemberOnly((_, _) => new { ids = Array.Empty<Guid>() }),
        ["GET /api/v1/me/community-mutes"] = MemberOnly(),
        ["PUT /api/v1/me/community-mutes"] = MemberOnly((_, _) => new { topics = new[] { "seo", "trade:Legal" } }),

        // Projects board (ADR 28): members propose; the matrix's ids are members, not projects, so a project route
        // answers as for a project the caller cannot see (404); ProjectsTests checks who may do what on a real one.
        ["GET /community/projects"] = SignedIn(Page),
        ["GET /community/projects/new"] = SignedIn(Page),
        ["GET /community/projects/{id:guid}"] = new((role, _) => role == Role.Anonymous ? Expect.SignIn : "404"),
        ["GET /community/projects/{id:guid}/edit"] = new((role, _) => role == Role.Anonymous ? Expect.SignIn : "404"),
        ["GET /api/v1/community/projects"] = SignedIn(Api),
        ["POST /api/v1/community/projects"] = new((role, _) => role switch
        {
            Role.Anonymous => "401",
            Role.Member or Role.CompanyAdmin => Expect.Ok,
            _ => "404", // staff accounts without a membership propose nothing
        }, (_, _) => ProjectBody),
        ["GET /api/v1/community/projects/{id:guid}"] = NoProject(),
        ["PUT /api/v1/community/projects/{id:guid}"] = NoProject((_, _) => ProjectBody),
        ["POST /api/v1/community/projects/{id:guid}/close"] = NoProject(),
        ["POST /api/v1/community/projects/{id:guid}/interest"] = NoProject((_, _) => new { note = "Count me in" }),
        ["POST /api/v1/community/projects/{id:guid}/invite"] = NoProject(),
        ["POST /api/v1/community/projects/{id:guid}/accept"] = NoProject(),
        ["POST /api/v1/community/projects/{id:guid}/decline"] = NoProject(),
        ["POST /api/v1/community/projects/{id:guid}/introductions"] = NoProject(),

        // Moderation (ADR 30): the matrix's post ids are no post, so whoever may get that far is told 404.
        ["GET /community/report/{kind}/{id:guid}"] = new((role, _) => role == Role.Anonymous ? Expect.SignIn : "404"),
        ["POST /api/v1/community/reports"] = new((role, _) => role == Role.Anonymous ? "401" : "404",
            (_, _) => new { kind = "Question", postId = Guid.NewGuid(), reason = "Spam" }),
        ["GET /admin/community/moderation"] = AnyManager(Page),
        ["GET /api/v1/admin/community/moderation"] = AnyManager(Api),
        ["GET /api/v1/admin/community/moderation/{kind}/{id:guid}"] = NoPost(),
        ["POST /api/v1/admin/community/moderation/{kind}/{id:guid}/hide"] = NoPost((_, _) => new { reason = "Matrix reason" }),
        ["POST /api/v1/admin/community/moderation/{kind}/{id:guid}/unhide"] = NoPost(),
        ["POST /api/v1/admin/community/moderation/{kind}/{id:guid}/dismiss"] = NoPost(),

        // Back office.
        ["GET /admin"] = Staff(Page),
        ["GET /admin/network"] = NetworkAdmin(Page),
        ["GET /admin/locations"] = Staff(Page),
        ["GET /admin/locations/edit/{id:guid?}"] = Manage(Page),
        ["GET /admin/resources"] = Staff(Page),
        ["GET /admin/resources/edit/{id:guid?}"] = Manage(Page),
        ["GET /admin/members"] = Staff(Page),
        ["GET /admin/members/edit/{id:guid?}"] = Manage(Page),
        ["GET /admin/companies"] = Staff(Page),
        ["GET /admin/companies/edit/{id:guid?}"] = CompanyEditor(Page),

        // API.
        ["GET /api/v1/network"] = SignedIn(Api),
        ["PUT /api/v1/network"] = NetworkAdmin(Api, (w, _) => w.Network),
        ["GET /api/v1/locations"] = SignedIn(Api),
        ["GET /api/v1/locations/{id:guid}"] = Read(Api, PublicInfo),
        ["POST /api/v1/locations"] = NetworkAdmin(Api, (_, _) => TestData.Location("Matrix new", TestData.NewSlug("new"))),
        ["PUT /api/v1/locations/{id:guid}"] = Manage(Api, (_, _) => TestData.Location("Matrix renamed")),
        ["POST /api/v1/locations/{id:guid}/deactivate"] = NetworkAdmin(Api) with { FreshId = (w, _) => w.NewLocationAsync() },
        ["POST /api/v1/locations/{id:guid}/activate"] = NetworkAdmin(Api),
        ["GET /api/v1/resources"] = SignedIn(Api),
        ["GET /api/v1/resources/{id:guid}"] = Read(Api, PublicInfo),
        ["POST /api/v1/resources"] = Manage(Api, (w, s) => TestData.Room(MatrixWorld.Pick(w.Locations, s), $"Room {Guid.NewGuid():N}"), create: true),
        ["PUT /api/v1/resources/{id:guid}"] = Manage(Api, (w, s) => TestData.Room(MatrixWorld.Pick(w.Locations, s), "Matrix room")),
        ["POST /api/v1/resources/{id:guid}/deactivate"] = Manage(Api),
        ["POST /api/v1/resources/{id:guid}/activate"] = Manage(Api),
        ["GET /api/v1/members"] = SignedIn(Api),
        ["GET /api/v1/members/{id:guid}"] = Read(Api, CompanyPeople),
        ["POST /api/v1/members"] = Manage(Api, (w, s) => TestData.Member(MatrixWorld.Pick(w.Locations, s), TestApp.NewEmail("matrix-new")), create: true),
        ["PUT /api/v1/members/{id:guid}"] = Manage(Api, (w, s) => TestData.Member(MatrixWorld.Pick(w.Locations, s), TestApp.NewEmail("matrix-changed"))),
        ["POST /api/v1/members/{id:guid}/deactivate"] = Manage(Api),
        ["POST /api/v1/members/{id:guid}/activate"] = Manage(Api),
        ["GET /api/v1/companies"] = SignedIn(Api),
        ["GET /api/v1/companies/{id:guid}"] = new((role, scope) => role switch
        {
            Role.Anonymous => "401",
            Role.Member or Role.CompanyAdmin => CompanyPeople(role, scope), // a company admin sees their own company
            _ => Expect.Ok,
        }),
        ["POST /api/v1/companies"] = AnyManager(Api, (_, _) => TestData.Company(TestData.NewSiren())),
        ["PUT /api/v1/companies/{id:guid}"] = CompanyEditor(Api, (_, _) => TestData.Company(TestData.NewSiren())),
        ["POST /api/v1/companies/{id:guid}/deactivate"] = CompanyEditor(Api),
        ["POST /api/v1/companies/{id:guid}/activate"] = CompanyEditor(Api),
        // Account security: one's own password, two-factor, sessions and personal tokens.
        ["GET /account/sign-in/two-factor"] = Everyone(Expect.SignIn), // only between the password and the code
        ["GET /me/security"] = SignedIn(Page),
        ["GET /me/security/password"] = SignedIn(Page),
        ["GET /me/security/two-factor"] = SignedIn(Page),
        ["GET /me/tokens"] = SignedIn(Page),
        ["GET /api/v1/me/tokens"] = SignedIn(Api),
        ["POST /api/v1/me/tokens"] = new((role, _) => role == Role.Anonymous ? "401" : Expect.Ok, (_, _) => new { name = "Matrix token", scope = "Read", expiresInDays = 30 }),
        // The fresh token belongs to the Member role: nobody else may even see it.
        ["DELETE /api/v1/me/tokens/{id:guid}"] = new(
            (role, _) => role switch { Role.Anonymous => "401", Role.Member => Expect.Ok, _ => "404" },
            FreshId: (w, _) => w.NewTokenAsync(Role.Member)),
        // Audit log and exports.
        ["GET /admin/audit"] = NetworkAdmin(Page),
        ["GET /api/v1/audit"] = NetworkAdmin(Api),
        ["GET /admin/members/export.csv"] = Staff(Page),
        ["GET /api/v1/members/export.csv"] = Staff(Api),

        // One's own profile.
        ["GET /me/profile"] = SignedIn(Page),
        ["GET /api/v1/me/profile"] = SignedIn(Api),
        ["PUT /api/v1/me/profile"] = SignedIn(Api) with { Body = (_, _) => new { firstName = "Matrix", lastName = "Person", preferredCulture = "fr" } },

        // Location photos: public files, managed by the location's managers.
        ["GET /locations/{slug}/photos/{photoId:guid}"] = Everyone(Expect.Ok) with { FreshId = (w, s) => w.NewPhotoAsync(s) },
        ["GET /api/v1/locations/{id:guid}/photos"] = Read(Api, PublicInfo),
        ["POST /api/v1/locations/{id:guid}/photos"] = Manage(Api) with { Content = MatrixWorld.PhotoUpload },
        ["DELETE /api/v1/locations/{id:guid}/photos/{photoId:guid}"] = Manage(Api) with { FreshId = (w, s) => w.NewPhotoAsync(s) },
        // Resource photos: read like the resource, managed by its location's managers.
        ["GET /api/v1/resources/{id:guid}/photos"] = Read(Api, PublicInfo),
        ["POST /api/v1/resources/{id:guid}/photos"] = Manage(Api) with { Content = MatrixWorld.PhotoUpload },
        ["DELETE /api/v1/resources/{id:guid}/photos/{photoId:guid}"] = Manage(Api) with { FreshId = (w, s) => w.NewResourcePhotoAsync(s) },

        // Joining, invitations, password reset and the outbox.
        ["GET /account/forgot-password"] = Everyone(Expect.Ok),
        ["GET /account/reset-password"] = Everyone(Expect.Ok), // without a valid code the page says the link is not valid
        ["GET /account/confirm-email"] = Everyone("400"),
        // 202 whether or not the email has an account.
        ["POST /api/v1/auth/forgot-password"] = Everyone(Expect.Ok, (_, _) => new { email = "nobody@cotravail.test" }),
        ["GET /join/{slug}"] = Everyone(Expect.Ok),
        ["GET /join/accept"] = Everyone("404"), // no such invitation
        ["GET /me/company"] = new((role, _) => role switch
        {
            Role.Anonymous => Expect.SignIn,
            Role.CompanyAdmin => Expect.Ok,
            _ => Expect.Denied,
        }),
        ["GET /admin/join-requests"] = AnyManager(Page),
        ["GET /admin/invitations"] = AnyManager(Page),
        ["GET /api/v1/join-requests"] = AnyManager(Api),
        ["POST /api/v1/join-requests/{id:guid}/approve"] = Manage(Api) with { FreshId = (w, s) => w.NewJoinRequestAsync(s) },
        ["POST /api/v1/join-requests/{id:guid}/decline"] = Manage(Api) with { FreshId = (w, s) => w.NewJoinRequestAsync(s) },
        // Staff invite to their locations; a company admin invites to their company (at any location).
        ["POST /api/v1/invitations"] = new(
            (role, scope) => role switch
            {
                Role.Anonymous => "401",
                Role.Member or Role.Host => "403",
                Role.Manager when scope == Scope.Foreign => "403",
                _ => Expect.Ok,
            },
            (w, s) => new { email = TestApp.NewEmail("invited"), firstName = "Invitée", lastName = "Matrix", locationId = MatrixWorld.Pick(w.Locations, s), category = "Freelancer" },
            ScopedBody: true),
        ["GET /admin/outbox"] = NetworkAdmin(Page),
        ["GET /admin/operations"] = NetworkAdmin(Page),
        ["GET /admin/outbox/{id:guid}"] = NetworkAdmin(Page) with { FreshId = (w, _) => w.AnyOutboxMessageAsync() },

        // Calendar addresses: one's own, a resource's for its staff, and the feeds themselves (the token is the key).
        ["GET /me/calendar"] = SignedIn(Page),
        ["POST /api/v1/me/calendar-feed"] = SignedIn(Api),
        ["GET /api/v1/me/calendar-feeds"] = SignedIn(Api),
        ["DELETE /api/v1/me/calendar-feeds/{id:guid}"] = new(
            (role, _) => role switch { Role.Anonymous => "401", Role.Member => Expect.Ok, _ => "404" },
            FreshId: (w, _) => w.NewCalendarFeedAsync(Role.Member)),
        ["POST /api/v1/resources/{id:guid}/calendar-feed"] = Read(Api, (_, _) => "403"),
        ["GET /calendar/{token}.ics"] = Everyone(Expect.Ok),
        // Staff roles and network admins: network admins only. The grant gives the matrix admin (already
        // everything) the Host role at the own location, so no other role's rights change; only the admin's
        // one call gets that far.
        ["GET /admin/staff"] = NetworkAdmin(Page),
        ["GET /api/v1/staff"] = NetworkAdmin(Api),
        ["POST /api/v1/staff/roles"] = NetworkAdmin(Api, (w, _) => new { email = w.Emails[Role.NetworkAdmin], locationId = w.Locations.Own, role = "Host" }),
        ["DELETE /api/v1/staff/roles/{userId:guid}/{locationId:guid}"] = NetworkAdmin(Api) with { FreshId = (w, s) => w.NewHostAsync(s) },
        ["PUT /api/v1/staff/{userId:guid}/network-admin"] = NetworkAdmin(Api, (_, _) => new { isNetworkAdmin = true }) with { FreshId = (w, s) => w.NewHostAsync(s) },

        ["GET /api/v1/bookings"] = SignedIn(Api),
        // Availability is public information for anyone signed in; the price is the caller's (member or not).
        // Booking pages: any signed-in person searches, sees a location's day (busy cells carry no names) and their own bookings.
        ["GET /book"] = SignedIn(Page),
        ["GET /locations/{slug}/timeline"] = SignedIn(Page),
        ["GET /me/bookings"] = SignedIn(Page),
        // The change form of a booking: whoever may see it (others get 404, as from the API).
        ["GET /me/bookings/{id:guid}/change"] = new(
            (role, scope) => role == Role.Anonymous ? Expect.SignIn : OwnBooking(role, scope),
            FreshId: (w, s) => Task.FromResult(MatrixWorld.Pick(w.Bookings, s))),
        // A booking's page, its cancel step and its .ics: whoever may see it (others get 404, as from the API).
        ["GET /me/bookings/{id:guid}"] = new(
            (role, scope) => role == Role.Anonymous ? Expect.SignIn : OwnBooking(role, scope),
            FreshId: (w, s) => Task.FromResult(MatrixWorld.Pick(w.Bookings, s))),
        ["GET /me/bookings/{id:guid}/cancel"] = new(
            (role, scope) => role == Role.Anonymous ? Expect.SignIn : OwnBooking(role, scope),
            FreshId: (w, s) => Task.FromResult(MatrixWorld.Pick(w.Bookings, s))),
        ["GET /me/bookings/{id:guid}/booking.ics"] = new(
            (role, scope) => role == Role.Anonymous ? Expect.SignIn : OwnBooking(role, scope),
            FreshId: (w, s) => Task.FromResult(MatrixWorld.Pick(w.Bookings, s))),
        // Front desk: the printable check-in QR code of a resource (staff of its location), the page it leads to
        // (anyone signed in who can see the resource; it shows only the caller's own booking) and the day's arrivals (staff).
        ["GET /admin/resources/{id:guid}/qr"] = Read(Page, (_, _) => Expect.Denied),
        ["GET /check-in/{resourceId:guid}"] = Read(Page, PublicInfo),
        ["GET /admin/today"] = Staff(Page),
        // The community's health (counts only): staff; a location they do not work at is hidden.
        ["GET /admin/community"] = Staff(Page),
        ["GET /api/v1/admin/community/health"] = Read(Api, (_, _) => Expect.Forbidden(Api)) with { Query = (w, scope) => $"?locationId={MatrixWorld.Pick(w.Locations, scope)}" },
        // The operator's dashboard as JSON: staff; a location they do not work at is hidden.
        ["GET /api/v1/dashboard"] = Read(Api, (_, _) => Expect.Forbidden(Api)) with { Query = (w, scope) => $"?locationId={MatrixWorld.Pick(w.Locations, scope)}" },
        ["GET /api/v1/availability"] = SignedIn(Api) with { Query = (w, _) => { var (start, end) = w.NextSlot(); return $"?start={start}&end={end}&explain=true"; } },
        ["GET /api/v1/bookings/{id:guid}"] = new(OwnBooking),
        // The matrix's bookings start days ahead and are confirmed: whoever may act on them gets 409
        // (check-in not open yet, nothing pending to decide).
        ["POST /api/v1/bookings/{id:guid}/cancel-following"] = new((role, scope) => OwnBooking(role, scope) == Expect.Ok ? "409" : OwnBooking(role, scope)), // not a series
        ["POST /api/v1/bookings/series"] = BookingRule(),
        // The matrix's slots are free, so members are told to book instead of waiting (409).
        ["POST /api/v1/bookings/waitlist"] = BookingRule(free: "409"),
        // One's own waitlist; entries of others (here a fresh unknown id) are not found.
        ["GET /api/v1/me/waitlist"] = SignedIn(Api),
        ["POST /api/v1/waitlist/{id:guid}/accept"] = new((role, _) => role == Role.Anonymous ? "401" : "404", FreshId: (_, _) => Task.FromResult(Guid.NewGuid())),
        ["POST /api/v1/waitlist/{id:guid}/decline"] = new((role, _) => role == Role.Anonymous ? "401" : "404", FreshId: (_, _) => Task.FromResult(Guid.NewGuid())),
        ["DELETE /api/v1/waitlist/{id:guid}"] = new((role, _) => role == Role.Anonymous ? "401" : "404", FreshId: (_, _) => Task.FromResult(Guid.NewGuid())),
        ["GET /book/series"] = SignedIn(Page),
        ["POST /api/v1/bookings/series/preview"] = BookingRule(),
        ["POST /api/v1/bookings/{id:guid}/check-in"] = new((role, scope) => OwnBooking(role, scope) == Expect.Ok ? "409" : OwnBooking(role, scope)),
        ["POST /api/v1/bookings/{id:guid}/approve"] = new(Decision),
        ["POST /api/v1/bookings/{id:guid}/decline"] = new(Decision),
        ["POST /api/v1/bookings/{id:guid}/cancel"] = new(OwnBooking, FreshId: (w, s) => w.NewBookingAsync(s)),
        // Attendees are invited and removed by whoever sees the booking (its member, the location's staff, admins).
        ["POST /api/v1/bookings/{id:guid}/attendees"] = new(OwnBooking, Body: (_, _) => new { email = $"guest-{Guid.NewGuid():N}@example.test", name = "Matrix guest" }),
        ["DELETE /api/v1/bookings/{id:guid}/attendees/{attendeeId:guid}"] = new(OwnBooking, FreshId: (w, s) => w.NewAttendeeAsync(s)),
        ["POST /api/v1/bookings"] = BookingRule(),

        // Assignments of desks and offices: managers of the location assign and end them; staff read their
        // locations', members their own, company admins their company's (the list filters, never refuses).
        ["GET /admin/assignments"] = Staff(Page),
        ["GET /api/v1/assignments"] = SignedIn(Api),
        ["POST /api/v1/assignments"] = Manage(Api, (w, s) => w.NextAssignment(s), create: true),
        ["POST /api/v1/assignments/{id:guid}/end"] = Manage(Api) with { FreshId = (w, s) => w.NewAssignmentAsync(s) },
        // Invoices: the location's managers draft, issue, credit and record payments; staff read their
        // locations'; a member reads their own issued invoices, a company admin the company's.
        ["GET /api/v1/invoices"] = SignedIn(Api),
        ["GET /api/v1/invoices/{id:guid}"] = Read(Api, (role, scope) => role == Role.Member && scope == Scope.Own ? Expect.Ok : "404")
            with { FreshId = (w, s) => w.NewInvoiceAsync(s, issued: true) },
        ["GET /api/v1/invoices/{id:guid}/pdf"] = Read(Api, (role, scope) => role == Role.Member && scope == Scope.Own ? Expect.Ok : "404")
            with { FreshId = (w, s) => w.NewInvoiceAsync(s, issued: true) },
        ["POST /api/v1/invoices"] = Manage(Api, (w, s) => w.InvoiceDraft(s), create: true),
        ["PUT /api/v1/invoices/{id:guid}"] = Manage(Api, (w, s) => w.InvoiceDraft(s)) with { FreshId = (w, s) => w.NewInvoiceAsync(s, issued: false) },
        ["DELETE /api/v1/invoices/{id:guid}"] = Manage(Api) with { FreshId = (w, s) => w.NewInvoiceAsync(s, issued: false) },
        ["POST /api/v1/invoices/{id:guid}/issue"] = Manage(Api) with { FreshId = (w, s) => w.NewInvoiceAsync(s, issued: false) },
        ["POST /api/v1/invoices/{id:guid}/credit-notes"] = Manage(Api) with { FreshId = (w, s) => w.NewInvoiceAsync(s, issued: true) },
        ["POST /api/v1/invoices/{id:guid}/payments"] = Manage(Api, (_, _) => new { amount = 1, method = "Cash" }) with { FreshId = (w, s) => w.NewInvoiceAsync(s, issued: true) },
        // Subscriptions: managers of the location subscribe, pause and change plans; the holder and staff cancel
        // (a host reads only); a member buys for themselves (the matrix member has no postal address, so the
        // invoice is refused with 400; a company admin's company pays, billed by the run; staff hold nothing).
        ["GET /api/v1/subscriptions"] = SignedIn(Api),
        ["GET /api/v1/subscriptions/{id:guid}"] = Read(Api, (role, scope) => role == Role.Member && scope == Scope.Own ? Expect.Ok : "404")
            with { FreshId = (w, s) => w.NewPlanAsync(s) },
        ["POST /api/v1/subscriptions"] = Manage(Api, (w, s) => w.SubscriptionBody(s), create: true),
        ["POST /api/v1/subscriptions/{id:guid}/cancel"] = new((role, scope) => role switch
        {
            Role.Anonymous => "401",
            Role.Member => scope == Scope.Own ? Expect.Ok : "404",
            Role.CompanyAdmin => "404",
            Role.Host => scope == Scope.Own ? "403" : "404",
            Role.Manager => scope == Scope.Own ? Expect.Ok : "404",
            _ => Expect.Ok,
        }, (_, _) => new { }, FreshId: (w, s) => w.NewPlanAsync(s)),
        ["POST /api/v1/subscriptions/{id:guid}/pause"] = Manage(Api, (w, _) => w.PauseBody()) with { FreshId = (w, s) => w.NewPlanAsync(s) },
        ["POST /api/v1/subscriptions/{id:guid}/change"] = Manage(Api, (w, s) => new { offerId = MatrixWorld.Pick(w.PlanOffers, s) }) with { FreshId = (w, s) => w.NewPlanAsync(s) },
        ["POST /api/v1/offers/{id:guid}/buy"] = new((role, _) => role switch
        {
            Role.Anonymous => "401",
            Role.Member => "400",
            Role.CompanyAdmin => Expect.Ok, // a location's pass is sold to members of other spaces too (visitors of the network)
            _ => "403",
        }, (_, _) => new { }),
        // Their pages: a member buys from the catalogue (staff without a membership are sent to the denied page) and
        // follows what they hold; staff list their locations' subscriptions, managers act on them, hosts read.
        ["GET /offers/{id:guid}/buy"] = new((role, _) => role switch
        {
            Role.Anonymous => Expect.SignIn,
            Role.Member or Role.CompanyAdmin => Expect.Ok,
            _ => Expect.Denied,
        }),
        ["GET /me/subscriptions"] = SignedIn(Page),
        ["GET /admin/subscriptions"] = Staff(Page),
        ["GET /admin/subscriptions/{id:guid}"] = Read(Page, (_, _) => Expect.Denied) with { FreshId = (w, s) => w.NewPlanAsync(s) },
        ["GET /api/v1/billing/chain"] = AnyManager(Api),
        ["GET /api/v1/billing/turnover"] = AnyManager(Api) with { Query = (_, _) => "?from=2026-01-01&to=2026-12-31" },
        ["GET /api/v1/billing/turnover.csv"] = AnyManager(Api) with { Query = (_, _) => "?from=2026-01-01&to=2026-12-31" },
        ["GET /api/v1/billing/terms"] = AnyManager(Api),
        ["PUT /api/v1/billing/terms"] = new((role, _) => role switch
        {
            Role.Anonymous => "401",
            Role.NetworkAdmin => Expect.Ok,
            _ => "403",
        }, (_, _) => new { paymentDays = 30, latePenaltyPercent = 12.15 }),
        // Charges and billing runs: a location's managers add charges at the desk; billing runs bill the network
        // (the seller), so only network admins start, follow, resume and issue them. The matrix bills months of the
        // far past, where there is nothing to bill, so its runs touch no other test's charges.
        ["POST /api/v1/charges"] = Manage(Api, (w, s) => w.ChargeBody(s), create: true),
        ["GET /api/v1/charges"] = Staff(Api),
        ["GET /api/v1/billing/runs"] = NetworkAdmin(Api),
        ["GET /api/v1/billing/runs/{id:guid}"] = NetworkAdmin(Api) with { FreshId = (w, _) => w.NewRunAsync() },
        ["POST /api/v1/billing/runs"] = NetworkAdmin(Api, (w, _) => new { period = w.NextRunPeriod() }),
        ["POST /api/v1/billing/runs/{id:guid}/resume"] = NetworkAdmin(Api) with { FreshId = (w, _) => w.NewRunAsync() },
        ["POST /api/v1/billing/runs/{id:guid}/issue"] = NetworkAdmin(Api) with { FreshId = (w, _) => w.NewRunAsync() },
        // The offer catalogue: public to read (the page and, for anyone signed in, the API); each location's managers
        // change its offers, network admins every offer. Deactivating takes a fresh offer, so the matrix's stay active.
        ["GET /offers"] = Everyone(Expect.Ok),
        ["GET /admin/offers"] = AnyManager(Page),
        ["GET /admin/offers/edit/{id:guid?}"] = OfferEditor(Page),
        ["GET /admin/offers/grants"] = AnyManager(Page),
        ["GET /api/v1/offers"] = SignedIn(Api),
        ["GET /api/v1/offers/{id:guid}"] = SignedIn(Api),
        ["GET /api/v1/offers/{id:guid}/price"] = SignedIn(Api), // the caller's own price: staff without a membership get the full price
        ["POST /api/v1/offers"] = Manage(Api, (w, s) => w.NextOffer(s), create: true),
        ["PUT /api/v1/offers/{id:guid}"] = OfferEditor(Api, (w, s) => w.NextOffer(s)),
        ["POST /api/v1/offers/{id:guid}/activate"] = OfferEditor(Api),
        ["POST /api/v1/offers/{id:guid}/deactivate"] = OfferEditor(Api) with { FreshId = (w, s) => w.NewOfferAsync(s) },
        // Reduced-rate grants: managers of the member's home location and admins; a member reads their own (the matrix's
        // own member is not the Member role's record, but is in the company admin's company and at the host's location:
        // visible to them, their grants are not).
        ["GET /api/v1/members/{id:guid}/reduced-rates"] = new((role, scope) => role switch
        {
            Role.Anonymous => "401",
            Role.Member => "404",
            Role.CompanyAdmin or Role.Host => scope == Scope.Own ? "403" : "404",
            Role.Manager when scope == Scope.Foreign => "404",
            _ => Expect.Ok,
        }),
        ["POST /api/v1/members/{id:guid}/reduced-rates"] = Manage(Api, (w, _) => w.NextGrant()),
        ["POST /api/v1/members/{id:guid}/reduced-rates/{grantId:guid}/revoke"] = Manage(Api) with { FreshId = (w, s) => w.NewGrantAsync(s) },
        // Their pages: staff read their locations' (members are sent to the denied page), managers draft and act;
        // a member downloads their own PDFs from /me/invoices, anyone else's is not found.
        ["GET /admin/invoices"] = Staff(Page),
        ["GET /admin/invoices/new"] = AnyManager(Page),
        ["GET /admin/invoices/{id:guid}/edit"] = Manage(Page) with { FreshId = (w, s) => w.NewInvoiceAsync(s, issued: false) },
        ["GET /admin/invoices/{id:guid}"] = Read(Page, (_, _) => Expect.Denied) with { FreshId = (w, s) => w.NewInvoiceAsync(s, issued: true) },
        ["GET /admin/invoices/{id:guid}/pdf"] = Read(Page, (_, _) => Expect.Denied) with { FreshId = (w, s) => w.NewInvoiceAsync(s, issued: true) },
        ["GET /admin/billing/chain"] = AnyManager(Page),
        // The billing area's other pages, as their API: staff read their locations' charges and managers add them;
        // managers read the invoicing terms (network admins change them); billing runs are the network admins'.
        ["GET /admin/charges"] = Staff(Page),
        ["GET /admin/charges/new"] = AnyManager(Page),
        ["GET /admin/billing/terms"] = AnyManager(Page),
        ["GET /admin/billing/runs"] = NetworkAdmin(Page),
        ["GET /admin/billing/runs/{id:guid}"] = NetworkAdmin(Page) with { FreshId = (w, _) => w.NewRunAsync() },
        ["GET /me/invoices"] = SignedIn(Page),
        ["GET /me/invoices/{id:guid}/pdf"] = Read(Page, (role, scope) => role == Role.Member && scope == Scope.Own ? Expect.Ok : "404")
            with { FreshId = (w, s) => w.NewInvoiceAsync(s, issued: true) },
        // Changing a booking: whoever may see it (its member, booker, company admin, its location's staff).
        ["PATCH /api/v1/bookings/{id:guid}"] = new(OwnBooking, (_, _) => new { title = "Matrix changed" }),
        ["PATCH /api/v1/bookings/{id:guid}/following"] = new(
            (role, scope) => OwnBooking(role, scope) == Expect.Ok ? "409" : OwnBooking(role, scope), (_, _) => new { startTime = "10:00" }), // not a series
    };

    /// Members book anywhere in the network (a fresh slot, one weekly occurrence for series); staff and
    /// admins without a member record are refused by field (they book on a member's behalf).
    private static RouteRule BookingRule(string free = Expect.Ok) => new(
        (role, _) => role switch
        {
            Role.Anonymous => "401",
            Role.Member or Role.CompanyAdmin => free,
            _ => "400",
        },
        (w, s) =>
        {
            var (start, end) = w.NextSlot();
            return new { resourceId = MatrixWorld.Pick(w.Resources, s), start, end, frequency = "Weekly", count = 1 };
        },
        ScopedBody: true);

    /// Deciding a request: managers of its location and admins.
    private static string Decision(Role role, Scope scope) => role switch
    {
        Role.Anonymous => "401",
        Role.Member or Role.CompanyAdmin or Role.Host => "403",
        Role.Manager when scope == Scope.Foreign => "404",
        _ => "409",
    };

    /// A booking is seen by its member (the own booking is the Member role's), its location's staff and admins.
    private static string OwnBooking(Role role, Scope scope) => role switch
    {
        Role.Anonymous => "401",
        Role.NetworkAdmin => Expect.Ok,
        Role.Member or Role.Host or Role.Manager when scope == Scope.Own => Expect.Ok,
        _ => "404",
    };
}

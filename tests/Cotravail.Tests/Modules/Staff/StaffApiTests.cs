using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cotravail.Common.Audit;
using Cotravail.Common.Auth;
using Cotravail.Modules.Demo;
using Cotravail.Modules.Members;
using Cotravail.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Tests.Modules.Staff;

/// Network admins give and remove staff roles and network admin through /api/v1/staff.
public abstract class StaffApiTests(TestApp app)
{
    [Fact]
    public async Task A_granted_manager_role_lets_the_account_manage_the_location_until_it_is_removed()
    {
        var (admin, locationId, slug) = await AdminWithLocationAsync("Staff Grant");
        var email = TestApp.NewEmail("future-manager");
        var user = await app.CreateUserAsync(email);
        using var api = await app.ClientForAsync(email);
        using var browser = await app.BrowserClientAsync(email);
        var change = TestData.Location("Staff Grant", slug);

        using (var before = await api.PutAsJsonAsync($"/api/v1/locations/{locationId}", change))
        {
            before.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }
        using (var granted = await admin.PostAsJsonAsync("/api/v1/staff/roles", new { email = email.ToUpperInvariant(), locationId, role = "Manager" }))
        {
            granted.StatusCode.ShouldBe(HttpStatusCode.Created);
            var staff = await granted.Content.ReadFromJsonAsync<JsonElement>();
            staff.GetProperty("userId").GetGuid().ShouldBe(user.Id);
            staff.GetProperty("roles")[0].GetProperty("role").GetString().ShouldBe("Manager");
        }
        using (var managed = await api.PutAsJsonAsync($"/api/v1/locations/{locationId}", change))
        {
            managed.StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        (await browser.GetAsync($"/admin/locations/edit/{locationId}")).StatusCode.ShouldBe(HttpStatusCode.OK);

        using (var removed = await admin.DeleteAsync($"/api/v1/staff/roles/{user.Id}/{locationId}"))
        {
            removed.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        }
        using var after = await api.PutAsJsonAsync($"/api/v1/locations/{locationId}", change);
        app.Clock.Advance(AuthModule.SessionCheckInterval + TimeSpan.FromSeconds(1));
        using var page = await browser.GetAsync($"/admin/locations/edit/{locationId}");

        after.StatusCode.ShouldBe(HttpStatusCode.Unauthorized, "the renewed security stamp ends the tokens issued before the removal");
        using var anonymous = app.AnonymousClient();
        using var issued = await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { email, password = DemoAccounts.Password });
        using var fresh = app.AnonymousClient();
        fresh.DefaultRequestHeaders.Authorization = new("Bearer", (await issued.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString());
        using var refused = await fresh.PutAsJsonAsync($"/api/v1/locations/{locationId}", change);
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden, "roles are read from the database on every request");
        page.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        page.Headers.Location!.OriginalString.ShouldContain("/account/sign-in", customMessage: "the renewed security stamp ends the session");
        var details = await AuditDetailsAsync(user.Id);
        details.ShouldContain((AuditActions.RoleGranted, "Manager at Staff Grant"));
        details.ShouldContain((AuditActions.RoleRevoked, "Manager at Staff Grant"));
        details.ShouldAllBe(d => !d.Detail.Contains('@'), "no personal data in the audit detail");
    }

    [Fact]
    public async Task A_host_becomes_manager_by_a_second_grant_and_the_same_grant_again_conflicts()
    {
        var (admin, locationId, _) = await AdminWithLocationAsync("Staff Change");
        var email = TestApp.NewEmail("host");
        var user = await app.CreateUserAsync(email);

        using var host = await admin.PostAsJsonAsync("/api/v1/staff/roles", new { userId = user.Id, locationId, role = "Host" });
        using var manager = await admin.PostAsJsonAsync("/api/v1/staff/roles", new { email, locationId, role = "Manager" });
        using var again = await admin.PostAsJsonAsync("/api/v1/staff/roles", new { email, locationId, role = "Manager" });

        host.StatusCode.ShouldBe(HttpStatusCode.Created);
        manager.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await manager.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("roles").EnumerateArray()
            .Select(r => r.GetProperty("role").GetString()).ShouldBe(["Manager"]);
        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("role", out _).ShouldBeTrue();
        var list = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/staff?search={Uri.EscapeDataString(email[..20])}");
        var row = list.GetProperty("items").EnumerateArray().Single();
        row.GetProperty("email").GetString().ShouldBe(email);
        row.GetProperty("roles")[0].GetProperty("locationName").GetString().ShouldBe("Staff Change");
    }

    [Fact]
    public async Task A_grant_to_an_unknown_email_or_location_answers_400_naming_the_field()
    {
        var (admin, locationId, _) = await AdminWithLocationAsync("Staff Unknown");
        var known = TestApp.NewEmail("known");
        await app.CreateUserAsync(known);

        using var unknownEmail = await admin.PostAsJsonAsync("/api/v1/staff/roles", new { email = TestApp.NewEmail("nobody"), locationId, role = "Host" });
        using var unknownLocation = await admin.PostAsJsonAsync("/api/v1/staff/roles", new { email = known, locationId = Guid.CreateVersion7(), role = "Host" });
        using var noRole = await admin.PostAsJsonAsync("/api/v1/staff/roles", new { email = known, locationId });

        unknownEmail.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await unknownEmail.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("email", out _).ShouldBeTrue();
        unknownLocation.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await unknownLocation.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("locationId", out _).ShouldBeTrue();
        noRole.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await noRole.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("role", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task A_member_email_finds_the_members_linked_account()
    {
        var (admin, locationId, _) = await AdminWithLocationAsync("Staff Member");
        var user = await app.CreateUserAsync(TestApp.NewEmail("account"));
        var memberEmail = TestApp.NewEmail("membership");
        await app.WithDbAsync(async db =>
        {
            var member = new Member("Léa", "Staff", memberEmail, MemberCategory.Freelancer, locationId);
            member.LinkAccount(user.Id);
            db.Members.Add(member);
            await db.SaveChangesAsync();
        });

        using var granted = await admin.PostAsJsonAsync("/api/v1/staff/roles", new { email = memberEmail, locationId, role = "Host" });

        granted.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await granted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("userId").GetGuid().ShouldBe(user.Id);
    }

    [Fact]
    public async Task Network_admin_is_granted_and_removed_with_an_audit_entry_and_the_session_ends()
    {
        var (admin, _, _) = await AdminWithLocationAsync("Staff Admin");
        var email = TestApp.NewEmail("future-admin");
        var user = await app.CreateUserAsync(email);

        using (var granted = await admin.PutAsJsonAsync($"/api/v1/staff/{user.Id}/network-admin", new { isNetworkAdmin = true }))
        {
            granted.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await granted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("isNetworkAdmin").GetBoolean().ShouldBeTrue();
        }
        using var browser = await app.BrowserClientAsync(email);
        (await browser.GetAsync("/admin/staff")).StatusCode.ShouldBe(HttpStatusCode.OK);
        using (var removed = await admin.PutAsJsonAsync($"/api/v1/staff/{user.Id}/network-admin", new { isNetworkAdmin = false }))
        {
            removed.StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        using var api = await app.ClientForAsync(email);
        using var call = await api.GetAsync("/api/v1/staff");
        app.Clock.Advance(AuthModule.SessionCheckInterval + TimeSpan.FromSeconds(1));
        using var page = await browser.GetAsync("/admin/staff");

        call.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        page.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        page.Headers.Location!.OriginalString.ShouldContain("/account/sign-in");
        var details = await AuditDetailsAsync(user.Id);
        details.ShouldContain((AuditActions.RoleGranted, "Network admin"));
        details.ShouldContain((AuditActions.RoleRevoked, "Network admin"));
    }

    [Fact]
    public async Task The_last_active_network_admin_cannot_be_removed()
    {
        var email = TestApp.NewEmail("last-admin");
        var me = await app.CreateUserAsync(email, networkAdmin: true);
        using var api = await app.ClientForAsync(email);
        using var browser = await app.BrowserClientAsync(email);
        // The tests of a collection run one at a time: the other admins are set inactive for this test only.
        var others = await app.WithDbAsync(db => db.Users.Where(u => u.IsNetworkAdmin && u.IsActive && u.Id != me.Id).Select(u => u.Id).ToListAsync());
        try
        {
            await app.WithDbAsync(db => db.Users.Where(u => others.Contains(u.Id)).ExecuteUpdateAsync(u => u.SetProperty(x => x.IsActive, false)));

            using var refused = await api.PutAsJsonAsync($"/api/v1/staff/{me.Id}/network-admin", new { isNetworkAdmin = false });
            using var form = await TestApp.PostFormAsync(browser, "/admin/staff?handler=NetworkAdmin",
                new Dictionary<string, string> { ["userId"] = me.Id.ToString(), ["isNetworkAdmin"] = "false" }, "/admin/staff");

            refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
            (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("isNetworkAdmin", out _).ShouldBeTrue();
            form.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await TestApp.ParseAsync(form)).Doc.QuerySelector(".validation-summary-errors")!.TextContent
                .ShouldContain("Le réseau a besoin d'au moins un administrateur actif.");
            (await app.WithDbAsync(db => db.Users.SingleAsync(u => u.Id == me.Id))).IsNetworkAdmin.ShouldBeTrue();
        }
        finally
        {
            await app.WithDbAsync(db => db.Users.Where(u => others.Contains(u.Id)).ExecuteUpdateAsync(u => u.SetProperty(x => x.IsActive, true)));
        }
    }

    [Fact]
    public async Task Only_network_admins_reach_the_staff_routes()
    {
        var (admin, locationId, _) = await AdminWithLocationAsync("Staff Denied");
        var target = await app.CreateUserAsync(TestApp.NewEmail("target"));
        using var manager = await app.ClientForAsync(DemoAccounts.LyonManager); // a demo manager
        using var managerBrowser = await app.BrowserClientAsync(DemoAccounts.LyonManager);
        using var member = await app.ClientForAsync(DemoAccounts.Member); // the demo member

        foreach (var client in new[] { manager, member })
        {
            (await client.GetAsync("/api/v1/staff")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            (await client.PostAsJsonAsync("/api/v1/staff/roles", new { userId = target.Id, locationId, role = "Manager" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            (await client.DeleteAsync($"/api/v1/staff/roles/{target.Id}/{locationId}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            (await client.PutAsJsonAsync($"/api/v1/staff/{target.Id}/network-admin", new { isNetworkAdmin = true })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }
        using var page = await managerBrowser.GetAsync("/admin/staff");
        page.Headers.Location!.OriginalString.ShouldContain("/account/denied");
        (await app.WithDbAsync(db => db.StaffAssignments.AnyAsync(s => s.UserId == target.Id))).ShouldBeFalse();
        (await admin.GetAsync("/api/v1/staff")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private async Task<(HttpClient Admin, Guid LocationId, string Slug)> AdminWithLocationAsync(string locationName)
    {
        var email = TestApp.NewEmail("staff-admin");
        await app.CreateUserAsync(email, networkAdmin: true);
        var admin = await app.ClientForAsync(email);
        var slug = TestData.NewSlug("staff");
        using var created = await admin.PostAsJsonAsync("/api/v1/locations", TestData.Location(locationName, slug));
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        return (admin, (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid(), slug);
    }

    private Task<List<(string Action, string Detail)>> AuditDetailsAsync(Guid userId) =>
        app.WithDbAsync(async db => (await db.Set<AuditEntry>().Where(a => a.TargetId == userId).Select(a => new { a.Action, a.Detail }).ToListAsync())
            .Select(a => (a.Action, a.Detail ?? "")).ToList());
}

[Collection(SqliteCollection.Name)]
public sealed class StaffApiTests_Sqlite(SqliteTestApp app) : StaffApiTests(app);

[Collection(PostgresCollection.Name)]
public sealed class StaffApiTests_Postgres(PostgresTestApp app) : StaffApiTests(app);

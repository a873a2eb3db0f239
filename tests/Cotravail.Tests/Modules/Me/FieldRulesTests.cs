using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cotravail.Modules.Demo;
using Cotravail.Modules.Members;
using Cotravail.Tests.Infrastructure;
using Cotravail.Tests.Modules.Locations;
using Microsoft.EntityFrameworkCore;
using Cotravail.Modules.Companies;
using Cotravail.Modules.Locations;

namespace Cotravail.Tests.Modules.Me;

/// Mass assignment (ASVS V8.2.3): fields a caller may not set are ignored wherever they are sent.
public abstract class FieldRulesTests(TestApp app)
{
    private sealed record Snapshot(Guid Id, string Email, Guid HomeLocationId, Guid? CompanyId, bool BilledToCompany, bool IsCompanyAdmin,
        bool IsActive, DateTime CreatedAt, MemberCategory Category, bool IsNetworkAdmin, int StaffRoles);

    /// A signed-in member of Paris who belongs to no company.
    private async Task<(string Email, Guid MemberId)> NewMemberAccountAsync()
    {
        var email = TestApp.NewEmail("self");
        var user = await app.CreateUserAsync(email);
        var memberId = await app.WithDbAsync(async db =>
        {
            var paris = await db.Locations.Where(l => l.Slug == DemoAccounts.ParisSlug).Select(l => l.Id).FirstAsync();
            var member = new Member("Camille", "Avant", email, MemberCategory.Freelancer, paris) { CreatedAt = new DateTime(2026, 1, 2, 0, 0, 0, DateTimeKind.Utc) };
            member.LinkAccount(user.Id);
            db.Members.Add(member);
            await db.SaveChangesAsync();
            return member.Id;
        });
        return (email, memberId);
    }

    private Task<Snapshot> SnapshotAsync(Guid memberId) => app.WithDbAsync(async db =>
    {
        var m = await db.Members.AsNoTracking().FirstAsync(x => x.Id == memberId);
        var user = await db.Users.AsNoTracking().FirstAsync(u => u.Id == m.UserId);
        var roles = await db.StaffAssignments.CountAsync(s => s.UserId == user.Id);
        return new Snapshot(m.Id, m.Email, m.HomeLocationId, m.CompanyId, m.BilledToCompany, m.IsCompanyAdmin, m.IsActive, m.CreatedAt, m.Category, user.IsNetworkAdmin, roles);
    });

    private async Task<(Guid Lyon, Guid Company)> OtherIdsAsync() => await app.WithDbAsync(async db => (
        await db.Locations.Where(l => l.Slug == DemoAccounts.LyonSlug).Select(l => l.Id).FirstAsync(),
        await db.Companies.Select(c => c.Id).FirstAsync()));

    [Fact]
    public async Task A_member_changes_their_profile_but_extra_fields_change_nothing()
    {
        var (email, memberId) = await NewMemberAccountAsync();
        var before = await SnapshotAsync(memberId);
        var (lyon, company) = await OtherIdsAsync();
        var client = await app.ClientForAsync(email);

        using var response = await client.PutAsJsonAsync("/api/v1/me/profile", new
        {
            firstName = "Camille",
            lastName = "Après",
            phone = "+33 6 00 00 00 01",
            preferredLanguage = "en",
            role = "Manager",
            isNetworkAdmin = true,
            locationId = lyon,
            homeLocationId = lyon,
            companyId = company,
            isCompanyAdmin = true,
            billedToCompany = true,
            id = Guid.CreateVersion7(),
            createdAt = "2001-01-01T00:00:00Z",
            email = "someone.else@example.com",
            isActive = false,
            category = "Student",
            approved = true,
        });

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var profile = await response.Content.ReadFromJsonAsync<JsonElement>();
        profile.GetProperty("lastName").GetString().ShouldBe("Après");
        profile.GetProperty("preferredLanguage").GetString().ShouldBe("en");
        (await SnapshotAsync(memberId)).ShouldBe(before);
        var member = await app.WithDbAsync(db => db.Members.AsNoTracking().FirstAsync(m => m.Id == memberId));
        (member.LastName, member.Phone).ShouldBe(("Après", "+33 6 00 00 00 01"));
    }

    [Fact]
    public async Task The_profile_form_binds_only_the_profile_fields()
    {
        var (email, memberId) = await NewMemberAccountAsync();
        var before = await SnapshotAsync(memberId);
        var (lyon, company) = await OtherIdsAsync();
        using var browser = await app.BrowserClientAsync(email);

        using var response = await TestApp.PostFormAsync(browser, "/me/profile", new Dictionary<string, string>
        {
            ["Input.FirstName"] = "Camille",
            ["Input.LastName"] = "Formulaire",
            ["Input.PreferredLanguage"] = "fr",
            ["Input.CompanyId"] = company.ToString(),
            ["Input.IsCompanyAdmin"] = "true",
            ["Input.BilledToCompany"] = "true",
            ["Input.HomeLocationId"] = lyon.ToString(),
            ["Input.Email"] = "other@example.com",
            ["Input.IsNetworkAdmin"] = "true",
            ["IsNetworkAdmin"] = "true",
            ["IsMember"] = "false",
            ["Email"] = "other@example.com",
            ["Input.Role"] = "Manager",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await SnapshotAsync(memberId)).ShouldBe(before);
        var (_, doc) = await TestApp.GetHtmlAsync(browser, "/me/profile");
        doc.QuerySelector("#Input_LastName")!.GetAttribute("value").ShouldBe("Formulaire");
        doc.QuerySelector("p.notice")!.TextContent.ShouldNotBeEmpty();
    }

    [Fact]
    public async Task A_bad_profile_is_refused_with_the_fields_named_and_the_form_keeps_what_was_typed()
    {
        var (email, _) = await NewMemberAccountAsync();
        var client = await app.ClientForAsync(email);
        using var response = await client.PutAsJsonAsync("/api/v1/me/profile", new { firstName = "", lastName = new string('x', 101), preferredLanguage = "de" });
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        errors.TryGetProperty("firstName", out _).ShouldBeTrue();
        errors.TryGetProperty("lastName", out _).ShouldBeTrue();
        errors.TryGetProperty("preferredLanguage", out _).ShouldBeTrue();

        using var browser = await app.BrowserClientAsync(email);
        using var page = await TestApp.PostFormAsync(browser, "/me/profile", new Dictionary<string, string> { ["Input.FirstName"] = "Typed", ["Input.LastName"] = "", ["Input.Phone"] = "abc" });
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        var (_, doc) = await TestApp.ParseAsync(page);
        doc.QuerySelector("#Input_FirstName")!.GetAttribute("value").ShouldBe("Typed");
        doc.QuerySelector("#Input_Phone")!.GetAttribute("value").ShouldBe("abc");
        doc.QuerySelector("#Input_LastName-error")!.TextContent.ShouldNotBeEmpty();
    }

    [Fact]
    public async Task A_member_cannot_change_their_own_member_record_through_the_staff_api()
    {
        var (email, memberId) = await NewMemberAccountAsync();
        var before = await SnapshotAsync(memberId);
        var (lyon, company) = await OtherIdsAsync();
        var client = await app.ClientForAsync(email);
        using var response = await client.PutAsJsonAsync($"/api/v1/members/{memberId}", new
        {
            firstName = "Camille",
            lastName = "Pirate",
            email,
            category = "Freelancer",
            homeLocationId = before.HomeLocationId,
            companyId = company,
            isCompanyAdmin = true,
            billedToCompany = true,
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await client.PostAsync($"/api/v1/members/{memberId}/deactivate", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await client.PutAsJsonAsync($"/api/v1/members/{memberId}", new { firstName = "C", lastName = "P", email, category = "Freelancer", homeLocationId = lyon }))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await SnapshotAsync(memberId)).ShouldBe(before);
        (await app.WithDbAsync(db => db.Members.Where(m => m.Id == memberId).Select(m => m.LastName).FirstAsync())).ShouldBe("Avant");
    }

    [Fact]
    public async Task Ids_status_and_dates_sent_to_staff_endpoints_are_ignored()
    {
        var admin = await app.ClientForAsync(DemoAccounts.NetworkAdmin);
        var paris = await LocationsApiTests.LocationIdAsync(admin, DemoAccounts.ParisSlug);
        var email = TestApp.NewEmail("extra");
        var forged = Guid.CreateVersion7();
        using var created = await admin.PostAsJsonAsync("/api/v1/members", new
        {
            id = forged,
            firstName = "Ed",
            lastName = "Extra",
            email,
            category = "Freelancer",
            homeLocationId = paris,
            isActive = false,
            userId = Guid.CreateVersion7(),
            createdAt = "2001-01-01T00:00:00Z",
            hasAccount = true,
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var member = await created.Content.ReadFromJsonAsync<JsonElement>();
        member.GetProperty("id").GetGuid().ShouldNotBe(forged);
        member.GetProperty("isActive").GetBoolean().ShouldBeTrue();
        member.GetProperty("hasAccount").GetBoolean().ShouldBeFalse();
        var stored = await app.WithDbAsync(db => db.Members.AsNoTracking().FirstAsync(m => m.Email == email));
        stored.CreatedAt.Year.ShouldNotBe(2001);

        var before = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/locations/{paris}");
        var body = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(before.GetRawText())!;
        body["id"] = JsonSerializer.SerializeToElement(Guid.CreateVersion7());
        body["isActive"] = JsonSerializer.SerializeToElement(false);
        body["createdAt"] = JsonSerializer.SerializeToElement("2001-01-01T00:00:00Z");
        using var location = await admin.PutAsJsonAsync($"/api/v1/locations/{paris}", body);
        location.StatusCode.ShouldBe(HttpStatusCode.OK, await location.Content.ReadAsStringAsync());
        var after = await location.Content.ReadFromJsonAsync<JsonElement>();
        after.GetProperty("id").GetGuid().ShouldBe(paris);
        after.GetProperty("isActive").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task A_company_admin_sees_only_their_company_members()
    {
        var companyAdmin = await app.ClientForAsync(DemoAccounts.CompanyAdmin);
        var own = await app.WithDbAsync(db => db.Members.Where(m => m.Email == DemoAccounts.CompanyAdmin).Select(m => m.CompanyId).FirstAsync());
        own.ShouldNotBeNull();
        var page = await companyAdmin.GetFromJsonAsync<JsonElement>("/api/v1/members?pageSize=100");
        var items = page.GetProperty("items").EnumerateArray().ToList();
        items.Count.ShouldBeGreaterThan(1);
        items.ShouldAllBe(m => m.GetProperty("companyId").ValueKind == JsonValueKind.String && m.GetProperty("companyId").GetGuid() == own);

        var outsider = await app.WithDbAsync(db => db.Members.Where(m => m.CompanyId != own).Select(m => m.Id).FirstAsync());
        (await companyAdmin.GetAsync($"/api/v1/members/{outsider}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await companyAdmin.GetAsync("/api/v1/members/export.csv")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var browser = await app.BrowserClientAsync(DemoAccounts.CompanyAdmin);
        (await browser.GetAsync("/admin/members")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class FieldRulesTests_Sqlite(SqliteTestApp app) : FieldRulesTests(app);

[Collection(PostgresCollection.Name)]
public sealed class FieldRulesTests_Postgres(PostgresTestApp app) : FieldRulesTests(app);

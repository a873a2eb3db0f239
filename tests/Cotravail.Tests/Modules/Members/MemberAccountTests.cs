using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cotravail.Common.Auth;
using Cotravail.Modules.Members;
using Cotravail.Tests.Infrastructure;

namespace Cotravail.Tests.Modules.Members;

/// A member's sign-in account follows their membership (SaveMember.SetActiveAsync).
public abstract class MemberAccountTests(TestApp app)
{
    [Fact]
    public async Task Deactivating_a_member_closes_their_account_and_reactivating_opens_it()
    {
        var (admin, locationId) = await AdminWithLocationAsync();
        var email = TestApp.NewEmail("leaving");
        var user = await app.CreateUserAsync(email);
        var memberId = await LinkedMemberAsync(user.Id, locationId);
        using var api = await app.ClientForAsync(email);
        using var browser = await app.BrowserClientAsync(email);

        (await admin.PostAsync($"/api/v1/members/{memberId}/deactivate", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var token = await api.GetAsync("/api/v1/me/profile");
        app.Clock.Advance(AuthModule.SessionCheckInterval + TimeSpan.FromSeconds(1));
        using var page = await browser.GetAsync("/me");

        token.StatusCode.ShouldBe(HttpStatusCode.Unauthorized, "tokens stop at once");
        page.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        page.Headers.Location!.OriginalString.ShouldContain("/account/sign-in");

        (await admin.PostAsync($"/api/v1/members/{memberId}/activate", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var again = await app.AnonymousClient().PostAsJsonAsync("/api/v1/auth/token", new { email, password = Cotravail.Modules.Demo.DemoAccounts.Password });
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_member_who_is_also_staff_keeps_their_account_when_the_membership_ends()
    {
        var (admin, locationId) = await AdminWithLocationAsync();
        var email = TestApp.NewEmail("staff-member");
        var user = await app.CreateUserAsync(email);
        var memberId = await LinkedMemberAsync(user.Id, locationId);
        await app.WithDbAsync(async db =>
        {
            db.StaffAssignments.Add(new StaffAssignment(user.Id, locationId, StaffRole.Host));
            await db.SaveChangesAsync();
        });
        using var api = await app.ClientForAsync(email);

        (await admin.PostAsync($"/api/v1/members/{memberId}/deactivate", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var call = await api.GetAsync("/api/v1/me/profile");

        call.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private async Task<Guid> LinkedMemberAsync(Guid userId, Guid locationId) => await app.WithDbAsync(async db =>
    {
        var member = new Member("Jules", "Départ", TestApp.NewEmail("member"), MemberCategory.Freelancer, locationId);
        member.LinkAccount(userId);
        db.Members.Add(member);
        await db.SaveChangesAsync();
        return member.Id;
    });

    private async Task<(HttpClient Admin, Guid LocationId)> AdminWithLocationAsync()
    {
        var email = TestApp.NewEmail("member-admin");
        await app.CreateUserAsync(email, networkAdmin: true);
        var admin = await app.ClientForAsync(email);
        using var created = await admin.PostAsJsonAsync("/api/v1/locations", TestData.Location("Member Accounts", TestData.NewSlug("acct")));
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        return (admin, (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
    }
}

[Collection(SqliteCollection.Name)]
public sealed class MemberAccountTests_Sqlite(SqliteTestApp app) : MemberAccountTests(app);

[Collection(PostgresCollection.Name)]
public sealed class MemberAccountTests_Postgres(PostgresTestApp app) : MemberAccountTests(app);

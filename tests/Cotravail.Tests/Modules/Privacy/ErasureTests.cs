using Cotravail.Common.Auth;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cotravail.Common.Audit;
using Cotravail.Common.Database;
using Cotravail.Modules.Demo;
using Cotravail.Modules.Privacy;
using Cotravail.Modules.Privacy.Erasure;
using Cotravail.Modules.Privacy.Export;
using Cotravail.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Cotravail.Modules.Locations;
using Cotravail.Modules.Members;

namespace Cotravail.Tests.Modules.Privacy;

public abstract class ErasureTests(TestApp app)
{
    [Fact]
    public async Task Every_table_that_refers_to_a_person_is_covered_by_an_erasure_step()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        var covered = scope.ServiceProvider.GetServices<IErasureStep>().SelectMany(s => s.Tables).ToHashSet();

        var tables = PersonalDataMap.Discover(db.Model).Select(t => t.Table).ToList();

        tables.ShouldNotBeEmpty();
        tables.Where(t => !covered.Contains(t)).ShouldBeEmpty("add an IErasureStep naming these tables (erased, anonymised or kept on purpose)");
    }

    [Fact]
    public async Task A_member_who_erases_themselves_can_no_longer_sign_in_and_leaves_no_personal_data()
    {
        var person = await PrivacyPeople.CreateAsync(app);
        var client = await app.ClientForAsync(person.Email); // before two-factor is on, which would ask for a code
        await app.WithDbAsync(async db =>
        {
            db.Add(new IdentityUserToken<Guid> { UserId = person.UserId, LoginProvider = "[AspNetUserStore]", Name = "AuthenticatorKey", Value = "KEY" });
            db.Add(new RecoveryCode(person.UserId, "ABCDE-12345"));
            (await db.Users.SingleAsync(u => u.Id == person.UserId)).TwoFactorEnabled = true;
            await db.SaveChangesAsync();
        });
        (await client.PutAsJsonAsync("/api/v1/me/privacy", new { listedInDirectory = true })).StatusCode.ShouldBe(HttpStatusCode.OK);

        var wrong = await client.PostAsJsonAsync("/api/v1/me/erase", new { password = "not the password at all" });
        wrong.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await wrong.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("password", out _).ShouldBeTrue();

        var erased = await client.PostAsJsonAsync("/api/v1/me/erase", new { password = DemoAccounts.Password });
        erased.StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await client.GetAsync("/api/v1/me/privacy")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        using var anonymous = app.AnonymousClient();
        (await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { email = person.Email, password = DemoAccounts.Password }))
            .StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        await Should.ThrowAsync<InvalidOperationException>(() => app.BrowserClientAsync(person.Email));
        await ShouldHoldNoPersonalDataAsync(person);
        await app.WithDbAsync(async db =>
        {
            (await db.Set<IdentityUserToken<Guid>>().AnyAsync(t => t.UserId == person.UserId)).ShouldBeFalse();
            (await db.RecoveryCodes.AnyAsync(c => c.UserId == person.UserId)).ShouldBeFalse();
            (await db.Users.SingleAsync(u => u.Id == person.UserId)).TwoFactorEnabled.ShouldBeFalse();
        });
    }

    [Fact]
    public async Task The_my_data_page_erases_the_account_after_the_password_and_signs_out()
    {
        var person = await PrivacyPeople.CreateAsync(app);
        using var browser = await app.BrowserClientAsync(person.Email);

        using var refused = await TestApp.PostFormAsync(browser, "/me/data?handler=Erase", new Dictionary<string, string> { ["Input.Password"] = "wrong password here" }, "/me/data");
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        var (_, form) = await TestApp.ParseAsync(refused);
        form.QuerySelector("#Input_Password + .field-error, span[data-valmsg-for='Input.Password']")!.TextContent.ShouldNotBeNullOrWhiteSpace();

        using var done = await TestApp.PostFormAsync(browser, "/me/data?handler=Erase", new Dictionary<string, string> { ["Input.Password"] = DemoAccounts.Password }, "/me/data");
        done.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        done.Headers.Location!.ToString().ShouldBe("/privacy?erased=true");

        (await browser.GetAsync("/me/data")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await Should.ThrowAsync<InvalidOperationException>(() => app.BrowserClientAsync(person.Email));
        await ShouldHoldNoPersonalDataAsync(person);
    }

    [Fact]
    public async Task A_manager_erases_a_member_of_their_location_and_a_manager_of_another_gets_404()
    {
        var person = await PrivacyPeople.CreateAsync(app, DemoAccounts.ParisSlug);
        var memberClient = await app.ClientForAsync(person.Email);
        var lyonManager = await app.ClientForAsync(DemoAccounts.LyonManager);
        var parisHost = await app.ClientForAsync(DemoAccounts.ParisHost);
        var parisManager = await app.ClientForAsync(DemoAccounts.ParisManager);

        (await lyonManager.PostAsync($"/api/v1/members/{person.MemberId}/erase", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await parisHost.PostAsync($"/api/v1/members/{person.MemberId}/erase", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await parisManager.PostAsync($"/api/v1/members/{person.MemberId}/erase", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await memberClient.GetAsync("/api/v1/me/privacy")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var shown = await parisManager.GetStringAsync($"/api/v1/members/{person.MemberId}");
        shown.ShouldNotContain(person.LastName);
        shown.ShouldNotContain(person.Email);
        shown.ShouldContain("Former member");
        await ShouldHoldNoPersonalDataAsync(person);
    }

    [Fact]
    public async Task An_erased_member_is_shown_as_a_former_member_in_the_readers_language()
    {
        var person = await PrivacyPeople.CreateAsync(app, DemoAccounts.LyonSlug);
        var manager = await app.ClientForAsync(DemoAccounts.LyonManager);
        (await manager.PostAsync($"/api/v1/members/{person.MemberId}/erase", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        using var french = await app.BrowserClientAsync(DemoAccounts.LyonManager);
        french.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr");
        using var english = await app.BrowserClientAsync(DemoAccounts.LyonManager);
        english.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");

        var (_, page) = await TestApp.GetHtmlAsync(french, $"/admin/members/edit/{person.MemberId}");
        page.QuerySelector("h1")!.TextContent.Trim().ShouldBe("Ancien membre");
        var (_, list) = await TestApp.GetHtmlAsync(french, "/admin/members?active=false&pageSize=100&sort=-created");
        var row = list.QuerySelector($"a[href='/admin/members/edit/{person.MemberId}']");
        row.ShouldNotBeNull();
        row.TextContent.Trim().ShouldBe("Ancien membre");
        var (_, inEnglish) = await TestApp.GetHtmlAsync(english, $"/admin/members/edit/{person.MemberId}");
        inEnglish.QuerySelector("h1")!.TextContent.Trim().ShouldBe("Former member");
    }

    [Fact]
    public async Task A_manager_erases_a_member_from_the_back_office_page()
    {
        var person = await PrivacyPeople.CreateAsync(app, DemoAccounts.LyonSlug);
        using var parisManager = await app.BrowserClientAsync(DemoAccounts.ParisManager);
        using var lyonManager = await app.BrowserClientAsync(DemoAccounts.LyonManager);
        var url = $"/admin/members/edit/{person.MemberId}";
        await TestApp.GetHtmlAsync(parisManager, url, HttpStatusCode.NotFound);

        using var unconfirmed = await TestApp.PostFormAsync(lyonManager, url + "?handler=Erase", [], url);
        unconfirmed.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var response = await TestApp.PostFormAsync(lyonManager, url + "?handler=Erase", new Dictionary<string, string> { ["confirm"] = "true" }, url);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var (html, _) = await TestApp.GetHtmlAsync(lyonManager, url);
        html.ShouldNotContain(person.LastName);
        html.ShouldNotContain(person.Email);
        await ShouldHoldNoPersonalDataAsync(person);
    }

    [Fact]
    public async Task The_audit_log_keeps_its_entries_about_an_erased_person_without_their_email_or_name()
    {
        var person = await PrivacyPeople.CreateAsync(app);
        var entryId = await app.WithDbAsync(async db =>
        {
            var entry = new AuditEntry(new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc), AuditActions.SignInFailed, person.UserId, "192.0.2.1", "user", person.UserId, null, $"{person.Email} ({person.LastName})");
            db.Add(entry);
            await db.SaveChangesAsync();
            return entry.Id;
        });
        var admin = await app.ClientForAsync(DemoAccounts.NetworkAdmin);

        (await admin.PostAsync($"/api/v1/members/{person.MemberId}/erase", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var detail = await app.WithDbAsync(db => db.Set<AuditEntry>().Where(a => a.Id == entryId).Select(a => a.Detail).SingleAsync());
        detail.ShouldBe("[erased] ([erased])");
    }

    [Fact]
    public async Task An_erased_persons_email_is_free_to_join_again()
    {
        var person = await PrivacyPeople.CreateAsync(app);
        var admin = await app.ClientForAsync(DemoAccounts.NetworkAdmin);
        (await admin.PostAsync($"/api/v1/members/{person.MemberId}/erase", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        await app.CreateUserAsync(person.Email);
        var home = await app.WithDbAsync(db => db.Locations.Where(l => l.Slug == DemoAccounts.ParisSlug).Select(l => l.Id).FirstAsync());
        var again = await admin.PostAsJsonAsync("/api/v1/members", new
        {
            firstName = "Solène",
            lastName = "Marchetti",
            email = person.Email,
            category = "Freelancer",
            homeLocationId = home,
        });
        again.StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    /// The rows are kept (their ids still join) but no longer say who the person was.
    private async Task ShouldHoldNoPersonalDataAsync(PrivacyPerson person)
    {
        await app.WithDbAsync(async db =>
        {
            var member = await db.Members.AsNoTracking().SingleAsync(m => m.Id == person.MemberId);
            member.FirstName.ShouldBe("Former member");
            member.Email.ShouldBe($"erased-{person.MemberId:N}@invalid");
            member.Phone.ShouldBeNull();
            (member.Street, member.PostalCode, member.City, member.CountryCode).ShouldBe((null, null, null, null));
            member.IsActive.ShouldBeFalse();
            var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == person.UserId);
            user.IsActive.ShouldBeFalse();
            user.PasswordHash.ShouldBeNull();
            user.Email.ShouldNotBe(person.Email);
            (await db.ApiTokens.AnyAsync(t => t.UserId == person.UserId)).ShouldBeFalse();
            (await db.StaffAssignments.AnyAsync(s => s.UserId == person.UserId)).ShouldBeFalse();
            (await db.MemberPrivacy.AnyAsync(p => p.MemberId == person.MemberId)).ShouldBeFalse();

            var entry = await db.Set<AuditEntry>().AsNoTracking().SingleAsync(a => a.Action == AuditActions.DataErased && a.TargetId == person.MemberId);
            entry.Detail.ShouldBeNull();

            var export = await PersonalDataReader.ReadAsync(db, new DataSubject(person.UserId, person.MemberId), new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc), CancellationToken.None);
            var text = System.Text.Encoding.UTF8.GetString(PersonalDataFormats.ToJson(export));
            text.ShouldContain(person.MemberId.ToString());
            text.ShouldNotContain(person.Email);
            text.ShouldNotContain(person.LastName);
            text.ShouldNotContain(person.Phone[4..]);
            text.ShouldNotContain(person.Street);
        });
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ErasureTests_Sqlite(SqliteTestApp app) : ErasureTests(app);

[Collection(PostgresCollection.Name)]
public sealed class ErasureTests_Postgres(PostgresTestApp app) : ErasureTests(app);

using System.Net;

namespace Cotravail.Tests.Infrastructure;

/// The fixture's own helpers work on each engine, with accounts the test creates (no demo data).
public abstract class TestAppTests(TestApp app)
{
    [Fact]
    public async Task A_new_account_gets_a_bearer_token_that_opens_the_api()
    {
        var email = TestApp.NewEmail();
        await app.CreateUserAsync(email);
        using var anonymous = app.AnonymousClient();
        using var signedIn = await app.ClientForAsync(email);

        using var refused = await anonymous.GetAsync("/api/v1/locations");
        using var answered = await signedIn.GetAsync("/api/v1/locations");

        refused.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        answered.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_new_account_signs_in_through_the_sign_in_page()
    {
        var email = TestApp.NewEmail();
        await app.CreateUserAsync(email);
        using var anonymous = app.AnonymousClient();
        using var browser = await app.BrowserClientAsync(email);

        var (_, before) = await TestApp.GetHtmlAsync(anonymous, "/");
        var (_, after) = await TestApp.GetHtmlAsync(browser, "/");

        before.QuerySelector("a[href='/me']").ShouldBeNull();
        after.QuerySelector("a[href='/me']").ShouldNotBeNull();
    }

    [Fact]
    public async Task Schema_dump_sees_keys_indexes_foreign_keys_and_checks()
    {
        await using var scratch = await app.CreateScratchDatabaseAsync();
        await using (var db = scratch.NewDb())
        {
            await scratch.NewRunner(db).MigrateAsync();
        }

        var dump = await scratch.DumpAsync();

        dump.ShouldContain(l => l.StartsWith("column Locations.Slug ", StringComparison.Ordinal) && l.Contains("not null", StringComparison.Ordinal));
        dump.ShouldContain(l => l.StartsWith("primary key StaffAssignments ", StringComparison.Ordinal));
        dump.ShouldContain(l => l.StartsWith("index Locations IX_Locations_Slug unique (Slug)", StringComparison.Ordinal));
        dump.ShouldContain(l => l.StartsWith("index Members IX_Members_HomeLocationId_LastName non-unique (HomeLocationId, LastName)", StringComparison.Ordinal));
        dump.ShouldContain(l => l.StartsWith("foreign key ApiTokens ", StringComparison.Ordinal) && l.Contains("AspNetUsers", StringComparison.Ordinal) && l.Contains("CASCADE", StringComparison.Ordinal));
        dump.ShouldContain(l => l.StartsWith("check Resources CK_Resources_Capacity ", StringComparison.Ordinal) && l.Contains(">= 1", StringComparison.Ordinal));
        dump.ShouldNotContain(l => l.Contains("schema_migrations", StringComparison.Ordinal));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class TestAppTests_Sqlite(SqliteTestApp app) : TestAppTests(app);

[Collection(PostgresCollection.Name)]
public sealed class TestAppTests_Postgres(PostgresTestApp app) : TestAppTests(app);

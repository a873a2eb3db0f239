using Cotravail.Common.Auth;
using Cotravail.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Cotravail.Modules.Locations;
using Cotravail.Modules.Network;

namespace Cotravail.Tests.Common.Auth;

/// The rules apply to every way an account gets a password, since UserManager runs them.
public abstract class PasswordPolicyTests(TestApp app)
{
    [Fact]
    public async Task User_manager_refuses_short_common_and_organisation_passwords_and_accepts_long_unicode_ones()
    {
        var (network, location) = await app.WithDbAsync(async db =>
            (await db.Network.Select(n => n.Name).FirstAsync(), await db.Locations.Select(l => l.Name).FirstAsync()));

        var errors = new List<string>();
        foreach (var password in new[] { "🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂", "winniethepooh", $"vive {network.ToUpperInvariant()} !", $"rendez-vous à {location} 2026", new string('x', 129) })
        {
            errors.Add(await CodeOfAsync(password));
        }
        var unicode = await CodeOfAsync("🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂");

        errors.ShouldBe(["PasswordTooShort", "PasswordTooCommon", "PasswordContainsOrganisationName", "PasswordContainsOrganisationName", "PasswordTooLong"]);
        unicode.ShouldBe("");
    }

    private async Task<string> CodeOfAsync(string password)
    {
        var codes = "";
        await SecurityHelpers.WithUsersAsync(app, async (users, _) =>
        {
            var email = TestApp.NewEmail();
            var result = await users.CreateAsync(new User { Id = Guid.CreateVersion7(), UserName = email, Email = email, DisplayName = "x" }, password);
            codes = string.Join(",", result.Errors.Select(e => e.Code));
        });
        return codes;
    }
}

[Collection(SqliteCollection.Name)]
public sealed class PasswordPolicyTests_Sqlite(SqliteTestApp app) : PasswordPolicyTests(app);

[Collection(PostgresCollection.Name)]
public sealed class PasswordPolicyTests_Postgres(PostgresTestApp app) : PasswordPolicyTests(app);

using Cotravail.BrowserTests.Infrastructure;
using Cotravail.BrowserTests.Pages;
using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Modules.Demo;
using Cotravail.Modules.Members;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Cotravail.Modules.Locations;

namespace Cotravail.BrowserTests.Journeys;

[Collection(BrowserCollection.Name)]
public sealed class PrivacyJourneys(BrowserApp app)
{
    [Fact]
    public async Task A_member_downloads_their_data_then_erases_their_account_and_can_no_longer_sign_in()
    {
        var email = await CreateMemberAsync();
        var page = await app.NewPageAsync("fr-FR");
        await new SignInPage(page).SignInAsync(email, DemoAccounts.Password);

        var data = new MyDataPage(page);
        await data.OpenAsync();
        await page.ShouldHaveNoViolationsAsync();
        var json = await data.DownloadJsonAsync();
        json.ShouldContain(email);
        json.ShouldContain("\"Members\"");

        await page.GotoAsync("/me/privacy");
        await page.ShouldHaveNoViolationsAsync();
        await data.OpenAsync();
        await data.EraseAsync(DemoAccounts.Password);
        (await new PrivacyPolicyPage(page).NoticeAsync()).ShouldContain("effacés");
        await page.ShouldHaveNoViolationsAsync();

        var refused = await new RefusedSignIn(page).TryAsync(email, DemoAccounts.Password);
        refused.ShouldNotBeNullOrWhiteSpace();
        page.Url.ShouldContain("/account/sign-in");
    }

    /// A member of its own, so erasing it leaves the demo accounts to the other journeys.
    private async Task<string> CreateMemberAsync()
    {
        var email = $"erase.{Guid.NewGuid():N}@cotravail.test";
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        var user = new User { Id = Guid.CreateVersion7(), UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Camille" };
        (await users.CreateAsync(user, DemoAccounts.Password)).Succeeded.ShouldBeTrue();
        var home = await db.Locations.Where(l => l.Slug == DemoAccounts.RuralSlug).Select(l => l.Id).FirstAsync();
        var member = new Member("Camille", "Rouvière", email, MemberCategory.Volunteer, home);
        member.LinkAccount(user.Id);
        db.Members.Add(member);
        await db.SaveChangesAsync();
        return email;
    }
}

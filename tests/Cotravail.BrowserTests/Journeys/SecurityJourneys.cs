using Cotravail.BrowserTests.Infrastructure;
using Cotravail.BrowserTests.Pages;
using Cotravail.Common.Auth;
using Cotravail.Modules.Demo;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Cotravail.BrowserTests.Journeys;

[Collection(BrowserCollection.Name)]
public sealed class SecurityJourneys(BrowserApp app)
{
    [Fact]
    public async Task A_member_turns_on_two_factor_signs_out_and_signs_in_with_the_apps_code()
    {
        // An account of its own: the demo accounts stay without two-factor for the other journeys.
        var email = $"deux.facteurs.{Guid.NewGuid():N}@cotravail.test";
        await CreateAccountAsync(email);
        var page = await app.NewPageAsync("fr-FR");
        await new SignInPage(page).SignInAsync(email, DemoAccounts.Password);
        var setup = new TwoFactorSetupPage(page);
        await setup.OpenAsync();
        await page.ShouldHaveNoViolationsAsync();
        (await setup.ShowsQrCodeAsync()).ShouldBeTrue();
        var key = await setup.KeyAsync();
        var enrolStep = Totp.StepAt(TimeProvider.System.GetUtcNow());
        await setup.ConfirmAsync(Totp.Code(key, enrolStep));
        (await setup.RecoveryCodeCountAsync()).ShouldBe(10);
        await page.ShouldHaveNoViolationsAsync();

        await new SignOutPage(page).SignOutAsync();
        // A code works once: sign in with a later step's code (the app accepts one step of drift ahead).
        await new TwoFactorSignInPage(page).SignInAsync(email, DemoAccounts.Password,
            () => Totp.Code(key, Math.Max(Totp.StepAt(TimeProvider.System.GetUtcNow()), enrolStep + 1)));
        await page.ShouldHaveNoViolationsAsync();

        var security = new SecurityPage(page);
        await security.OpenAsync();
        (await security.TwoFactorStatusAsync()).ShouldStartWith("Activée");
        await page.ShouldHaveNoViolationsAsync();
    }

    private async Task CreateAccountAsync(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        var result = await users.CreateAsync(new User { Id = Guid.CreateVersion7(), UserName = email, Email = email, DisplayName = "Camille" }, DemoAccounts.Password);
        result.Succeeded.ShouldBeTrue();
    }
}

using Cotravail.Common.Auth;
using Cotravail.Common.Errors;
using Microsoft.AspNetCore.Identity;

namespace Cotravail.Modules.Account;

/// Accounts: the first admin's setup, sign-in pages, password reset and email confirmation.
internal static class AccountModule
{
    /// Password-reset links live Cotravail:Accounts:PasswordResetLifetime (default one hour).
    public static IServiceCollection AddAccount(this IServiceCollection services)
    {
        services.AddScoped<FirstAdmin>();
        services.AddScoped<PasswordReset>();
        services.AddScoped<EmailConfirmation>();
        services.AddOptions<DataProtectionTokenProviderOptions>().Configure<IConfiguration>((o, configuration) =>
            o.TokenLifespan = configuration.GetValue("Cotravail:Accounts:PasswordResetLifetime", PasswordReset.LinkLifetime));
        new IdentityBuilder(typeof(User), services).AddTokenProvider<EmailConfirmationTokenProvider>(EmailConfirmationTokenOptions.ProviderName);
        services.Configure<IdentityOptions>(o => o.Tokens.EmailConfirmationTokenProvider = EmailConfirmationTokenOptions.ProviderName);
        return services;
    }

    public static void MapAccount(this WebApplication app, RouteGroupBuilder api)
    {
        api.MapPost("/auth/forgot-password", async (PasswordReset.Request request, PasswordReset reset, CancellationToken ct) =>
            {
                await reset.RequestAsync(request.Email, ct);
                return TypedResults.Accepted((string?)null);
            })
            .AllowAnonymous().Validate<PasswordReset.Request>().Produces(202).WithTags("Auth")
            .WithSummary("Email a password-reset link if an account has this address; the answer (202) is the same either way.");
    }

    /// Logs the one-time setup link when the database has no account yet.
    public static async Task AnnounceSetupIfNeededAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var firstAdmin = scope.ServiceProvider.GetRequiredService<FirstAdmin>();
        if (await firstAdmin.IsNeededAsync(CancellationToken.None))
        {
            app.Logger.LogWarning(
                "No account exists yet. Create the first network admin at /setup?token={Token} (valid 24 hours) or with `create-admin`.",
                firstAdmin.IssueToken());
        }
    }
}

using Cotravail.Common.Auth;
using Cotravail.Common.Errors;
using Microsoft.AspNetCore.Identity;

namespace Cotravail.Modules.Account;

internal static class AccountRecoveryModule
{
    /// Password-reset links live Cotravail:Accounts:PasswordResetLifetime (default one hour).
    public static IServiceCollection AddAccountRecovery(this IServiceCollection services)
    {
        services.AddScoped<PasswordReset>();
        services.AddScoped<EmailConfirmation>();
        services.AddOptions<DataProtectionTokenProviderOptions>().Configure<IConfiguration>((o, configuration) =>
            o.TokenLifespan = configuration.GetValue("Cotravail:Accounts:PasswordResetLifetime", PasswordReset.LinkLifetime));
        new IdentityBuilder(typeof(User), services).AddTokenProvider<EmailConfirmationTokenProvider>(EmailConfirmationTokenOptions.ProviderName);
        services.Configure<IdentityOptions>(o => o.Tokens.EmailConfirmationTokenProvider = EmailConfirmationTokenOptions.ProviderName);
        return services;
    }

    public static RouteGroupBuilder MapAccountRecovery(this RouteGroupBuilder api)
    {
        api.MapPost("/auth/forgot-password", async (PasswordReset.Request request, PasswordReset reset, CancellationToken ct) =>
            {
                await reset.RequestAsync(request.Email, ct);
                return TypedResults.Accepted((string?)null);
            })
            .AllowAnonymous().Validate<PasswordReset.Request>().Produces(202).WithTags("Auth")
            .WithSummary("Email a password-reset link if an account has this address; the answer (202) is the same either way.");
        return api;
    }
}

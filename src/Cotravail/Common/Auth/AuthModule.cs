using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Cotravail.Common.Database;

namespace Cotravail.Common.Auth;

internal static class AuthModule
{
    private const string Smart = "CookieOrBearer";

    /// Cookie names with the __Host- prefix: the browser keeps them only if Secure, Path=/ and no Domain.
    public const string SessionCookie = "__Host-Cotravail";
    public const string TwoFactorCookie = "__Host-Cotravail-2fa";
    /// Not __Host-: the antiforgery system throws when asked for Secure-only cookies on a request it sees
    /// as http (local development, or a TLS proxy missing from Cotravail:KnownProxies); it is Secure
    /// whenever the request is https, HttpOnly and SameSite=Strict.
    public const string AntiforgeryCookie = ".Cotravail.Antiforgery";

    /// How often a session re-reads its account: a password change, "sign out everywhere", a removed role
    /// or a deactivation ends the other sessions within this time.
    public static readonly TimeSpan SessionCheckInterval = TimeSpan.FromMinutes(1);

    public static IServiceCollection AddAuth(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddScoped<Access>();
        services.AddScoped<IAuthorizationHandler, AccessRequirementHandler>();
        services.AddScoped<IAuthorizationHandler, TokenScopeHandler>();
        services.AddScoped<SignInAudit>();
        services.AddSingleton<DecoyPassword>();
        services.AddScoped<StaffTwoFactor>();
        services.AddClientAddress();
        services.AddRateLimits();

        services.AddIdentityCore<User>(o =>
            {
                o.User.RequireUniqueEmail = true;
                // The user name is the email, checked by AccountEmailRule (Unicode allowed, look-alikes refused).
                o.User.AllowedUserNameCharacters = "";
                o.SignIn.RequireConfirmedAccount = false;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 10;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                // ASVS: length, not composition. PasswordPolicy counts characters as people do and checks
                // the common-password list; Identity's own length check (UTF-16 units) is switched off.
                o.Password.RequiredLength = 1;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Tokens.AuthenticatorTokenProvider = AuthenticatorCodes.ProviderName;
            })
            .AddSignInManager<AccountSignInManager>()
            .AddEntityFrameworkStores<AppDb>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<AuthenticatorCodes>(AuthenticatorCodes.ProviderName)
            .AddPasswordValidator<PasswordPolicy>()
            .AddUserValidator<AccountEmailRule>()
            .AddErrorDescriber<LocalizedIdentityErrors>();
        // Recovery codes hashed, one row each (see UserStore); registered after Identity's store to replace it.
        services.AddScoped<IUserStore<User>, UserStore>();

        services.AddAuthentication(Smart)
            .AddPolicyScheme(Smart, null, o => o.ForwardDefaultSelector = http =>
                http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? ApiTokenAuthentication.SchemeName
                    : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthentication>(ApiTokenAuthentication.SchemeName, null)
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = SessionCookie;
            o.Cookie.HttpOnly = true;
            o.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.Path = "/";
            o.LoginPath = "/account/sign-in";
            o.LogoutPath = "/account/sign-out";
            o.AccessDeniedPath = "/account/denied";
            o.ExpireTimeSpan = TimeSpan.FromHours(12);
            o.SlidingExpiration = true;
        });
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, o =>
        {
            o.Cookie.Name = TwoFactorCookie;
            o.Cookie.HttpOnly = true;
            o.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.Path = "/";
        });
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = SessionCheckInterval);
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = AntiforgeryCookie;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.Path = "/";
        });

        services.AddAuthorizationBuilder()
            // Deny by default: every page and endpoint needs a signed-in user unless it says otherwise.
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.Staff, p => p.AddRequirements(new AccessRequirement(AccessLevel.Staff)))
            .AddPolicy(Policies.Manager, p => p.AddRequirements(new AccessRequirement(AccessLevel.Manager)))
            .AddPolicy(Policies.NetworkAdmin, p => p.AddRequirements(new AccessRequirement(AccessLevel.NetworkAdmin)))
            // The API takes bearer tokens only, so a browser's cookie can never be replayed against it;
            // a read-only token may only read.
            .AddPolicy(Policies.Api, p => p.AddAuthenticationSchemes(ApiTokenAuthentication.SchemeName).RequireAuthenticatedUser()
                .AddRequirements(new TokenScopeRequirement()));
        return services;
    }
}

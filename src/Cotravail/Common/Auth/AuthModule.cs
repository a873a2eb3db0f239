using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Cotravail.Common.Database;

namespace Cotravail.Common.Auth;

internal static class AuthModule
{
    private const string Smart = "CookieOrBearer";

    public static IServiceCollection AddAuth(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddScoped<Access>();
        services.AddScoped<IAuthorizationHandler, AccessRequirementHandler>();

        services.AddIdentityCore<User>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.SignIn.RequireConfirmedAccount = false;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 10;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                // ASVS: length, not composition (the accounts issue adds the common-password list).
                o.Password.RequiredLength = 12;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
            })
            .AddSignInManager()
            .AddEntityFrameworkStores<AppDb>()
            .AddDefaultTokenProviders();

        services.AddAuthentication(Smart)
            .AddPolicyScheme(Smart, null, o => o.ForwardDefaultSelector = http =>
                http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? ApiTokenAuthentication.SchemeName
                    : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthentication>(ApiTokenAuthentication.SchemeName, null)
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = ".Cotravail.Session";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.LoginPath = "/account/sign-in";
            o.LogoutPath = "/account/sign-out";
            o.AccessDeniedPath = "/account/denied";
            o.ExpireTimeSpan = TimeSpan.FromHours(12);
            o.SlidingExpiration = true;
        });

        services.AddAuthorizationBuilder()
            // Deny by default: every page and endpoint needs a signed-in user unless it says otherwise.
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.Staff, p => p.AddRequirements(new AccessRequirement(AccessLevel.Staff)))
            .AddPolicy(Policies.Manager, p => p.AddRequirements(new AccessRequirement(AccessLevel.Manager)))
            .AddPolicy(Policies.NetworkAdmin, p => p.AddRequirements(new AccessRequirement(AccessLevel.NetworkAdmin)))
            // The API takes bearer tokens only, so a browser's cookie can never be replayed against it.
            .AddPolicy(Policies.Api, p => p.AddAuthenticationSchemes(ApiTokenAuthentication.SchemeName).RequireAuthenticatedUser());
        return services;
    }
}

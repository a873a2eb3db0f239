using Cotravail.Common.Database;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Common.Auth;

/// Cotravail:Security:RequireTwoFactorForStaff (default: on in Production, off elsewhere so the demo
/// accounts work): network admins and location managers without two-factor authentication are sent
/// to enrol before the back office opens, and get no API token.
internal sealed class StaffTwoFactor(IConfiguration config, IHostEnvironment environment, AppDb db, IMemberLinks links)
{
    public const string EnrolPath = "/me/security/two-factor";

    public bool IsRequired => config.GetValue<bool?>("Cotravail:Security:RequireTwoFactorForStaff") ?? environment.IsProduction();

    public async Task<bool> MustEnrolAsync(Guid userId, CancellationToken ct)
    {
        if (!IsRequired)
        {
            return false;
        }
        var scope = await Access.LoadAsync(db, links, userId, ct);
        return scope.IsManager && !await db.Users.AnyAsync(u => u.Id == userId && u.TwoFactorEnabled, ct);
    }
}

internal static class StaffTwoFactorMiddleware
{
    /// After authorization: a staff member who must enrol is redirected from any /admin page.
    public static IApplicationBuilder UseStaffTwoFactor(this IApplicationBuilder app) =>
        app.UseWhen(http => http.Request.Path.StartsWithSegments("/admin"), admin => admin.Use(async (http, next) =>
        {
            var id = http.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value;
            if (Guid.TryParse(id, out var userId)
                && await http.RequestServices.GetRequiredService<StaffTwoFactor>().MustEnrolAsync(userId, http.RequestAborted))
            {
                http.Response.Redirect(StaffTwoFactor.EnrolPath + "?required=true");
                return;
            }
            await next(http);
        }));
}

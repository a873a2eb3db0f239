using Cotravail.Common.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cotravail.Modules.Home;

/// The header's language picker: remembered for a year in a cookie.
[AllowAnonymous]
internal sealed class CultureModel(TimeProvider clock) : PageModel
{
    public IActionResult OnPost(string? culture, string? returnUrl)
    {
        if (culture is not null && LocalizationModule.Languages.Contains(culture))
        {
            Response.Cookies.Append(LocalizationModule.CookieName, LocalizationModule.CookieValue(culture), new CookieOptions
            {
                Expires = clock.GetUtcNow().AddYears(1),
                IsEssential = true,
                HttpOnly = true,
                SameSite = SameSiteMode.Lax,
                Secure = Request.IsHttps,
            });
        }
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }

    public IActionResult OnGet() => LocalRedirect("/");
}

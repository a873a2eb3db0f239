using Cotravail.Common.Errors;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Cotravail.Common.Web;

/// The page side of ErrorMapping: 404 and 403 as such, anything else next to its field on the redisplayed form.
internal static class PageErrors
{
    public static IActionResult Show(this PageModel page, Error error, IStringLocalizer l)
    {
        switch (error)
        {
            case NotFound:
                return page.NotFound();
            case Forbidden:
                return page.Forbid();
            default:
                error.AddTo(page.ModelState, l);
                return page.Page();
        }
    }
}

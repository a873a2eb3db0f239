using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cotravail.Modules.Home;

/// The living page of the design system (docs/design-system.md): each component as the pages use it, so a
/// change to the stylesheet is seen, and checked by axe, in one place.
[AllowAnonymous]
internal sealed class DesignModel : PageModel
{
    public void OnGet()
    {
    }
}

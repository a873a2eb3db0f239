using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Localization;
using Cotravail.Common.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Cotravail.Modules.Privacy.Me;

/// A member's own privacy choices: the same handler as GET/PUT /api/v1/me/privacy.
internal sealed class PrivacyModel(AppDb db, Access access, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public PrivacyChoices Input { get; set; } = PrivacyChoices.AllOff;

    public bool HasMembership { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var result = await ChangePrivacy.GetAsync(await access.GetAsync(ct), db, ct);
        HasMembership = result.IsOk;
        Input = result.Value ?? PrivacyChoices.AllOff;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await ChangePrivacy.SaveAsync(Input, await access.GetAsync(ct), db, clock, ct);
        if (!result.IsOk)
        {
            return this.Show(result.Error, l);
        }
        TempData["Saved"] = l["Your privacy choices are saved."].Value;
        return Redirect("/me/privacy");
    }
}

/// One part's radio group on the privacy page: Nobody, my location, the network.
internal sealed record AudienceField(string Part, string Label, Audience Value, string? HelpId = null);

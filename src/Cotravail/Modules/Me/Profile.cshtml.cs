using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Localization;
using Cotravail.Common.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Cotravail.Modules.Me;

/// /me/profile: the same handler as PUT /api/v1/me/profile; only ProfileInput's fields are bound.
internal sealed class ProfileModel(AppDb db, Access access, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public ProfileInput Input { get; set; } = new();

    public string Email { get; private set; } = "";

    public bool IsMember { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = await access.GetAsync(ct);
        var profile = await UpdateProfile.GetAsync(db, scope, ct);
        if (!profile.IsOk)
        {
            return this.Show(profile.Error, l);
        }
        Show(profile.Value, scope);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var scope = await access.GetAsync(ct);
        IsMember = scope.MemberId is not null;
        if (!ModelState.IsValid)
        {
            var current = await UpdateProfile.GetAsync(db, scope, ct);
            Email = current.Value?.Email ?? "";
            return Page();
        }
        var result = await UpdateProfile.HandleAsync(Input, db, scope, ct);
        if (!result.IsOk)
        {
            Email = (await UpdateProfile.GetAsync(db, scope, ct)).Value?.Email ?? "";
            return this.Show(result.Error, l);
        }
        TempData["Saved"] = l["Your profile is saved."].Value;
        return Redirect("/me/profile");
    }

    private void Show(ProfileResponse profile, AccessScope scope)
    {
        Email = profile.Email;
        IsMember = scope.MemberId is not null;
        Input = new ProfileInput
        {
            FirstName = profile.FirstName, LastName = profile.LastName, Phone = profile.Phone, PreferredLanguage = profile.PreferredLanguage,
            Street = profile.Street, PostalCode = profile.PostalCode, City = profile.City, CountryCode = profile.CountryCode,
        };
    }
}

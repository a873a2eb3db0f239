using Cotravail.Common.Audit;
using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Localization;
using Cotravail.Common.Web;
using Cotravail.Modules.Privacy.Erasure;
using Cotravail.Modules.Privacy.Export;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Cotravail.Modules.Privacy.Me;

/// Download all my data (JSON or CSV) and erase my account: the handlers of GET /api/v1/me/export and POST /api/v1/me/erase.
internal sealed class DataModel(AppDb db, Access access, AuditTrail audit, TimeProvider clock, ErasePerson erase, SignInManager<User> signIn, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public ErasePerson.Request Input { get; set; } = new();

    public void OnGet()
    {
    }

    public Task<IActionResult> OnGetJsonAsync(CancellationToken ct) => DownloadAsync("json", ct);

    public Task<IActionResult> OnGetCsvAsync(CancellationToken ct) => DownloadAsync("csv", ct);

    public async Task<IActionResult> OnPostEraseAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var result = await erase.SelfAsync(await access.GetAsync(ct), Input.Password, ct);
        if (!result.IsOk)
        {
            return this.Show(result.Error, l);
        }
        await signIn.SignOutAsync();
        return Redirect("/privacy?erased=true");
    }

    private async Task<IActionResult> DownloadAsync(string format, CancellationToken ct)
    {
        var scope = await access.GetAsync(ct);
        var result = await ExportPersonalData.HandleAsync(new DataSubject(scope.UserId, scope.MemberId), format, db, audit, clock, ct);
        return result.IsOk ? File(result.Value.Content, result.Value.ContentType, result.Value.FileName) : this.Show(result.Error, l);
    }
}

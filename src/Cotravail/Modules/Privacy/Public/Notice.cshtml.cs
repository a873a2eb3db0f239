using Cotravail.Common.Database;
using Cotravail.Modules.Network;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Modules.Privacy.Public;

/// The network's privacy policy: who the data controller is, what is kept, why, how long, and the member's rights.
[AllowAnonymous]
internal sealed class NoticeModel(AppDb db) : PageModel
{
    public NetworkProfile Network { get; private set; } = new();

    /// The privacy contact, else the network's general email.
    public string? ContactEmail { get; private set; }

    [BindProperty(SupportsGet = true)]
    public bool Erased { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Network = await db.NetworkRow.AsNoTracking().SingleOrDefaultAsync(ct) ?? new NetworkProfile();
        ContactEmail = Network.PrivacyContactEmail ?? Network.Email;
    }
}

using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Modules.Network;

/// What the layout shows on every page: the network's name and what the visitor may open.
internal sealed class SiteInfo(AppDb db, Access access)
{
    private string? networkName;

    public async Task<string> NetworkNameAsync()
    {
        networkName ??= await db.NetworkRow.Select(n => n.Name).SingleOrDefaultAsync() ?? "Cotravail";
        return networkName;
    }

    public Task<AccessScope> AccessAsync() => access.GetAsync();
}

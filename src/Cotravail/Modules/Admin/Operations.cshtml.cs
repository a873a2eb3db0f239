using Cotravail.Common.Auth;
using Cotravail.Common.Telemetry;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cotravail.Modules.Admin;

/// How this server is doing, for network admins: the essentials of /metrics (docs/observability.md), read
/// in-process since it started.
[Authorize(Policy = Policies.NetworkAdmin)]
internal sealed class OperationsModel(OperationsStats stats) : PageModel
{
    public OperationsSnapshot Figures { get; private set; } = null!;

    public void OnGet() => Figures = stats.Snapshot();

    public static string Milliseconds(TimeSpan duration) => duration.TotalMilliseconds.ToString(duration.TotalMilliseconds < 10 ? "0.0" : "0");
}

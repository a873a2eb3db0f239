using Cotravail.Common;
using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Email;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Modules.Admin.Outbox;

/// The emails the platform sent or will send, newest first: with no SMTP server configured this is
/// where an admin reads them; ?status=failed lists those that will not be tried again, with their error.
[Authorize(Policy = Policies.NetworkAdmin)]
internal sealed class IndexModel(AppDb db) : PageModel
{
    internal sealed record Row(Guid Id, string To, string Subject, DateTime CreatedAt, DateTime? SentAt, DateTime? FailedAt, int Attempts, string? LastError)
    {
        public OutboxStatus Status => OutboxMessage.StatusOf(SentAt, FailedAt, Attempts);
    }

    [FromQuery(Name = "page")] // not BindProperty: "page" is also the route value naming the Razor page
    public int? PageNumber { get; set; }

    [FromQuery(Name = "status")]
    public string? Status { get; set; }

    public bool FailedOnly => string.Equals(Status, "failed", StringComparison.OrdinalIgnoreCase);

    public int FailedCount { get; private set; }

    public Page<Row> Results { get; private set; } = new([], 1, 25, 0);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var messages = db.Set<OutboxMessage>().AsNoTracking();
        FailedCount = await messages.CountAsync(m => m.FailedAt != null, ct);
        Results = await (FailedOnly ? messages.Where(m => m.FailedAt != null) : messages).OrderByDescending(m => m.CreatedAt)
            .Select(m => new Row(m.Id, m.To, m.Subject, m.CreatedAt, m.SentAt, m.FailedAt, m.Attempts, m.LastError))
            .ToPageAsync(PageRequest.Of(PageNumber, 25), ct);
    }
}

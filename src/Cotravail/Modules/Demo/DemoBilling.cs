using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Modules.Billing;
using Cotravail.Modules.Companies;
using Cotravail.Modules.Locations;
using Cotravail.Modules.Members;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Modules.Demo;

/// The demo network's billing at work, made through the real use cases after the network is seeded:
/// Léa's paid bundle and her unpaid part-time month, Altimètre's team invoice of last month with a
/// credit note for the teleworker who left mid-month and a partial transfer, Pixel &amp; Traboule's
/// domiciliation set-up paid by cheque.
internal sealed class DemoBilling(AppDb db, SaveDraft drafts, IssueInvoice issue, DraftCreditNote credit, RecordPayment pay, InvoiceDocuments documents,
    TimeProvider clock)
{
    public async Task SeedAsync(CancellationToken ct)
    {
        var adminId = await db.Users.Where(u => u.Email == DemoAccounts.NetworkAdmin).Select(u => u.Id).FirstAsync(ct);
        var admin = new AccessScope(adminId, true, new HashSet<Guid>(), new HashSet<Guid>(), null, null);
        var paris = await db.Locations.Where(l => l.Slug == DemoAccounts.ParisSlug).Select(l => l.Id).FirstAsync(ct);
        var lyon = await db.Locations.Where(l => l.Slug == DemoAccounts.LyonSlug).Select(l => l.Id).FirstAsync(ct);
        var lea = await db.Members.Where(m => m.Email == Member.NormalizeEmail(DemoAccounts.Member)).Select(m => m.Id).FirstAsync(ct);
        var altimetre = await db.Companies.Where(c => c.LegalName == "Altimètre Conseil SAS").Select(c => c.Id).FirstAsync(ct);
        var team = await db.Members.Where(m => m.CompanyId == altimetre && m.IsActive).OrderBy(m => m.LastName)
            .Select(m => new { m.Id, Name = m.FirstName + " " + m.LastName }).ToListAsync(ct);
        var pixel = await db.Companies.Where(c => c.LegalName == "Pixel & Traboule SARL").Select(c => c.Id).FirstAsync(ct);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var month = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
        string Day(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var bundle = await IssueAsync(new DraftInput
        {
            LocationId = paris, MemberId = lea,
            PeriodStart = Day(month), Lines = [Line("Carnet de 10 journées en open space (valable 6 mois)", 1, 220m, 20m)],
        }, admin, ct);
        await PayAsync(bundle, 264m, PaymentMethod.Card, "TPE accueil", admin, ct);
        await IssueAsync(new DraftInput
        {
            LocationId = paris, MemberId = lea,
            PeriodStart = Day(month), PeriodEnd = Day(month.AddMonths(1).AddDays(-1)),
            Lines = [Line("Forfait temps partiel (2 jours par semaine)", 1, 160m, 20m), Line("Salle Seine, heures au-delà du forfait", 2, 35m, 20m)],
        }, admin, ct);

        var teamInvoice = await IssueAsync(new DraftInput
        {
            LocationId = paris, CompanyId = altimetre, PeriodStart = Day(month), PeriodEnd = Day(month.AddMonths(1).AddDays(-1)),
            Lines = [.. team.Select(m => Line($"Forfait temps plein — {m.Name}", 1, 290m, 20m, m.Id)), Line("Impressions couleur (pages)", 120, 0.15m, 20m)],
        }, admin, ct);
        var left = await db.InvoiceLines.Where(l => l.InvoiceId == teamInvoice).OrderBy(l => l.Position).Select(l => l.Id).Skip(team.Count - 1).FirstAsync(ct);
        var note = await credit.HandleAsync(teamInvoice, new DraftCreditNote.Request
        {
            Reason = "Départ d'un collaborateur au 15 du mois : forfait remboursé.",
            Lines = [new DraftCreditNote.CreditedLine(left, 1)],
        }, admin, ct);
        await IssuedAsync(note.Value, adminId, ct);
        await PayAsync(teamInvoice, 1000m, PaymentMethod.Transfer, "VIR ALTIMETRE NOV", admin, ct);

        var setup = await IssueAsync(new DraftInput
        {
            LocationId = lyon, CompanyId = pixel, PeriodStart = Day(today),
            Lines = [Line("Domiciliation commerciale — frais de mise en place", 1, 60m, 20m), Line("Domiciliation commerciale — premier trimestre", 3, 25m, 20m)],
        }, admin, ct);
        await PayAsync(setup, 162m, PaymentMethod.Cheque, "Chèque n° 0004127", admin, ct);
    }

    private static LineInput Line(string description, decimal quantity, decimal unitPrice, decimal vatPercent, Guid? memberId = null) =>
        new() { Description = description, Quantity = quantity, UnitPrice = unitPrice, VatPercent = vatPercent, MemberId = memberId };

    private async Task<Guid> IssueAsync(DraftInput input, AccessScope admin, CancellationToken ct)
    {
        var draft = await drafts.HandleAsync(null, input, admin, ct);
        if (!draft.IsOk)
        {
            throw new InvalidOperationException($"Demo invoice refused: {draft.Error}");
        }
        await IssuedAsync(draft.Value, admin.UserId!.Value, ct);
        return draft.Value;
    }

    private async Task IssuedAsync(Guid id, Guid userId, CancellationToken ct)
    {
        var issued = await issue.IssueAsync(id, userId, ct);
        if (!issued.IsOk)
        {
            throw new InvalidOperationException($"Demo invoice not issued: {issued.Error}");
        }
        db.ChangeTracker.Clear();
        await documents.GetOrRenderAsync(id, ct);
    }

    private async Task PayAsync(Guid invoice, decimal amount, PaymentMethod method, string reference, AccessScope admin, CancellationToken ct)
    {
        var paid = await pay.HandleAsync(invoice, new RecordPayment.Request { Amount = amount, Method = method, Reference = reference }, admin, ct);
        if (!paid.IsOk)
        {
            throw new InvalidOperationException($"Demo payment refused: {paid.Error}");
        }
        db.ChangeTracker.Clear();
    }
}

using System.Data.Common;
using System.Text;
using Cotravail.Common.Database;
using Cotravail.Modules.Companies;
using Cotravail.Modules.Members;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Modules.Billing;

/// One batch of a run's drafting, in one transaction: the next payers (in id order, after the run's
/// cursor) with pending charges of the period each get ONE draft with SourceKey "run:{period}:{payer}",
/// a line per charge (on a company's invoice prefixed with the member's name), and the charges point at
/// their lines. A payer whose draft exists already (a re-run) is passed over; a payer whose charges add up
/// to 0 gets no invoice and their charges stay pending. The run's counts and cursor commit with the batch.
internal sealed class DraftRunInvoices(AppDb db, TimeProvider clock)
{
    /// Drafts the next batch; true when the run has no payer left (it is then Drafted).
    public async Task<bool> BatchAsync(Guid runId, int batchSize, CancellationToken ct)
    {
        using var gate = await SqliteWriteGate.EnterAsync(db, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var run = await db.BillingRuns.FirstAsync(r => r.Id == runId, ct);
        if (run.Status != BillingRunStatus.Drafting)
        {
            return true;
        }
        var payers = await PayersAfterAsync(run.Period, run.DraftCursor, batchSize, ct);
        var (skipped, cents) = (0, 0L);
        var invoices = new List<Invoice>();
        if (payers.Count > 0)
        {
            var charges = await db.Charges.AsNoTracking().Where(c => c.SourcePeriod == run.Period && c.InvoiceLineId == null
                && ((c.CompanyId != null && payers.Contains(c.CompanyId.Value)) || (c.CompanyId == null && payers.Contains(c.MemberId!.Value)))).ToListAsync(ct);
            var drafted = await DraftedAsync(payers, ct);
            var people = await PeopleAsync(charges, ct);
            var now = clock.GetUtcNow().UtcDateTime;
            var period = BillingPeriod.TryParse(run.Period, out var p) ? p : throw new InvalidOperationException($"Run {run.Id} has period {run.Period}.");
            foreach (var payer in payers)
            {
                var theirs = charges.Where(c => c.PayerId == payer).OrderBy(c => c.ServiceDate).ThenBy(c => c.Id).ToList();
                if (drafted.Contains(run.KeyPrefix + payer) || theirs.Count == 0)
                {
                    continue;
                }
                // One currency per invoice: the first charge's; charges in another currency stay pending.
                theirs = [.. theirs.Where(c => c.Currency == theirs[0].Currency)];
                var invoice = Draft(run, period, payer, theirs, people, now);
                if (invoice is null)
                {
                    skipped++;
                    continue;
                }
                invoices.Add(invoice);
                cents += invoice.GrossTotalCents;
            }
        }
        // A statement per table and chunk rather than one a row: the drafts, then their lines and VAT rows.
        await MultiRowInsert.InsertAsync(db, invoices, ct);
        var lines = invoices.SelectMany(i => i.Lines).ToList();
        await MultiRowInsert.InsertAsync(db, lines, ct);
        await MultiRowInsert.InsertAsync(db, [.. invoices.SelectMany(i => i.VatBreakdown)], ct);
        await LinkChargesAsync(lines, ct);
        run.Drafted(payers.Count > 0 ? payers[^1] : run.DraftCursor ?? Guid.Empty, payers.Count, invoices.Count, skipped, cents);
        var finished = payers.Count < batchSize;
        if (finished)
        {
            run.DraftingDone(clock.GetUtcNow().UtcDateTime);
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return finished;
    }

    /// The next payers with pending charges of the period after the cursor, in id order (the order of Guid
    /// in .NET, of uuid in PostgreSQL and of the upper-case text SQLite stores: the same). Members paying for
    /// themselves and companies are read apart, each from its own index and only `take` of them, so a batch
    /// costs the same at the start and at the end of a run of 100,000 payers.
    public async Task<List<Guid>> PayersAfterAsync(string period, Guid? cursor, int take, CancellationToken ct)
    {
        var after = cursor ?? Guid.Empty;
        var pending = db.Charges.AsNoTracking().Where(c => c.SourcePeriod == period && c.InvoiceLineId == null);
        var members = await pending.Where(c => c.CompanyId == null && c.MemberId!.Value.CompareTo(after) > 0)
            .Select(c => c.MemberId!.Value).Distinct().OrderBy(p => p).Take(take).ToListAsync(ct);
        var companies = await pending.Where(c => c.CompanyId != null && c.CompanyId!.Value.CompareTo(after) > 0)
            .Select(c => c.CompanyId!.Value).Distinct().OrderBy(p => p).Take(take).ToListAsync(ct);
        return [.. members.Concat(companies).Order().Take(take)];
    }

    /// The source keys of the payers' run drafts, read through the payer columns' indexes: `SourceKey IN (…)`
    /// on a nullable column becomes `= ANY(…) OR (… IS NULL AND …)`, which no index serves, a scan of every
    /// invoice at each batch.
    private async Task<HashSet<string>> DraftedAsync(List<Guid> payers, CancellationToken ct) =>
        (await db.Invoices.AsNoTracking()
            .Where(i => i.SourceKey != null && ((i.MemberId != null && payers.Contains(i.MemberId.Value)) || (i.CompanyId != null && payers.Contains(i.CompanyId.Value))))
            .Select(i => i.SourceKey!).ToListAsync(ct)).ToHashSet();

    /// How many payers have pending charges of the period after the cursor.
    public Task<int> CountPayersAfterAsync(string period, Guid? cursor, CancellationToken ct)
    {
        var after = cursor ?? Guid.Empty;
        return db.Charges.AsNoTracking().Where(c => c.SourcePeriod == period && c.InvoiceLineId == null)
            .Select(c => c.CompanyId ?? c.MemberId!.Value).Where(p => p.CompareTo(after) > 0).Distinct().CountAsync(ct);
    }

    private Invoice? Draft(BillingRun run, BillingPeriod period, Guid payer, List<Charge> charges, People people, DateTime now)
    {
        var lines = charges.Select(c => new InvoiceLine(
            c.CompanyId is not null && c.MemberId is { } m && people.Members.TryGetValue(m, out var who) ? $"{who.Name} — {c.Description}" : c.Description,
            c.Quantity, c.UnitPriceCents, 0, c.VatMilliPercent, c.ServiceDate, c.ServiceEnd, c.CompanyId is null ? null : c.MemberId, c.Id)).ToList();
        if (InvoiceTotals.Of(lines.Select(l => (l.NetCents, l.VatMilliPercent))).GrossCents == 0)
        {
            return null; // never an invoice of 0
        }
        var first = charges[0];
        Buyer buyer;
        if (first.CompanyId is { } companyId)
        {
            var c = people.Companies[companyId];
            buyer = new Buyer(null, c.Id, c.LegalName, c.Street, c.PostalCode, c.City, c.CountryCode, c.Siren, c.VatNumber, string.IsNullOrWhiteSpace(c.BillingEmail) ? null : c.BillingEmail);
        }
        else
        {
            var m = people.Members[payer];
            buyer = new Buyer(payer, null, m.Name, m.Street ?? "", m.PostalCode ?? "", m.City ?? "", m.CountryCode ?? "FR", null, null, m.Email);
        }
        // The location that sold the most of it, for staff scoping.
        var location = charges.GroupBy(c => c.LocationId).OrderByDescending(g => g.Sum(c => c.UnitPriceCents * c.Quantity)).First().Key;
        var invoice = Invoice.Draft(location, buyer, first.Currency, "fr", run.StartedByUserId, now, run.KeyPrefix + payer);
        invoice.SetPeriod(period.First, period.Next.AddDays(-1), "fr");
        invoice.SetLines(lines);
        return invoice;
    }

    /// Points the batch's charges at their lines, from the pairs in hand, with one
    /// `UPDATE … FROM (VALUES (charge, line), …)` per 1,000 charges (no lookup a row). Only pending charges
    /// are linked: a charge billed meanwhile fails the batch (billed once).
    private async Task LinkChargesAsync(List<InvoiceLine> lines, CancellationToken ct)
    {
        var (chargeId, lineId) = (db.Model.FindEntityType(typeof(Charge))!.FindPrimaryKey()!.Properties[0].GetRelationalTypeMapping(),
            db.Model.FindEntityType(typeof(InvoiceLine))!.FindPrimaryKey()!.Properties[0].GetRelationalTypeMapping());
        await using var scratch = db.Database.GetDbConnection().CreateCommand();
        var prefix = db.IsPostgres ? "" : "@";
        foreach (var chunk in lines.Where(l => l.ChargeId is not null).Chunk(1000))
        {
            if (!db.IsPostgres)
            {
                // SQLite would scan the VALUES for each charge: the line is found by its ChargeId index instead
                var ids = chunk.Select(l => l.ChargeId!.Value).ToList();
                var done = await db.Charges.Where(c => ids.Contains(c.Id) && c.InvoiceLineId == null)
                    .ExecuteUpdateAsync(u => u.SetProperty(c => c.InvoiceLineId, c => db.Set<InvoiceLine>().Where(l => l.ChargeId == c.Id).Select(l => (Guid?)l.Id).FirstOrDefault()), ct);
                if (done != chunk.Length)
                {
                    throw new InvalidOperationException("A charge is billed once.");
                }
                continue;
            }
            var parameters = new List<DbParameter>(chunk.Length * 2);
            var values = new StringBuilder();
            foreach (var line in chunk)
            {
                var n = parameters.Count;
                values.Append(n == 0 ? "" : ", ").Append($"(@p{n}, @p{n + 1})");
                parameters.Add(chargeId.CreateParameter(scratch, $"{prefix}p{n}", line.ChargeId!.Value, nullable: false));
                parameters.Add(lineId.CreateParameter(scratch, $"{prefix}p{n + 1}", line.Id, nullable: false));
            }
            // VALUES names its columns column1, column2 on both engines; the SQL holds parameter names only
            var sql = "UPDATE \"Charges\" SET \"InvoiceLineId\" = v.column2 FROM (VALUES " + values
                + ") AS v WHERE \"Charges\".\"Id\" = v.column1 AND \"Charges\".\"InvoiceLineId\" IS NULL";
            var linked = await db.Database.ExecuteSqlRawAsync(sql, parameters, ct);
            if (linked != chunk.Length)
            {
                throw new InvalidOperationException("A charge is billed once.");
            }
        }
    }

    /// A member as their own invoice names them: their billing address, if they gave one.
    private sealed record Person(string Name, string Email, string? Street, string? PostalCode, string? City, string? CountryCode);

    private sealed record People(Dictionary<Guid, Person> Members, Dictionary<Guid, Company> Companies);

    private async Task<People> PeopleAsync(List<Charge> charges, CancellationToken ct)
    {
        var memberIds = charges.Where(c => c.MemberId is not null).Select(c => c.MemberId!.Value).Distinct().ToList();
        var companyIds = charges.Where(c => c.CompanyId is not null).Select(c => c.CompanyId!.Value).Distinct().ToList();
        var members = await db.Members.AsNoTracking().Where(m => memberIds.Contains(m.Id))
            .Select(m => new { m.Id, m.FirstName, m.LastName, m.Email, m.Street, m.PostalCode, m.City, m.CountryCode }).ToListAsync(ct);
        var companies = await db.Companies.AsNoTracking().Where(c => companyIds.Contains(c.Id)).ToListAsync(ct);
        return new People(
            members.ToDictionary(m => m.Id, m => new Person($"{m.FirstName} {m.LastName}", m.Email, m.Street, m.PostalCode, m.City, m.CountryCode)),
            companies.ToDictionary(c => c.Id));
    }
}

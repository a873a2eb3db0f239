using Cotravail.Common.Database;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Modules.Billing;

/// The module's tables on the one context (AppDb names no module).
internal static class BillingTables
{
    extension(AppDb db)
    {
        public DbSet<Invoice> Invoices => db.Set<Invoice>();
        public DbSet<InvoiceLine> InvoiceLines => db.Set<InvoiceLine>();
        public DbSet<Payment> Payments => db.Set<Payment>();
        public DbSet<InvoiceDocument> InvoiceDocuments => db.Set<InvoiceDocument>();
        public DbSet<BillingTerms> BillingTerms => db.Set<BillingTerms>();
        public DbSet<Charge> Charges => db.Set<Charge>();
        public DbSet<BillingRun> BillingRuns => db.Set<BillingRun>();
    }
}

namespace Cotravail.Modules.Billing;

internal enum BillingRunStatus
{
    Collecting,
    Drafting,
    Drafted,
    Issuing,
    Done,
    Failed,
    Cancelled,
}

/// One billing of a seller's month: collect the charges, draft one invoice per payer in batches, then,
/// once staff have reviewed the drafts, issue them one by one. Its counts and cursors are saved with each
/// batch, so it shows its progress and a stopped run continues where it stopped (BillingRunWorker).
internal sealed class BillingRun
{
    private BillingRun()
    {
    }

    public BillingRun(string period, Guid startedByUserId, DateTime now)
    {
        Id = Guid.CreateVersion7();
        Period = period;
        Status = BillingRunStatus.Collecting;
        StartedByUserId = startedByUserId;
        StartedAt = now;
    }

    public Guid Id { get; private set; }

    /// "2026-11".
    public string Period { get; private set; } = "";

    public BillingRunStatus Status { get; private set; }

    public int ChargesCollected { get; private set; }

    public int CustomersTotal { get; private set; }

    public int CustomersDone { get; private set; }

    public int DraftsCreated { get; private set; }

    /// Customers whose charges add up to 0: no invoice, their charges stay pending.
    public int CustomersSkipped { get; private set; }

    public long TotalCents { get; private set; }

    /// The last payer drafted (payers are taken in id order), so a resumed run continues after it.
    public Guid? DraftCursor { get; private set; }

    public int InvoicesIssued { get; private set; }

    /// Drafts the issuing refused (a buyer without address…): left as drafts for staff.
    public int IssueFailures { get; private set; }

    public Guid? IssueCursor { get; private set; }

    public Guid StartedByUserId { get; private set; }

    public Guid? IssueRequestedByUserId { get; private set; }

    public DateTime StartedAt { get; private set; }

    public DateTime? FinishedAt { get; private set; }

    public string? Error { get; private set; }

    /// The prefix of the SourceKey of every draft of this period's runs.
    public string KeyPrefix => PrefixOf(Period);

    public static string PrefixOf(string period) => $"run:{period}:";

    public bool Unfinished => Status is BillingRunStatus.Collecting or BillingRunStatus.Drafting or BillingRunStatus.Issuing;

    public void Collected(int charges, int customersLeft)
    {
        ChargesCollected += charges;
        CustomersTotal = CustomersDone + customersLeft;
        Status = BillingRunStatus.Drafting;
        Error = null;
    }

    public void Drafted(Guid lastPayer, int customers, int drafts, int skipped, long cents)
    {
        DraftCursor = lastPayer;
        CustomersDone += customers;
        DraftsCreated += drafts;
        CustomersSkipped += skipped;
        TotalCents += cents;
        CustomersTotal = Math.Max(CustomersTotal, CustomersDone);
    }

    public void DraftingDone(DateTime now) => (Status, FinishedAt) = (BillingRunStatus.Drafted, now);

    /// Staff reviewed the drafts: issue them. Only a drafted run can be issued; asking again changes nothing.
    public bool RequestIssue(Guid userId)
    {
        if (Status is BillingRunStatus.Issuing or BillingRunStatus.Done)
        {
            return true;
        }
        if (Status != BillingRunStatus.Drafted)
        {
            return false;
        }
        (Status, IssueRequestedByUserId, FinishedAt) = (BillingRunStatus.Issuing, userId, null);
        return true;
    }

    public void Issued(Guid invoiceId, bool ok)
    {
        IssueCursor = invoiceId;
        if (ok)
        {
            InvoicesIssued++;
        }
        else
        {
            IssueFailures++;
        }
    }

    /// The counts are taken again from the run's invoices: a stop between an invoice's issuing and the save of
    /// the run's progress leaves that invoice issued but uncounted, and the resumed run passes it over.
    public void IssuingDone(int issued, int drafts, DateTime now) =>
        (Status, InvoicesIssued, IssueFailures, FinishedAt) = (BillingRunStatus.Done, issued, drafts, now);

    public void Fail(string error, DateTime now) => (Status, Error, FinishedAt) = (BillingRunStatus.Failed, error.Length > 500 ? error[..500] : error, now);

    /// A failed run goes back to the step it failed in; the others are left as they are.
    public void Resume()
    {
        if (Status == BillingRunStatus.Failed)
        {
            (Status, FinishedAt) = (IssueRequestedByUserId is null ? BillingRunStatus.Collecting : BillingRunStatus.Issuing, null);
        }
    }

    /// A cancelled run frees its period for a new run; its drafts stay (their SourceKey keeps them unique).
    public void Cancel(DateTime now) => (Status, FinishedAt) = (BillingRunStatus.Cancelled, now);
}

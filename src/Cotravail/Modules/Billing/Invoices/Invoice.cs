namespace Cotravail.Modules.Billing;

internal enum InvoiceStatus
{
    Draft,
    Issued,
}

/// An invoice or a credit note, shaped on the EN 16931 semantic model (BT-x in comments) so an
/// e-invoice export can follow without a migration. A draft is edited freely; issuing numbers it,
/// snapshots the seller and chains its footprint, after which the database refuses any change (ADR 18).
internal sealed class Invoice
{
    private Invoice()
    {
    }

    private Invoice(DocumentKind kind, Guid locationId, Buyer buyer, string currency, string language, Guid createdByUserId, DateTime now)
    {
        Id = Guid.CreateVersion7();
        Kind = kind;
        Status = InvoiceStatus.Draft;
        Series = InvoiceSeries.Of(kind);
        LocationId = locationId;
        Currency = currency;
        Language = language;
        SetBuyer(buyer);
        CreatedByUserId = createdByUserId;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }

    /// BT-3: 380 commercial invoice or 381 credit note.
    public DocumentKind Kind { get; private set; }

    public InvoiceStatus Status { get; private set; }

    /// The numbering series (one counter row per seller and series): F for invoices, AV for credit notes.
    public string Series { get; private set; } = "";

    /// Position in the series, from 1 with no gap; null while a draft.
    public long? Sequence { get; private set; }

    /// BT-1, e.g. F-000042.
    public string? Number { get; private set; }

    /// BT-2, the seller's local date.
    public DateOnly? IssueDate { get; private set; }

    /// BT-9.
    public DateOnly? DueDate { get; private set; }

    /// BT-73/BT-74: the date or period of the service.
    public DateOnly? PeriodStart { get; private set; }

    public DateOnly? PeriodEnd { get; private set; }

    /// BT-5.
    public string Currency { get; private set; } = "EUR";

    /// The customer's language for the document and its email ("fr" or "en").
    public string Language { get; private set; } = "fr";

    /// The location that sold, for staff scoping and turnover per location.
    public Guid LocationId { get; private set; }

    /// Who pays: a member, or a company (then lines may name the team's members).
    public Guid? MemberId { get; private set; }

    public Guid? CompanyId { get; private set; }

    /// BG-7 buyer, as printed.
    public string BuyerName { get; private set; } = "";

    public string BuyerStreet { get; private set; } = "";

    public string BuyerPostalCode { get; private set; } = "";

    public string BuyerCity { get; private set; } = "";

    public string BuyerCountryCode { get; private set; } = "FR";

    /// BT-47 and BT-48, for businesses.
    public string? BuyerSiren { get; private set; }

    public string? BuyerVatNumber { get; private set; }

    /// BT-49: where the document is emailed.
    public string? BuyerEmail { get; private set; }

    /// BG-4 seller, snapshot at issue (null while a draft).
    public SellerSnapshot? Seller { get; private set; }

    /// BT-25/BT-26: the invoice a credit note corrects.
    public Guid? CorrectsInvoiceId { get; private set; }

    public string? CorrectsNumber { get; private set; }

    public DateOnly? CorrectsIssueDate { get; private set; }

    /// Why a credit note was made, printed on it.
    public string? Note { get; private set; }

    /// BT-109, BT-110, BT-112 (BT-115, the amount due, equals BT-112: nothing is prepaid at issue).
    public long NetTotalCents { get; private set; }

    public long VatTotalCents { get; private set; }

    public long GrossTotalCents { get; private set; }

    /// The footprint chain of the seller's issued documents (ADR 18).
    public long? ChainIndex { get; private set; }

    public string? PreviousFootprint { get; private set; }

    public string? Footprint { get; private set; }

    public Guid CreatedByUserId { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public Guid? IssuedByUserId { get; private set; }

    public DateTime? IssuedAt { get; private set; }

    /// The billing run or source that made this draft, so a re-run never bills twice (null: made by hand).
    public string? SourceKey { get; private set; }

    public List<InvoiceLine> Lines { get; private set; } = [];

    public List<InvoiceVat> VatBreakdown { get; private set; } = [];

    public bool IsDraft => Status == InvoiceStatus.Draft;

    public static Invoice Draft(Guid locationId, Buyer buyer, string currency, string language, Guid createdByUserId, DateTime now, string? sourceKey = null) =>
        new(DocumentKind.Invoice, locationId, buyer, currency, language, createdByUserId, now) { SourceKey = sourceKey };

    /// A draft credit note for some lines of an issued invoice, at the invoice's prices and VAT rates.
    public static Invoice CreditNoteFor(Invoice invoice, IEnumerable<(InvoiceLine Line, decimal Quantity)> credited, string? note, Guid createdByUserId, DateTime now)
    {
        var credit = new Invoice(DocumentKind.CreditNote, invoice.LocationId, invoice.BuyerOf(), invoice.Currency, invoice.Language, createdByUserId, now)
        {
            CorrectsInvoiceId = invoice.Id,
            CorrectsNumber = invoice.Number,
            CorrectsIssueDate = invoice.IssueDate,
            Note = note,
            PeriodStart = invoice.PeriodStart,
            PeriodEnd = invoice.PeriodEnd,
            MemberId = invoice.MemberId,
            CompanyId = invoice.CompanyId,
        };
        credit.SetLines(credited.Select(c => c.Line.CreditOf(c.Quantity)));
        return credit;
    }

    public Buyer BuyerOf() => new(MemberId, CompanyId, BuyerName, BuyerStreet, BuyerPostalCode, BuyerCity, BuyerCountryCode, BuyerSiren, BuyerVatNumber, BuyerEmail);

    public void SetBuyer(Buyer buyer)
    {
        EnsureDraft();
        (MemberId, CompanyId) = (buyer.MemberId, buyer.CompanyId);
        (BuyerName, BuyerStreet, BuyerPostalCode, BuyerCity, BuyerCountryCode) = (buyer.Name, buyer.Street, buyer.PostalCode, buyer.City, buyer.CountryCode);
        (BuyerSiren, BuyerVatNumber, BuyerEmail) = (buyer.Siren, buyer.VatNumber, buyer.Email);
    }

    public void SetPeriod(DateOnly? start, DateOnly? end, string language)
    {
        EnsureDraft();
        (PeriodStart, PeriodEnd, Language) = (start, end ?? start, language);
    }

    /// Replaces the lines and recomputes the VAT breakdown and totals (rule of ADR 18).
    public void SetLines(IEnumerable<InvoiceLine> lines)
    {
        EnsureDraft();
        Lines = [.. lines];
        for (var i = 0; i < Lines.Count; i++)
        {
            Lines[i].Place(Id, i + 1);
        }
        var totals = InvoiceTotals.Of(Lines.Select(l => (l.NetCents, l.VatMilliPercent)));
        VatBreakdown = [.. totals.PerRate.Select(r => new InvoiceVat(Id, r.MilliPercent, r.TaxableCents, r.VatCents))];
        (NetTotalCents, VatTotalCents, GrossTotalCents) = (totals.NetCents, totals.VatCents, totals.GrossCents);
    }

    /// Numbers, dates and seals the draft; called inside the issuing transaction only (IssueInvoice).
    public void Issue(long sequence, DateOnly issueDate, int paymentDays, SellerSnapshot seller, long chainIndex, string previousFootprint, Guid userId, DateTime now)
    {
        EnsureDraft();
        Sequence = sequence;
        Number = InvoiceSeries.Format(Series, sequence);
        IssueDate = issueDate;
        DueDate = issueDate.AddDays(paymentDays);
        Seller = seller;
        ChainIndex = chainIndex;
        PreviousFootprint = previousFootprint;
        IssuedByUserId = userId;
        IssuedAt = now;
        Footprint = InvoiceFootprint.Of(this);
        Status = InvoiceStatus.Issued;
    }

    private void EnsureDraft()
    {
        if (Status != InvoiceStatus.Draft)
        {
            throw new InvalidOperationException("An issued document is never changed; a credit note corrects it.");
        }
    }
}

/// Who is billed, as printed (BG-7) and who it stands for.
internal sealed record Buyer(Guid? MemberId, Guid? CompanyId, string Name, string Street, string PostalCode, string City, string CountryCode,
    string? Siren, string? VatNumber, string? Email);

/// The seller's legal identity and terms as they stood at issue (BG-4 and the French mentions).
internal sealed record SellerSnapshot(string LegalName, string LegalForm, string? ShareCapital, string Street, string PostalCode, string City, string CountryCode,
    string? Siren, string? Siret, string? RcsCity, string? VatNumber, bool VatFranchise, bool VatOnDebits, string? Email,
    int LatePenaltyMilliPercent, string? EarlyPaymentDiscount, string? PaymentTerms);

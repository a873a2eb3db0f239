using System.ComponentModel.DataAnnotations;
using Cotravail.Common.Audit;
using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Errors;
using Cotravail.Modules.Companies;
using Cotravail.Modules.Locations;
using Cotravail.Modules.Members;
using Cotravail.Modules.Network;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Modules.Billing;

/// A one-off charge typed at the desk (a product sold, a locker key): billed by the run of its date's month.
internal static class AddCharge
{
    internal sealed record Request
    {
        [Required(ErrorMessage = Messages.Required), Display(Name = "Location")]
        public Guid? LocationId { get; init; }

        public Guid? MemberId { get; init; }

        public Guid? CompanyId { get; init; }

        [Required(ErrorMessage = Messages.Required), StringLength(500, ErrorMessage = Messages.TooLong), Display(Name = "Description")]
        public string Description { get; init; } = "";

        [Range(typeof(decimal), "0.001", "100000", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true, ErrorMessage = Messages.Range), Display(Name = "Quantity")]
        public decimal Quantity { get; init; } = 1;

        [Price, Display(Name = "Unit price excl. VAT")]
        public decimal UnitPrice { get; init; }

        [Range(typeof(decimal), "0", "100", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true, ErrorMessage = Messages.Range), Display(Name = "VAT rate")]
        public decimal VatPercent { get; init; }

        /// The local date of the sale, e.g. "2026-11-14"; empty: today at the location.
        [StringLength(10, ErrorMessage = Messages.TooLong), Display(Name = "Date")]
        public string? Date { get; init; }
    }

    internal sealed record Response(Guid Id, Guid LocationId, Guid? MemberId, Guid? CompanyId, string Source, string Period, string Description, decimal Quantity,
        long UnitPriceCents, int VatMilliPercent, string Currency, DateOnly ServiceDate, Guid? InvoiceLineId);

    public static Response ToResponse(this Charge c) => new(c.Id, c.LocationId, c.MemberId, c.CompanyId, c.Source.ToString(), c.SourcePeriod, c.Description, c.Quantity,
        c.UnitPriceCents, c.VatMilliPercent, c.Currency, c.ServiceDate, c.InvoiceLineId);

    public static async Task<Result<Charge>> HandleAsync(Request input, AppDb db, AccessScope scope, AuditTrail audit, TimeProvider clock, CancellationToken ct)
    {
        var location = await db.Locations.AsNoTracking().FirstOrDefaultAsync(x => x.Id == input.LocationId, ct);
        if (location is null)
        {
            return new Invalid(nameof(Request.LocationId), "Not found.");
        }
        if (!scope.CanManage(location.Id))
        {
            return new Forbidden();
        }
        var companyId = input.CompanyId;
        if (input.MemberId is { } memberId)
        {
            var member = await db.Members.AsNoTracking().Where(m => m.Id == memberId).Select(m => new { m.CompanyId, m.BilledToCompany }).FirstOrDefaultAsync(ct);
            if (member is null)
            {
                return new Invalid(nameof(Request.MemberId), "Not found.");
            }
            companyId ??= member.BilledToCompany ? member.CompanyId : null;
        }
        else if (companyId is null)
        {
            return new Invalid(nameof(Request.MemberId), BillingMessages.NoCustomer);
        }
        if (companyId is { } cid && !await db.Companies.AnyAsync(c => c.Id == cid, ct))
        {
            return new Invalid(nameof(Request.CompanyId), "Not found.");
        }
        var rate = VatRate.MilliPercentOf(input.VatPercent);
        var franchise = await db.NetworkRow.Select(n => n.VatFranchise).SingleOrDefaultAsync(ct);
        if (franchise ? rate != 0 : !location.VatRates.Any(r => r.MilliPercent == rate))
        {
            return new Invalid(nameof(Request.VatPercent), BillingMessages.UnknownVatRate);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        DateOnly date;
        if (string.IsNullOrWhiteSpace(input.Date))
        {
            date = Assignments.LocalDates.Today(now, TimeZoneInfo.FindSystemTimeZoneById(location.TimeZone));
        }
        else if (!Assignments.LocalDates.TryParse(input.Date, out date))
        {
            return new Invalid(nameof(Request.Date), BillingMessages.NotADate);
        }
        var cents = (long)Math.Round(input.UnitPrice * 100, MidpointRounding.AwayFromZero);
        var charge = new Charge(location.Id, input.MemberId, companyId, ChargeSource.Manual, null, BillingPeriod.Of(date).ToString(), input.Description.Trim(),
            input.Quantity, cents, rate, location.Currency, date, null, now);
        db.Charges.Add(charge);
        audit.Record(AuditActions.ChargeAdded, "charge", charge.Id, location.Id, charge.Description);
        await db.SaveChangesAsync(ct);
        return charge;
    }
}

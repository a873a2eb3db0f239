using System.ComponentModel.DataAnnotations;
using Cotravail.Common.Audit;
using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Errors;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Cotravail.Modules.Companies;
using Cotravail.Modules.Locations;
using Cotravail.Modules.Members;
using Cotravail.Modules.Resources;

namespace Cotravail.Modules.Assignments;

/// Assigns a dedicated desk or a private office to a member or a company for a period of local dates.
/// The overlap check and the insert share one write transaction (one writer at a time on SQLite, with
/// a trigger as backstop); on PostgreSQL an exclusion constraint on the date range refuses a racing
/// overlap. Active bookings of the resource still to come in the period are in the way (409 listing them).
internal static class AssignResource
{
    internal sealed record Request
    {
        [Required(ErrorMessage = Messages.Required), Display(Name = "Resource")]
        public Guid? ResourceId { get; init; }

        public Guid? MemberId { get; init; }

        public Guid? CompanyId { get; init; }

        /// First local date, e.g. "2026-12-01".
        [Required(ErrorMessage = Messages.Required), StringLength(10, ErrorMessage = Messages.TooLong), Display(Name = "From")]
        public string From { get; init; } = "";

        /// The local date it stops (exclusive); empty while open-ended.
        [StringLength(10, ErrorMessage = Messages.TooLong), Display(Name = "Until")]
        public string? To { get; init; }

        /// In the currency's major unit, VAT excluded.
        [Price, Display(Name = "Price per month")]
        public decimal? MonthlyPrice { get; init; }
    }

    /// A booking standing in the way of the assignment, in the location's local time; no names.
    internal sealed record BookingInTheWay(Guid Id, DateTime LocalStart, DateTime LocalEnd);

    internal sealed record BookingsInTheWay(IReadOnlyList<BookingInTheWay> Bookings) : Error(AssignmentMessages.BookingsInTheWay);

    public static async Task<Result<AssignmentResponse>> HandleAsync(Request request, AppDb db, AccessScope scope, AuditTrail audit, TimeProvider clock,
        IBookingsInTheWay bookings, CancellationToken ct)
    {
        var resource = await db.Resources.AsNoTracking().FirstOrDefaultAsync(r => r.Id == request.ResourceId && r.IsActive, ct);
        if (resource is null)
        {
            return new NotFound("Resource");
        }
        if (!scope.CanManage(resource.LocationId))
        {
            return new Forbidden();
        }
        if (!AssignmentHolds.Assignable(resource.Kind))
        {
            return new Invalid(nameof(Request.ResourceId), AssignmentMessages.NotAssignable);
        }
        if ((request.MemberId is null) == (request.CompanyId is null))
        {
            return new Invalid(nameof(Request.MemberId), AssignmentMessages.MemberOrCompany);
        }
        if (request.MemberId is { } memberId && !await db.Members.AnyAsync(m => m.Id == memberId && m.IsActive, ct))
        {
            return new Invalid(nameof(Request.MemberId), AssignmentMessages.UnknownMember);
        }
        if (request.CompanyId is { } companyId && !await db.Companies.AnyAsync(c => c.Id == companyId && c.IsActive, ct))
        {
            return new Invalid(nameof(Request.CompanyId), AssignmentMessages.UnknownCompany);
        }
        if (!LocalDates.TryParse(request.From, out var from))
        {
            return new Invalid(nameof(Request.From), AssignmentMessages.NotADate);
        }
        DateOnly? to = null;
        if (!string.IsNullOrWhiteSpace(request.To))
        {
            if (!LocalDates.TryParse(request.To, out var until))
            {
                return new Invalid(nameof(Request.To), AssignmentMessages.NotADate);
            }
            if (until <= from)
            {
                return new Invalid(nameof(Request.To), AssignmentMessages.EndBeforeStart);
            }
            to = until;
        }
        var location = await db.Locations.AsNoTracking().AsSplitQuery().FirstAsync(l => l.Id == resource.LocationId, ct);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(location.TimeZone);
        var now = clock.GetUtcNow().UtcDateTime;
        var assignment = new ResourceAssignment(
            resource.Id, resource.LocationId, request.MemberId, request.CompanyId, from, to,
            LocalDates.StartUtc(from, zone), to is { } t ? LocalDates.StartUtc(t, zone) : null,
            (long)Math.Round((request.MonthlyPrice ?? 0) * 100), location.Currency, location.VatRates.FirstOrDefault()?.MilliPercent ?? 0,
            scope.UserId!.Value, now);
        audit.Record(AuditActions.AssignmentCreated, "assignment", assignment.Id, assignment.LocationId,
            $"{resource.Name}: {from:yyyy-MM-dd} – {(to is { } end ? end.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : "…")}");
        var written = await InsertAsync(db, assignment, now, zone, bookings, ct);
        if (written is not null)
        {
            return written;
        }
        return await AssignmentAccess.ResponseAsync(db, assignment.Id, ct);
    }

    /// Null when written; otherwise why not. Whatever the caller added (the audit entry) goes with it or is detached.
    private static async Task<Error?> InsertAsync(AppDb db, ResourceAssignment assignment, DateTime now, TimeZoneInfo zone, IBookingsInTheWay bookings, CancellationToken ct)
    {
        using var gate = await SqliteWriteGate.EnterAsync(db, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (db.IsPostgres)
        {
            // a booking being written for this resource holds its row FOR KEY SHARE (migration 0019): wait for it,
            // so the query below sees it; a booking arriving meanwhile waits for this one and then sees the assignment
            await db.Database.ExecuteSqlAsync($"SELECT 1 FROM \"Resources\" WHERE \"Id\" = {assignment.ResourceId} FOR UPDATE", ct);
        }
        var (from, to) = (assignment.From, assignment.To);
        Error? refused = null;
        if (await db.ResourceAssignments.AnyAsync(a => a.ResourceId == assignment.ResourceId && (to == null || a.From < to) && (a.To == null || from < a.To), ct))
        {
            refused = new Conflict(nameof(Request.From), AssignmentMessages.Overlaps);
        }
        else
        {
            var inTheWay = await bookings.FindAsync(db, assignment, now, zone, ct);
            if (inTheWay.Count > 0)
            {
                refused = new BookingsInTheWay(inTheWay);
            }
        }
        if (refused is null)
        {
            db.ResourceAssignments.Add(assignment);
            try
            {
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
                return null;
            }
            catch (DbUpdateException e) when (IsOverlap(e))
            {
                await tx.RollbackAsync(ct);
                refused = new Conflict(nameof(Request.From), AssignmentMessages.Overlaps);
            }
        }
        foreach (var entry in db.ChangeTracker.Entries().Where(e => e.State == EntityState.Added).ToList())
        {
            entry.State = EntityState.Detached;
        }
        return refused;
    }

    private static bool IsOverlap(DbUpdateException exception) => exception.InnerException switch
    {
        PostgresException p => p.SqlState == PostgresErrorCodes.ExclusionViolation,
        SqliteException s => s.Message.Contains("assignment_overlap", StringComparison.Ordinal),
        _ => false,
    };
}

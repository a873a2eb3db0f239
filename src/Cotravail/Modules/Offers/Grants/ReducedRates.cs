using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Cotravail.Common.Audit;
using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Errors;
using Cotravail.Modules.Locations;
using Cotravail.Modules.Members;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Modules.Offers;

/// /api/v1/members/{id}/reduced-rates: the grants of a member, granting one and revoking one. Managers of the
/// member's home location and network admins manage them; a member reads their own.
internal static class ReducedRates
{
    internal sealed record Request
    {
        [Required(ErrorMessage = Messages.Required), Display(Name = "Category")]
        public MemberCategory? Category { get; init; }

        /// What was checked, e.g. "Student card 2026–2027, Université Lyon 2"; no document is kept.
        [Required(ErrorMessage = OfferMessages.ProofRequired), StringLength(ReducedRateGrant.ProofLength, ErrorMessage = Messages.TooLong), Display(Name = "Proof checked")]
        public string ProofNote { get; init; } = "";

        /// The last local date it is valid on, e.g. "2027-06-30": at most one year ahead.
        [Required(ErrorMessage = Messages.Required), StringLength(10, ErrorMessage = Messages.TooLong), Display(Name = "Valid until")]
        public string ValidUntil { get; init; } = "";
    }

    internal sealed record GrantResponse(
        Guid Id, Guid MemberId, MemberCategory Category, string ProofNote, DateOnly ValidUntil, bool IsValid,
        Guid GrantedByUserId, DateTime GrantedAt, DateTime? RevokedAt);

    public static async Task<Result<IReadOnlyList<GrantResponse>>> ListAsync(Guid memberId, AppDb db, AccessScope scope, TimeProvider clock, CancellationToken ct)
    {
        var member = await MemberAsync(memberId, db, scope, change: false, ct);
        if (!member.IsOk)
        {
            return member.Error;
        }
        var today = await TodayAsync(db, member.Value.HomeLocationId, clock, ct);
        var grants = await db.ReducedRateGrants.AsNoTracking().Where(g => g.MemberId == memberId)
            .OrderByDescending(g => g.GrantedAt).ThenByDescending(g => g.Id).ToListAsync(ct);
        return grants.Select(g => ToResponse(g, today)).ToList();
    }

    public static async Task<Result<GrantResponse>> GrantAsync(Guid memberId, Request request, AppDb db, AccessScope scope, AuditTrail audit, TimeProvider clock,
        CancellationToken ct)
    {
        var member = await MemberAsync(memberId, db, scope, change: true, ct);
        if (!member.IsOk)
        {
            return member.Error;
        }
        if (!Enum.IsDefined(request.Category!.Value))
        {
            return new Invalid(nameof(Request.Category), OfferMessages.UnknownOrRepeated);
        }
        if (!DateOnly.TryParseExact(request.ValidUntil.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var until))
        {
            return new Invalid(nameof(Request.ValidUntil), OfferMessages.NotADate);
        }
        var today = await TodayAsync(db, member.Value.HomeLocationId, clock, ct);
        if (until < today || until > today.AddYears(1))
        {
            return new Invalid(nameof(Request.ValidUntil), OfferMessages.ValidUntilRange);
        }
        var grant = new ReducedRateGrant(memberId, request.Category.Value, request.ProofNote.Trim(), until, scope.UserId!.Value, clock.GetUtcNow().UtcDateTime);
        db.ReducedRateGrants.Add(grant);
        // The proof note stays out of the log: it may say more about the person than the category does.
        audit.Record(AuditActions.ReducedRateGranted, "member", memberId, member.Value.HomeLocationId,
            $"{grant.Category} until {until.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}");
        await db.SaveChangesAsync(ct);
        return ToResponse(grant, today);
    }

    public static async Task<Result<GrantResponse>> RevokeAsync(Guid memberId, Guid grantId, AppDb db, AccessScope scope, AuditTrail audit, TimeProvider clock,
        CancellationToken ct)
    {
        var member = await MemberAsync(memberId, db, scope, change: true, ct);
        if (!member.IsOk)
        {
            return member.Error;
        }
        var grant = await db.ReducedRateGrants.FirstOrDefaultAsync(g => g.Id == grantId && g.MemberId == memberId, ct);
        if (grant is null)
        {
            return new NotFound("Reduced rate");
        }
        if (!grant.Revoke(scope.UserId!.Value, clock.GetUtcNow().UtcDateTime))
        {
            return new Conflict("", OfferMessages.AlreadyRevoked);
        }
        audit.Record(AuditActions.ReducedRateRevoked, "member", memberId, member.Value.HomeLocationId, grant.Category.ToString());
        await db.SaveChangesAsync(ct);
        return ToResponse(grant, await TodayAsync(db, member.Value.HomeLocationId, clock, ct));
    }

    /// Today's local date in a time zone.
    public static DateOnly Today(TimeProvider clock, string timeZone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(clock.GetUtcNow().UtcDateTime, TimeZoneInfo.FindSystemTimeZoneById(timeZone)));

    private static async Task<DateOnly> TodayAsync(AppDb db, Guid locationId, TimeProvider clock, CancellationToken ct) =>
        Today(clock, await db.Locations.Where(l => l.Id == locationId).Select(l => l.TimeZone).FirstAsync(ct));

    /// The member, if the caller may read (their own, or as a manager of their home location) or change their grants.
    private static async Task<Result<Member>> MemberAsync(Guid memberId, AppDb db, AccessScope scope, bool change, CancellationToken ct)
    {
        var member = await db.Members.VisibleTo(scope).AsNoTracking().FirstOrDefaultAsync(m => m.Id == memberId, ct);
        if (member is null)
        {
            return new NotFound("Member");
        }
        if (!scope.CanManage(member.HomeLocationId) && (change || member.Id != scope.MemberId))
        {
            return new Forbidden();
        }
        return member;
    }

    private static GrantResponse ToResponse(ReducedRateGrant g, DateOnly today) =>
        new(g.Id, g.MemberId, g.Category, g.ProofNote, g.ValidUntil, g.IsValidOn(today), g.GrantedByUserId, g.GrantedAt, g.RevokedAt);
}

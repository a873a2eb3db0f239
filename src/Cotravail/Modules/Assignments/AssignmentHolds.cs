using Cotravail.Common;
using Cotravail.Common.Database;
using Cotravail.Common.Errors;
using Cotravail.Modules.Resources;
using Microsoft.EntityFrameworkCore;
using Cotravail.Modules.Members;

namespace Cotravail.Modules.Assignments;

/// What the booking side asks about assignments: nobody books a desk or an office while it is
/// assigned (the holder uses it without booking, and is not charged twice). Only dedicated desks and
/// private offices are ever assigned, so other kinds cost no query.
internal static class AssignmentHolds
{
    internal sealed record Period(Guid ResourceId, DateTime StartsAt, DateTime? EndsAt)
    {
        public bool Overlaps(DateTime start, DateTime end) => StartsAt < end && (EndsAt is null || start < EndsAt);
    }

    public static bool Assignable(ResourceKind kind) => kind is ResourceKind.DedicatedDesk or ResourceKind.PrivateOffice;

    /// BookResource's guard: a 409 naming resourceId when the resource is assigned during the slot.
    public static async Task<Error?> RefusalAsync(AppDb db, Resource resource, Guid? memberId, TimeSlot slot, CancellationToken ct)
    {
        if (!Assignable(resource.Kind))
        {
            return null;
        }
        var holder = await db.ResourceAssignments.AsNoTracking()
            .Where(a => a.ResourceId == resource.Id && a.StartsAt < slot.End && (a.EndsAt == null || slot.Start < a.EndsAt))
            .Select(a => new { a.MemberId, a.CompanyId }).FirstOrDefaultAsync(ct);
        if (holder is null)
        {
            return null;
        }
        var company = memberId is null ? null : await db.Members.AsNoTracking().Where(m => m.Id == memberId).Select(m => m.CompanyId).FirstOrDefaultAsync(ct);
        var yours = (holder.MemberId is { } m && m == memberId) || (holder.CompanyId is { } c && c == company);
        return new Conflict("ResourceId", yours ? AssignmentMessages.AssignedToYou
            : holder.MemberId is null ? AssignmentMessages.AssignedToCompany : AssignmentMessages.AssignedToMember);
    }

    /// The assignment periods of these resources that touch [from, to), for availability and timelines.
    public static Task<ILookup<Guid, Period>> PeriodsAsync(AppDb db, IEnumerable<Resource> resources, DateTime from, DateTime to, CancellationToken ct) =>
        PeriodsAsync(db, resources.Where(r => Assignable(r.Kind)).Select(r => r.Id).ToList(), from, to, ct);

    /// The same for resources given by id (only those of an assignable kind can have any).
    public static async Task<ILookup<Guid, Period>> PeriodsAsync(AppDb db, List<Guid> ids, DateTime from, DateTime to, CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            return Array.Empty<Period>().ToLookup(p => p.ResourceId);
        }
        var rows = await db.ResourceAssignments.AsNoTracking()
            .Where(a => ids.Contains(a.ResourceId) && a.StartsAt < to && (a.EndsAt == null || from < a.EndsAt))
            .Select(a => new Period(a.ResourceId, a.StartsAt, a.EndsAt)).ToListAsync(ct);
        return rows.Select(p => p with
        {
            StartsAt = DateTime.SpecifyKind(p.StartsAt, DateTimeKind.Utc),
            EndsAt = p.EndsAt is { } e ? DateTime.SpecifyKind(e, DateTimeKind.Utc) : null,
        }).ToLookup(p => p.ResourceId);
    }
}

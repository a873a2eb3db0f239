namespace Cotravail.Modules.Assignments;

/// A dedicated desk or a private office given to one member or one company for a period of local
/// dates [From, To) — To null while open-ended. While it lasts nobody books the resource (the holder
/// uses it without booking); the database refuses two assignments of one resource overlapping.
internal sealed class ResourceAssignment
{
    private ResourceAssignment()
    {
    }

    public ResourceAssignment(
        Guid resourceId, Guid locationId, Guid? memberId, Guid? companyId, DateOnly from, DateOnly? to, DateTime startsAt, DateTime? endsAt,
        long monthlyPriceCents, string currency, int vatMilliPercent, Guid createdByUserId, DateTime now)
    {
        Id = Guid.CreateVersion7();
        ResourceId = resourceId;
        LocationId = locationId;
        MemberId = memberId;
        CompanyId = companyId;
        From = from;
        To = to;
        StartsAt = startsAt;
        EndsAt = endsAt;
        MonthlyPriceCents = monthlyPriceCents;
        Currency = currency;
        VatMilliPercent = vatMilliPercent;
        CreatedByUserId = createdByUserId;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }

    public Guid ResourceId { get; private set; }

    /// The resource's location, so every query is scoped without a join.
    public Guid LocationId { get; private set; }

    /// Exactly one of MemberId and CompanyId is set.
    public Guid? MemberId { get; private set; }

    public Guid? CompanyId { get; private set; }

    /// First local date of the period.
    public DateOnly From { get; private set; }

    /// The local date the period stops (exclusive); null while open-ended.
    public DateOnly? To { get; private set; }

    /// From and To as UTC instants (local midnight in the location's zone when it was made), to compare with bookings.
    public DateTime StartsAt { get; private set; }

    public DateTime? EndsAt { get; private set; }

    /// The monthly price in minor units and its VAT rate in basis points, for billing (not invoiced yet).
    public long MonthlyPriceCents { get; private set; }

    public string Currency { get; private set; } = "EUR";

    /// Thousandths of a percent (Locations.VatRate).
    public int VatMilliPercent { get; private set; }

    public Guid CreatedByUserId { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime? EndedAt { get; private set; }

    /// Shortens the period to stop on `to` (exclusive); never lengthens it, never empties it.
    public bool End(DateOnly to, DateTime endsAt, DateTime now)
    {
        if (to <= From || (To is { } current && to > current))
        {
            return false;
        }
        To = to;
        EndsAt = endsAt;
        EndedAt = now;
        return true;
    }
}

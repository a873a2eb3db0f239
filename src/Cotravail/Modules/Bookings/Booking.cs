using Cotravail.Common;
using Cotravail.Modules.Resources;

namespace Cotravail.Modules.Bookings;

internal enum BookingStatus
{
    /// Waiting for a manager's approval; holds the slot until then or until it expires.
    Pending,
    Confirmed,
    Cancelled,
    Declined,
    Expired,
    /// Not checked in in time: the slot was given back.
    Released,
}

/// One reservation of one seat of a resource for a slot. Only Pending and Confirmed bookings hold
/// their slot; the database refuses two of them overlapping on the same seat (see decision 0007).
internal sealed class Booking
{
    private Booking()
    {
    }

    public Booking(Guid resourceId, ResourceKind kind, Guid locationId, TimeSlot slot, TimeSlot blocked, Guid bookedByUserId, Guid? memberId, string title, bool pending, DateTime now)
    {
        Id = Guid.CreateVersion7();
        ResourceId = resourceId;
        Of(kind);
        LocationId = locationId;
        Seat = 1;
        Start = slot.Start;
        End = slot.End;
        BlockStart = blocked.Start;
        BlockEnd = blocked.End;
        BookedByUserId = bookedByUserId;
        MemberId = memberId;
        Title = title;
        Status = pending ? BookingStatus.Pending : BookingStatus.Confirmed;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }

    public Guid ResourceId { get; private set; }

    /// The resource's location, kept here so every booking query is scoped without a join.
    public Guid LocationId { get; private set; }

    /// 1 for a room or a desk; 1..N in a hot-desk zone of N seats.
    public int Seat { get; private set; }

    public DateTime Start { get; private set; }

    public DateTime End { get; private set; }

    /// Start minus set-up and End plus clean-up: what the booking keeps others from.
    public DateTime BlockStart { get; private set; }

    public DateTime BlockEnd { get; private set; }

    public BookingStatus Status { get; private set; }

    public Guid BookedByUserId { get; private set; }

    /// The member it is for; null for a non-member booked by staff.
    public Guid? MemberId { get; private set; }

    public string Title { get; private set; } = "";

    /// Price in minor units of the location's currency and the VAT rate in basis points (2000 = 20 %).
    public long PriceCents { get; private set; }

    public string Currency { get; private set; } = "EUR";

    /// Thousandths of a percent (VatRate), the location's rate when priced.
    public int VatMilliPercent { get; private set; }

    public DateTime? CheckedInAt { get; private set; }

    /// The recurring series this booking is an occurrence of, if any.
    public Guid? SeriesId { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime? CancelledAt { get; private set; }

    /// When its slot or resource was last changed; a changed request's hold counts from then.
    public DateTime? ChangedAt { get; private set; }

    /// Due when a booking is cancelled after its free-cancellation limit: a share of its price, in cents.
    public long CancellationFeeCents { get; private set; }

    /// The invitation's SEQUENCE (RFC 5545): 0 when booked, one more on each change or cancellation, so
    /// calendar apps replace their copy with the newer one.
    public int Sequence { get; private set; }

    /// When the reminder before the start was sent (claimed by one sweeping instance); null until then.
    public DateTime? ReminderSentAt { get; private set; }

    /// Call when the booking's time, resource or attendees change, before sending the update.
    public void Revise() => Sequence++;

    public TimeSlot Slot => new(DateTime.SpecifyKind(Start, DateTimeKind.Utc), DateTime.SpecifyKind(End, DateTimeKind.Utc));

    public bool HoldsSlot => Status is BookingStatus.Pending or BookingStatus.Confirmed;

    public void AssignSeat(int seat) => Seat = seat;

    public void JoinSeries(Guid seriesId) => SeriesId = seriesId;

    /// The resource's kind, kept here (and kept in step by the database when a resource changes kind,
    /// migration 0021) so a network-wide search reads only the bookings of the kind it looks for.
    public ResourceKind Kind { get; private set; }

    /// The resource is a desk or an office, which can be assigned to someone for a period
    /// (Modules/Assignments): the database then refuses the booking during an assignment (migration 0019),
    /// and no other booking pays for that check. Follows Kind.
    public bool Assignable { get; private set; }

    private void Of(ResourceKind kind) => (Kind, Assignable) = (kind, Assignments.AssignmentHolds.Assignable(kind));

    /// A waitlist offer holds its slot as a pending booking until the member accepts (Confirmed),
    /// declines or lets it expire; the waitlist entry pointing at it tells it from an approval request.
    public void HoldForOffer() => Status = BookingStatus.Pending;

    public void Price(long cents, string currency, int vatMilliPercent)
    {
        PriceCents = cents;
        Currency = currency;
        VatMilliPercent = vatMilliPercent;
    }

    /// A pending request stops holding its slot two days after it was made, or when its slot starts.
    public static readonly TimeSpan PendingHold = TimeSpan.FromDays(2);

    public DateTime PendingExpiresAt => (ChangedAt ?? CreatedAt) + PendingHold < Start ? (ChangedAt ?? CreatedAt) + PendingHold : Start;

    /// Moves an active booking that has not started to another slot or resource (the caller checks and
    /// prices it); pending = the new resource needs approval, so it becomes a request again.
    public bool Change(Guid resourceId, ResourceKind kind, Guid locationId, TimeSlot slot, TimeSlot blocked, string title, bool pending, DateTime now)
    {
        if (!HoldsSlot || now >= Start)
        {
            return false;
        }
        (ResourceId, LocationId, Start, End, BlockStart, BlockEnd, Title) = (resourceId, locationId, slot.Start, slot.End, blocked.Start, blocked.End, title);
        Of(kind);
        Status = pending ? BookingStatus.Pending : BookingStatus.Confirmed;
        ChangedAt = now;
        return true;
    }

    /// Keeps the booking's set-up and clean-up around new instants (a location's time-zone change).
    public void Shift(TimeSlot slot)
    {
        (BlockStart, BlockEnd) = (slot.Start - (Start - BlockStart), slot.End + (BlockEnd - End));
        (Start, End) = (slot.Start, slot.End);
    }

    public void Anonymise() => Title = "";

    /// Check-in opens this long before the start and closes at the end.
    public static readonly TimeSpan CheckInOpens = TimeSpan.FromMinutes(15);

    public bool CheckIn(DateTime now)
    {
        if (Status != BookingStatus.Confirmed || now < Start - CheckInOpens || now >= End)
        {
            return false;
        }
        CheckedInAt ??= now;
        return true;
    }

    /// Until then a cancellation is free; later it costs the policy's LateCancellationPercent of the price.
    public DateTime FreeCancellationUntil(Resources.BookingPolicy policy) => Start - TimeSpan.FromHours(policy.FreeCancellationHours);

    /// What cancelling at this instant costs, in cents: nothing before the free-cancellation limit, nothing for a
    /// pending request or a booking that no longer holds its slot; later, LateCancellationPercent of the price.
    public long CancellationFeeAt(DateTime now, Resources.BookingPolicy policy) =>
        Status == BookingStatus.Confirmed && now > FreeCancellationUntil(policy) ? PriceCents * policy.LateCancellationPercent / 100 : 0;

    /// Cancels; with a policy, a cancellation later than its free-cancellation limit before the start
    /// costs LateCancellationPercent of the price (pending requests never cost anything).
    public bool Cancel(DateTime now, Resources.BookingPolicy? policy = null)
    {
        if (!HoldsSlot)
        {
            return false;
        }
        if (policy is not null)
        {
            CancellationFeeCents = CancellationFeeAt(now, policy);
        }
        Status = BookingStatus.Cancelled;
        CancelledAt = now;
        Sequence++;
        return true;
    }
}

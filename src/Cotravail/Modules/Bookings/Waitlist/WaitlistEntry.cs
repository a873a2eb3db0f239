using Cotravail.Modules.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cotravail.Modules.Bookings;

internal enum WaitlistStatus
{
    Waiting,
    Booked,
    Withdrawn,
    /// The freed slot is held for this member until OfferExpiresAt (the hold is BookingId).
    Offered,
    /// The member turned the offer down; the slot went to the next in line.
    Declined,
    /// The offer was not accepted in time; the slot went to the next in line.
    Expired,
}

/// A member waiting for a taken slot; when it frees up, the first in line is booked into it or offered it,
/// as the resource's WaitlistMode says.
internal sealed class WaitlistEntry
{
    private WaitlistEntry()
    {
    }

    public WaitlistEntry(Guid resourceId, Guid locationId, Guid userId, Guid memberId, string start, string end, DateTime startUtc, string? title, DateTime now)
    {
        Id = Guid.CreateVersion7();
        ResourceId = resourceId;
        LocationId = locationId;
        UserId = userId;
        MemberId = memberId;
        LocalStart = start;
        LocalEnd = end;
        StartUtc = startUtc;
        Title = title;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }

    public Guid ResourceId { get; private set; }

    public Guid LocationId { get; private set; }

    public Guid UserId { get; private set; }

    public Guid MemberId { get; private set; }

    /// The slot as asked, in the location's wall-clock time (replayed through the booking rules).
    public string LocalStart { get; private set; } = "";

    public string LocalEnd { get; private set; } = "";

    public DateTime StartUtc { get; private set; }

    public string? Title { get; private set; }

    public WaitlistStatus Status { get; private set; }

    /// The booking made for this member, or while Offered the booking holding the slot for them.
    public Guid? BookingId { get; private set; }

    /// Until when an offer holds the slot (UTC).
    public DateTime? OfferExpiresAt { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public void Booked(Guid bookingId)
    {
        Status = WaitlistStatus.Booked;
        BookingId = bookingId;
    }
}

internal sealed class WaitlistEntryConfiguration : IEntityTypeConfiguration<WaitlistEntry>
{
    public void Configure(EntityTypeBuilder<WaitlistEntry> builder)
    {
        builder.ToTable("Waitlist");
        builder.HasKey(w => w.Id);
        builder.Property(w => w.Id).ValueGeneratedNever();
        builder.Property(w => w.LocalStart).HasMaxLength(40);
        builder.Property(w => w.LocalEnd).HasMaxLength(40);
        builder.Property(w => w.Title).HasMaxLength(200);
        builder.Property(w => w.Status).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(w => new { w.ResourceId, w.Status, w.CreatedAt });
        builder.HasIndex(w => w.MemberId);
        builder.HasIndex(w => w.BookingId);
        builder.HasOne<Resource>().WithMany().HasForeignKey(w => w.ResourceId).OnDelete(DeleteBehavior.Cascade);
    }
}

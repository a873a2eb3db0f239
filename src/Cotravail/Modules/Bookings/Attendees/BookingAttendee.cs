using Cotravail.Common.Email;
using Cotravail.Modules.Members;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cotravail.Modules.Bookings;

/// Someone invited to a booking: a member of the network (by id; their name and address are read from
/// Members when needed, so they stay current) or a guest from outside, by email with an optional name.
internal sealed class BookingAttendee
{
    public const int MaxPerBooking = 50;

    private BookingAttendee()
    {
    }

    private BookingAttendee(Guid bookingId, Guid? memberId, string? email, string? name, DateTime now)
    {
        Id = Guid.CreateVersion7();
        BookingId = bookingId;
        MemberId = memberId;
        Email = email;
        Name = name;
        AddedAt = now;
    }

    public static BookingAttendee ForMember(Guid bookingId, Guid memberId, DateTime now) => new(bookingId, memberId, null, null, now);

    public static BookingAttendee ForGuest(Guid bookingId, string email, string? name, DateTime now) =>
        new(bookingId, null, EmailText.Normalize(email), string.IsNullOrWhiteSpace(name) ? null : name.Trim(), now);

    public Guid Id { get; private set; }

    public Guid BookingId { get; private set; }

    /// A member attendee; null for a guest.
    public Guid? MemberId { get; private set; }

    /// A guest's address; null for a member (their current address is in Members).
    public string? Email { get; private set; }

    public string? Name { get; private set; }

    public DateTime AddedAt { get; private set; }
}

internal sealed class BookingAttendeeConfiguration : IEntityTypeConfiguration<BookingAttendee>
{
    public void Configure(EntityTypeBuilder<BookingAttendee> builder)
    {
        builder.ToTable("BookingAttendees", t => t.HasCheckConstraint("CK_BookingAttendees_Who", "(\"MemberId\" IS NULL) <> (\"Email\" IS NULL)"));
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Email).HasMaxLength(256);
        builder.Property(a => a.Name).HasMaxLength(200);
        builder.HasOne<Booking>().WithMany().HasForeignKey(a => a.BookingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Member>().WithMany().HasForeignKey(a => a.MemberId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => a.BookingId);
        builder.HasIndex(a => a.MemberId);
        builder.HasIndex(a => a.Email);
    }
}

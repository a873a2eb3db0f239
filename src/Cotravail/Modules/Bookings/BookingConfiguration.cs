using Cotravail.Modules.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cotravail.Modules.Bookings;

internal sealed class BookingConfiguration : IEntityTypeConfiguration<Booking>
{
    public void Configure(EntityTypeBuilder<Booking> builder)
    {
        builder.HasKey(b => b.Id);
        builder.Property(b => b.Id).ValueGeneratedNever();
        builder.Property(b => b.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(b => b.Title).HasMaxLength(200);
        builder.Property(b => b.Currency).HasMaxLength(3);
        builder.Ignore(b => b.Slot);
        // The defaults are for rows older than these columns; EF Core always writes the value (no RETURNING).
        builder.Property(b => b.CancellationFeeCents).HasDefaultValue(0L).ValueGeneratedNever();
        builder.Property(b => b.Sequence).HasDefaultValue(0).ValueGeneratedNever();
        builder.Property(b => b.Assignable).HasDefaultValue(false).ValueGeneratedNever();
        builder.Property(b => b.Kind).HasConversion<string>().HasMaxLength(30).HasDefaultValueSql("''").ValueGeneratedNever();
        builder.HasOne<Resource>().WithMany().HasForeignKey(b => b.ResourceId).OnDelete(DeleteBehavior.Restrict);
        // The overlap check and availability search: a resource's bookings by time.
        builder.HasIndex(b => new { b.ResourceId, b.BlockStart });
        // Network-wide availability: the slot-holding bookings of a kind touching a time range, read from the index alone.
        builder.HasIndex(b => new { b.Kind, b.BlockStart, b.BlockEnd, b.ResourceId, b.Seat }, "IX_Bookings_Active_Kind_BlockStart")
            .HasFilter("\"Status\" IN ('Pending', 'Confirmed')");
        builder.HasIndex(b => new { b.LocationId, b.Start });
        builder.HasIndex(b => new { b.MemberId, b.Start });
        // Only bookings of a series: the others (most) cost no entry in it.
        builder.HasIndex(b => b.SeriesId).HasFilter("\"SeriesId\" IS NOT NULL");
        builder.ToTable("Bookings", t => t.HasCheckConstraint("CK_Bookings_Slot", "\"Start\" < \"End\" AND \"BlockStart\" <= \"Start\" AND \"End\" <= \"BlockEnd\" AND \"Seat\" >= 1"));
    }
}

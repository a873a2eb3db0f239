using Cotravail.Modules.Bookings;
using Cotravail.Modules.Companies;
using Cotravail.Modules.Locations;
using Cotravail.Modules.Members;
using Cotravail.Modules.Offers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cotravail.Modules.Subscriptions;

internal sealed class SubscriptionConfiguration : IEntityTypeConfiguration<Subscription>
{
    public void Configure(EntityTypeBuilder<Subscription> builder)
    {
        builder.ToTable("Subscriptions", t =>
        {
            t.HasCheckConstraint("CK_Subscriptions_Price", "\"PriceCents\" >= 0 AND \"VatMilliPercent\" BETWEEN 0 AND 100000 AND \"NoticeDays\" >= 0");
            t.HasCheckConstraint("CK_Subscriptions_Dates", "\"EndsOn\" IS NULL OR \"EndsOn\" >= \"StartsOn\"");
        });
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.Currency).HasMaxLength(3);
        builder.HasOne<Member>().WithMany().HasForeignKey(s => s.MemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Offer>().WithMany().HasForeignKey(s => s.OfferId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Location>().WithMany().HasForeignKey(s => s.LocationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Company>().WithMany().HasForeignKey(s => s.PayerCompanyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.MemberId, s.StartsOn });
        builder.HasIndex(s => new { s.LocationId, s.StartsOn });
        builder.OwnsMany(s => s.Pauses, p =>
        {
            p.ToTable("SubscriptionPauses", t => t.HasCheckConstraint("CK_SubscriptionPauses_Dates", "\"To\" >= \"From\""));
            p.WithOwner().HasForeignKey("SubscriptionId");
            p.Property<int>("Id");
            p.HasKey("Id");
        });
        builder.Navigation(s => s.Pauses).AutoInclude();
    }
}

internal sealed class AllowanceConfiguration : IEntityTypeConfiguration<Allowance>
{
    public void Configure(EntityTypeBuilder<Allowance> builder)
    {
        // The guarantee of ADR 21: whatever races, a balance never goes below zero nor above what was granted.
        builder.ToTable("Allowances", t => t.HasCheckConstraint("CK_Allowances_Balance", "\"Used\" >= 0 AND \"Used\" <= \"Granted\" AND \"PeriodEnd\" >= \"PeriodStart\""));
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Unit).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<Subscription>().WithMany().HasForeignKey(a => a.SubscriptionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.SubscriptionId, a.Unit, a.PeriodStart }).IsUnique();
    }
}

internal sealed class AllowanceUseConfiguration : IEntityTypeConfiguration<AllowanceUse>
{
    public void Configure(EntityTypeBuilder<AllowanceUse> builder)
    {
        builder.ToTable("AllowanceUses", t => t.HasCheckConstraint("CK_AllowanceUses_Amount", "\"Amount\" >= 0 AND \"CoveredCents\" >= 0"));
        builder.HasKey(u => u.Id);
        builder.Property(u => u.Id).ValueGeneratedNever();
        builder.HasOne<Subscription>().WithMany().HasForeignKey(u => u.SubscriptionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Allowance>().WithMany().HasForeignKey(u => u.AllowanceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Booking>().WithMany().HasForeignKey(u => u.BookingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(u => u.BookingId);
        builder.HasIndex(u => new { u.AllowanceId, u.Day });
    }
}

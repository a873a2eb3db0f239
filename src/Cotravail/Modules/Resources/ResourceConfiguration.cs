using Cotravail.Common.Localization;
using Cotravail.Modules.Locations;
using Cotravail.Modules.Locations.Photos;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cotravail.Modules.Resources;

internal sealed class ResourceConfiguration : IEntityTypeConfiguration<Resource>
{
    public void Configure(EntityTypeBuilder<Resource> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Name).HasMaxLength(200);
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(r => r.Amenities).HasConversion<int>();
        builder.Property(r => r.Accessibility).HasConversion<int>();
        builder.HasBilingualText(r => r.Description, "Description", ResourceInput.DescriptionLength);
        builder.ComplexProperty(r => r.Policy, policy =>
        {
            policy.Property(x => x.SetupMinutes).HasColumnName("SetupMinutes");
            policy.Property(x => x.CleanupMinutes).HasColumnName("CleanupMinutes");
            policy.Property(x => x.MinMinutes).HasColumnName("MinMinutes");
            policy.Property(x => x.MaxMinutes).HasColumnName("MaxMinutes");
            policy.Property(x => x.IncrementMinutes).HasColumnName("IncrementMinutes");
            policy.Property(x => x.WindowDays).HasColumnName("WindowDays");
            policy.Property(x => x.RequiresApproval).HasColumnName("RequiresApproval");
            policy.Property(x => x.MembersOnly).HasColumnName("MembersOnly");
            policy.Property(x => x.FreeCancellationHours).HasColumnName("FreeCancellationHours");
            policy.Property(x => x.LateCancellationPercent).HasColumnName("LateCancellationPercent");
            policy.Property(x => x.MaxHoursPerWeek).HasColumnName("MaxHoursPerWeek");
            policy.Property(x => x.MaxBookingsPerWeek).HasColumnName("MaxBookingsPerWeek");
            policy.Property(x => x.CheckInMinutes).HasColumnName("CheckInMinutes");
            policy.Property(x => x.WaitlistMode).HasColumnName("WaitlistMode").HasConversion<string>().HasMaxLength(20)
                .HasDefaultValue(WaitlistMode.BookDirectly);
            policy.Property(x => x.OfferMinutes).HasColumnName("OfferMinutes").HasDefaultValue(60);
            policy.Ignore(x => x.OfferHold);
        });
        builder.Property(r => r.Pricing).HasConversion<string>().HasMaxLength(20).HasDefaultValue(ResourcePricing.Rates);
        builder.ComplexProperty(r => r.Rates, rates =>
        {
            rates.Property(x => x.MemberHourly).HasColumnName("MemberHourlyCents");
            rates.Property(x => x.MemberHalfDay).HasColumnName("MemberHalfDayCents");
            rates.Property(x => x.MemberDay).HasColumnName("MemberDayCents");
            rates.Property(x => x.NonMemberHourly).HasColumnName("NonMemberHourlyCents");
            rates.Property(x => x.NonMemberHalfDay).HasColumnName("NonMemberHalfDayCents");
            rates.Property(x => x.NonMemberDay).HasColumnName("NonMemberDayCents");
        });
        builder.OwnsMany(r => r.OpeningHours, o =>
        {
            o.ToTable("ResourceOpeningHours");
            o.WithOwner().HasForeignKey("ResourceId");
            o.Property<int>("Id");
            o.HasKey("Id");
            o.Property(p => p.Day).HasConversion<int>();
        });
        builder.Navigation(r => r.OpeningHours).AutoInclude();
        builder.HasMany<LocationPhoto>().WithOne().HasForeignKey(p => p.ResourceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Location>().WithMany().HasForeignKey(r => r.LocationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.LocationId, r.Name }).IsUnique();
        builder.ToTable("Resources", t => t.HasCheckConstraint("CK_Resources_Capacity", "\"Capacity\" >= 1"));
    }
}

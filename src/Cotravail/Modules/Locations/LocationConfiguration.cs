using Cotravail.Common;
using Cotravail.Common.Auth;
using Cotravail.Common.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cotravail.Modules.Locations;

internal sealed class LocationConfiguration : IEntityTypeConfiguration<Location>
{
    public void Configure(EntityTypeBuilder<Location> builder)
    {
        builder.ToTable("Locations");
        builder.HasKey(l => l.Id);
        builder.HasMany<StaffAssignment>().WithOne().HasForeignKey(s => s.LocationId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(l => l.Id).ValueGeneratedNever();
        builder.Property(l => l.Slug).HasMaxLength(80);
        builder.HasIndex(l => l.Slug).IsUnique();
        builder.Property(l => l.Name).HasMaxLength(200);
        builder.HasIndex(l => l.Name);
        builder.Property(l => l.Street).HasMaxLength(AddressFields.StreetLength);
        builder.Property(l => l.PostalCode).HasMaxLength(AddressFields.PostalCodeLength);
        builder.Property(l => l.City).HasMaxLength(AddressFields.CityLength);
        builder.Property(l => l.CountryCode).HasMaxLength(AddressFields.CountryCodeLength);
        builder.Property(l => l.TimeZone).HasMaxLength(64);
        builder.Property(l => l.Currency).HasMaxLength(3);
        builder.HasBilingualText(l => l.Description, "Description", LocationInput.DescriptionLength);
        builder.Property(l => l.PhotoUrl).HasMaxLength(500);
        builder.OwnsMany(l => l.OpeningHours, o =>
        {
            o.ToTable("LocationOpeningHours");
            o.WithOwner().HasForeignKey("LocationId");
            o.Property<int>("Id");
            o.HasKey("Id");
            o.Property(p => p.Day).HasConversion<int>();
        });
        builder.OwnsMany(l => l.ClosedDays, o =>
        {
            o.ToTable("LocationClosedDays");
            o.WithOwner().HasForeignKey("LocationId");
            o.Property<int>("Id");
            o.HasKey("Id");
            o.Property(d => d.Reason).HasMaxLength(200);
        });
        builder.OwnsMany(l => l.VatRates, o =>
        {
            o.ToTable("LocationVatRates");
            o.WithOwner().HasForeignKey("LocationId");
            o.Property<int>("Id");
            o.HasKey("Id");
            o.Property(v => v.Label).HasMaxLength(50);
        });
        builder.Navigation(l => l.OpeningHours).AutoInclude();
        builder.Navigation(l => l.ClosedDays).AutoInclude();
        builder.Navigation(l => l.VatRates).AutoInclude();
    }
}

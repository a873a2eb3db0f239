using Cotravail.Modules.Locations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cotravail.Modules.Offers;

/// An offer and its four lists, each a child table as a location's opening hours are (ADR 19): plain rows on
/// both engines, checked by the database where cheap, and a foreign key from each opened location.
internal sealed class OfferConfiguration : IEntityTypeConfiguration<Offer>
{
    public void Configure(EntityTypeBuilder<Offer> builder)
    {
        builder.ToTable("Offers", t =>
        {
            t.HasCheckConstraint("CK_Offers_Price", "\"PriceCents\" >= 0 AND \"VatMilliPercent\" BETWEEN 0 AND 100000");
            t.HasCheckConstraint("CK_Offers_Bundle", "(\"Kind\" = 'Bundle') = (\"PassCount\" IS NOT NULL) AND (\"PassCount\" IS NULL OR \"PassCount\" > 0)");
            t.HasCheckConstraint("CK_Offers_Plan", "\"DaysPerWeek\" IS NULL OR \"DaysPerWeek\" BETWEEN 1 AND 5");
            t.HasCheckConstraint("CK_Offers_Access", "(\"AccessFrom\" IS NULL) = (\"AccessTo\" IS NULL) AND (\"AccessFrom\" IS NULL OR \"AccessFrom\" < \"AccessTo\")");
        });
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Id).ValueGeneratedNever();
        builder.Property(o => o.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(o => o.NameFr).HasMaxLength(Offer.NameLength);
        builder.Property(o => o.NameEn).HasMaxLength(Offer.NameLength);
        builder.Property(o => o.DescriptionFr).HasMaxLength(Offer.DescriptionLength);
        builder.Property(o => o.DescriptionEn).HasMaxLength(Offer.DescriptionLength);
        builder.Property(o => o.Currency).HasMaxLength(3);
        builder.Property(o => o.Space).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<Location>().WithMany().HasForeignKey(o => o.LocationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(o => new { o.LocationId, o.Position });
        builder.OwnsMany(o => o.OpenedLocations, o =>
        {
            o.ToTable("OfferLocations");
            o.WithOwner().HasForeignKey("OfferId");
            o.Property<int>("Id");
            o.HasKey("Id");
            o.HasOne<Location>().WithMany().HasForeignKey(x => x.LocationId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.OwnsMany(o => o.Covers, o =>
        {
            o.ToTable("OfferResourceKinds");
            o.WithOwner().HasForeignKey("OfferId");
            o.Property<int>("Id");
            o.HasKey("Id");
            o.Property(x => x.Kind).HasConversion<string>().HasMaxLength(30);
        });
        builder.OwnsMany(o => o.Credits, o =>
        {
            o.ToTable("OfferCredits", t => t.HasCheckConstraint("CK_OfferCredits_Amount", "\"Amount\" > 0"));
            o.WithOwner().HasForeignKey("OfferId");
            o.Property<int>("Id");
            o.HasKey("Id");
            o.Property(x => x.Kind).HasConversion<string>().HasMaxLength(30);
        });
        builder.OwnsMany(o => o.ReducedPrices, o =>
        {
            o.ToTable("OfferReducedPrices", t => t.HasCheckConstraint("CK_OfferReducedPrices_Price", "\"PriceCents\" >= 0"));
            o.WithOwner().HasForeignKey("OfferId");
            o.Property<int>("Id");
            o.HasKey("Id");
            o.Property(x => x.Category).HasConversion<string>().HasMaxLength(30);
        });
        builder.Navigation(o => o.OpenedLocations).AutoInclude();
        builder.Navigation(o => o.Covers).AutoInclude();
        builder.Navigation(o => o.Credits).AutoInclude();
        builder.Navigation(o => o.ReducedPrices).AutoInclude();
    }
}

using Cotravail.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cotravail.Modules.Companies;

/// A billing entity for a team: it pays for the plans of the members it employs.
internal sealed class Company
{
    private Company()
    {
    }

    public Company(string legalName)
    {
        Id = Guid.CreateVersion7();
        LegalName = legalName;
    }

    public Guid Id { get; private set; }

    public string LegalName { get; set; } = "";

    public string? Siren { get; set; }

    public string? VatNumber { get; set; }

    public string Street { get; set; } = "";

    public string PostalCode { get; set; } = "";

    public string City { get; set; } = "";

    public string CountryCode { get; set; } = "FR";

    public string BillingContactName { get; set; } = "";

    public string BillingEmail { get; set; } = "";

    public bool IsActive { get; private set; } = true;

    public DateTime CreatedAt { get; set; }

    public void Deactivate() => IsActive = false;

    public void Activate() => IsActive = true;
}

internal sealed class CompanyConfiguration : IEntityTypeConfiguration<Company>
{
    public void Configure(EntityTypeBuilder<Company> builder)
    {
        builder.ToTable("Companies");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.LegalName).HasMaxLength(200);
        builder.HasIndex(c => c.LegalName);
        builder.Property(c => c.Siren).HasMaxLength(9);
        builder.HasIndex(c => c.Siren).IsUnique();
        builder.Property(c => c.VatNumber).HasMaxLength(20);
        builder.Property(c => c.Street).HasMaxLength(AddressFields.StreetLength);
        builder.Property(c => c.PostalCode).HasMaxLength(AddressFields.PostalCodeLength);
        builder.Property(c => c.City).HasMaxLength(AddressFields.CityLength);
        builder.Property(c => c.CountryCode).HasMaxLength(AddressFields.CountryCodeLength);
        builder.Property(c => c.BillingContactName).HasMaxLength(200);
        builder.Property(c => c.BillingEmail).HasMaxLength(256);
    }
}

using Cotravail.Common.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cotravail.Modules.Network;

/// The organisation that runs the spaces (one per installation) and its legal identity, printed on invoices.
internal sealed class NetworkProfile
{
    public const int SingletonId = 1;

    public int Id { get; private set; } = SingletonId;

    public string Name { get; set; } = "";

    public string LegalName { get; set; } = "";

    /// SAS, SARL, SCIC, association loi 1901…
    public string LegalForm { get; set; } = "";

    /// Share capital as printed ("10 000 €"); companies must print it, associations have none.
    public string? ShareCapital { get; set; }

    public string? Siren { get; set; }

    public string? Siret { get; set; }

    public string? VatNumber { get; set; }

    /// Franchise en base de TVA (art. 293 B du CGI): invoices carry no VAT and say so.
    public bool VatFranchise { get; set; }

    public string Street { get; set; } = "";

    public string PostalCode { get; set; } = "";

    public string City { get; set; } = "";

    public string CountryCode { get; set; } = "FR";

    public string? RcsCity { get; set; }

    public string? Email { get; set; }

    /// Where members send privacy requests (GDPR rights); shown on /privacy, falls back to Email.
    public string? PrivacyContactEmail { get; set; }

    public string? Website { get; set; }

    /// Under the network's name on the home page, in French and English (ADR 23).
    public BilingualText Tagline { get; set; } = BilingualText.Empty;
}

internal sealed class NetworkProfileConfiguration : IEntityTypeConfiguration<NetworkProfile>
{
    public void Configure(EntityTypeBuilder<NetworkProfile> builder)
    {
        builder.ToTable("NetworkProfile");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Id).ValueGeneratedNever();
        builder.Property(n => n.Name).HasMaxLength(200);
        builder.Property(n => n.LegalName).HasMaxLength(200);
        builder.Property(n => n.LegalForm).HasMaxLength(100);
        builder.Property(n => n.ShareCapital).HasMaxLength(50);
        builder.Property(n => n.Siren).HasMaxLength(9);
        builder.Property(n => n.Siret).HasMaxLength(14);
        builder.Property(n => n.VatNumber).HasMaxLength(20);
        builder.Property(n => n.Street).HasMaxLength(300);
        builder.Property(n => n.PostalCode).HasMaxLength(20);
        builder.Property(n => n.City).HasMaxLength(100);
        builder.Property(n => n.CountryCode).HasMaxLength(2);
        builder.Property(n => n.RcsCity).HasMaxLength(100);
        builder.Property(n => n.Email).HasMaxLength(256);
        builder.Property(n => n.PrivacyContactEmail).HasMaxLength(256);
        builder.Property(n => n.Website).HasMaxLength(300);
        builder.HasBilingualText(n => n.Tagline, "Tagline", NetworkInput.TaglineLength);
    }
}

using Cotravail.Common;
using Cotravail.Common.Auth;
using Cotravail.Modules.Companies;
using Cotravail.Modules.Locations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cotravail.Modules.Members;

internal sealed class MemberConfiguration : IEntityTypeConfiguration<Member>
{
    public void Configure(EntityTypeBuilder<Member> builder)
    {
        builder.ToTable("Members");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.FirstName).HasMaxLength(MemberFields.NameLength);
        builder.Property(m => m.LastName).HasMaxLength(MemberFields.NameLength);
        builder.Property(m => m.Email).HasMaxLength(MemberFields.EmailLength);
        builder.HasIndex(m => m.Email).IsUnique();
        builder.Property(m => m.Phone).HasMaxLength(MemberFields.PhoneLength);
        builder.Property(m => m.Street).HasMaxLength(AddressFields.StreetLength);
        builder.Property(m => m.PostalCode).HasMaxLength(AddressFields.PostalCodeLength);
        builder.Property(m => m.City).HasMaxLength(AddressFields.CityLength);
        builder.Property(m => m.CountryCode).HasMaxLength(AddressFields.CountryCodeLength);
        builder.Property(m => m.Category).HasConversion<string>().HasMaxLength(30);
        builder.Ignore(m => m.FullName);
        builder.HasIndex(m => m.UserId).IsUnique();
        builder.HasIndex(m => new { m.HomeLocationId, m.LastName });
        builder.HasIndex(m => m.CompanyId);
        builder.HasOne<User>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Location>().WithMany().HasForeignKey(m => m.HomeLocationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Company>().WithMany().HasForeignKey(m => m.CompanyId).OnDelete(DeleteBehavior.Restrict);
    }
}

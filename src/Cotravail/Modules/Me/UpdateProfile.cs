using System.ComponentModel.DataAnnotations;
using Cotravail.Common;
using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Errors;
using Microsoft.EntityFrameworkCore;
using Cotravail.Modules.Members;

namespace Cotravail.Modules.Me;

/// What a person may change about themselves. Nothing else is read from the request (ASVS V8.2.3):
/// role, company, location, billing and approval stay with staff, whatever fields are sent.
internal sealed record ProfileInput
{
    [MemberFields.FirstName]
    public string FirstName { get; init; } = "";

    [MemberFields.LastName]
    public string LastName { get; init; } = "";

    [MemberFields.Phone]
    public string? Phone { get; init; }

    /// The billing address (a member's only), printed on the invoices they pay themselves.
    [AddressFields.Street]
    public string? Street { get; init; }

    [AddressFields.PostalCode]
    public string? PostalCode { get; init; }

    [AddressFields.City(Optional = true)]
    public string? City { get; init; }

    /// Empty with an address: "FR".
    [AddressFields.CountryCode(Optional = true)]
    public string? CountryCode { get; init; }

    /// "fr" or "en"; empty follows the browser.
    [RegularExpression("^(fr|en)$", ErrorMessage = Messages.Format), Display(Name = "Preferred language")]
    public string? PreferredLanguage { get; init; }
}

internal sealed record ProfileResponse(string Email, string FirstName, string LastName, string? Phone, string? PreferredLanguage,
    string? Street = null, string? PostalCode = null, string? City = null, string? CountryCode = null);

/// GET and PUT /api/v1/me/profile and /me/profile.
internal static class UpdateProfile
{
    public static async Task<Result<ProfileResponse>> GetAsync(AppDb db, AccessScope scope, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == scope.UserId, ct);
        if (user is null)
        {
            return new NotFound("Account");
        }
        var member = await db.Members.AsNoTracking().FirstOrDefaultAsync(m => m.Id == scope.MemberId, ct);
        if (member is not null)
        {
            return new ProfileResponse(user.Email ?? "", member.FirstName, member.LastName, member.Phone, user.PreferredCulture,
                member.Street, member.PostalCode, member.City, member.CountryCode);
        }
        var name = user.DisplayName.Split(' ', 2);
        return new ProfileResponse(user.Email ?? "", name[0], name.Length > 1 ? name[1] : "", null, user.PreferredCulture);
    }

    public static async Task<Result<ProfileResponse>> HandleAsync(ProfileInput input, AppDb db, AccessScope scope, CancellationToken ct)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == scope.UserId, ct);
        if (user is null)
        {
            return new NotFound("Account");
        }
        var member = await db.Members.FirstOrDefaultAsync(m => m.Id == scope.MemberId, ct);
        if (member is not null && AddressFields.Incompleteness(input.Street, input.PostalCode, input.City, input.CountryCode) is { } address)
        {
            return address;
        }
        var (first, last) = (MemberFields.Name(input.FirstName), MemberFields.Name(input.LastName));
        user.DisplayName = $"{first} {last}";
        user.PreferredCulture = string.IsNullOrWhiteSpace(input.PreferredLanguage) ? null : input.PreferredLanguage;
        if (member is not null)
        {
            member.FirstName = first;
            member.LastName = last;
            member.Phone = MemberFields.Phone(input.Phone);
            member.MoveTo(input.Street, input.PostalCode, input.City, input.CountryCode);
        }
        await db.SaveChangesAsync(ct);
        return await GetAsync(db, scope, ct);
    }
}

internal static class ProfileModule
{
    public static RouteGroupBuilder MapMyProfile(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/me/profile").WithTags("Me");
        group.MapGet("/", async (AppDb db, Access access, HttpContext http, CancellationToken ct) =>
                (await UpdateProfile.GetAsync(db, await access.GetAsync(ct), ct)).ToHttp(http))
            .Produces<ProfileResponse>().WithSummary("The caller's own profile.");
        group.MapPut("/", async (ProfileInput input, AppDb db, Access access, HttpContext http, CancellationToken ct) =>
                (await UpdateProfile.HandleAsync(input, db, await access.GetAsync(ct), ct)).ToHttp(http))
            .Validate<ProfileInput>().Produces<ProfileResponse>()
            .WithSummary("Change one's own name, phone, billing address and language; any other field sent is ignored.");
        return api;
    }
}

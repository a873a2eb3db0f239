using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Errors;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Modules.Companies;

/// Admins and managers register the companies that pay for their teleworkers; a manager changes only
/// those with a member at a location they manage (CompanyAccess.EditableBy).
internal static class SaveCompany
{
    public static async Task<Result<CompanyResponse>> GetAsync(Guid id, AppDb db, ICompanyPeople people, AccessScope scope, CancellationToken ct)
    {
        var found = await db.Companies.VisibleTo(scope).Where(c => c.Id == id).ToResponses(people.Query(db)).FirstOrDefaultAsync(ct);
        return found is null ? new NotFound("Company") : found;
    }

    public static async Task<Result<CompanyResponse>> CreateAsync(CompanyInput input, AppDb db, ICompanyPeople people, AccessScope scope, TimeProvider clock, CancellationToken ct)
    {
        if (!scope.IsManager)
        {
            return new Forbidden();
        }
        if (await SirenTakenAsync(input, null, db, ct))
        {
            return new Conflict(nameof(CompanyInput.Siren), "Another company already has this SIREN.");
        }
        var company = new Company(input.LegalName.Trim()) { CreatedAt = clock.GetUtcNow().UtcDateTime };
        input.ApplyTo(company);
        db.Companies.Add(company);
        await db.SaveChangesAsync(ct);
        return await CompanyAccess.ResponseAsync(db, people, company.Id, ct);
    }

    public static async Task<Result<CompanyResponse>> UpdateAsync(Guid id, CompanyInput input, AppDb db, ICompanyPeople people, AccessScope scope, CancellationToken ct)
    {
        var found = await CompanyAccess.FindEditableAsync(db, people, id, scope, ct);
        if (!found.IsOk)
        {
            return found.Error;
        }
        var company = found.Value;
        if (await SirenTakenAsync(input, id, db, ct))
        {
            return new Conflict(nameof(CompanyInput.Siren), "Another company already has this SIREN.");
        }
        input.ApplyTo(company);
        await db.SaveChangesAsync(ct);
        return await CompanyAccess.ResponseAsync(db, people, company.Id, ct);
    }

    public static async Task<Result<CompanyResponse>> SetActiveAsync(Guid id, bool active, AppDb db, ICompanyPeople people, AccessScope scope, CancellationToken ct)
    {
        var found = await CompanyAccess.FindEditableAsync(db, people, id, scope, ct);
        if (!found.IsOk)
        {
            return found.Error;
        }
        var company = found.Value;
        if (active)
        {
            company.Activate();
        }
        else
        {
            company.Deactivate();
        }
        await db.SaveChangesAsync(ct);
        return await CompanyAccess.ResponseAsync(db, people, company.Id, ct);
    }

    private static async Task<bool> SirenTakenAsync(CompanyInput input, Guid? id, AppDb db, CancellationToken ct)
    {
        var siren = input.Siren?.Replace(" ", "", StringComparison.Ordinal);
        return !string.IsNullOrEmpty(siren) && await db.Companies.AnyAsync(c => c.Siren == siren && c.Id != id, ct);
    }
}

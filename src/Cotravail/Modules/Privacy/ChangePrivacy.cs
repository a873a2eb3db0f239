using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Errors;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Modules.Privacy;

/// GET/PUT /api/v1/me/privacy and /me/privacy: a member reads and changes their own choices (nobody else can).
internal static class ChangePrivacy
{
    public static async Task<Result<PrivacyChoices>> GetAsync(AccessScope scope, AppDb db, CancellationToken ct)
    {
        if (scope.MemberId is not { } memberId)
        {
            return new NotFound("Member");
        }
        var row = await db.MemberPrivacy.AsNoTracking().FirstOrDefaultAsync(p => p.MemberId == memberId, ct);
        return row?.ToChoices() ?? PrivacyChoices.AllOff;
    }

    public static async Task<Result<PrivacyChoices>> SaveAsync(PrivacyChoices choices, AccessScope scope, AppDb db, TimeProvider clock, CancellationToken ct)
    {
        if (scope.MemberId is not { } memberId)
        {
            return new NotFound("Member");
        }
        var row = await db.MemberPrivacy.FirstOrDefaultAsync(p => p.MemberId == memberId, ct);
        if (row is null)
        {
            row = new MemberPrivacy(memberId);
            db.MemberPrivacy.Add(row);
        }
        row.Apply(choices, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return row.ToChoices();
    }
}

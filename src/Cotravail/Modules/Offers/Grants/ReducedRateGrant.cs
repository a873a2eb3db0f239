using Cotravail.Modules.Members;

namespace Cotravail.Modules.Offers;

/// Staff saw a proof (a student card, a job-seeker certificate…) and grant a member a reduced-rate category
/// until a local date. A valid grant, not the category the member declared, is what gives the reduced prices.
/// Kept after it ends or is revoked, as the record of what was granted; deleted when the member is erased.
internal sealed class ReducedRateGrant
{
    public const int ProofLength = 500;

    private ReducedRateGrant()
    {
    }

    public ReducedRateGrant(Guid memberId, MemberCategory category, string proofNote, DateOnly validUntil, Guid grantedByUserId, DateTime now)
    {
        Id = Guid.CreateVersion7();
        MemberId = memberId;
        Category = category;
        ProofNote = proofNote;
        ValidUntil = validUntil;
        GrantedByUserId = grantedByUserId;
        GrantedAt = now;
    }

    public Guid Id { get; private set; }

    public Guid MemberId { get; private set; }

    public MemberCategory Category { get; private set; }

    /// What was checked, in words; no document is kept.
    public string ProofNote { get; private set; } = "";

    public Guid GrantedByUserId { get; private set; }

    public DateTime GrantedAt { get; private set; }

    /// The last local date (of the member's home location) it is valid on.
    public DateOnly ValidUntil { get; private set; }

    public DateTime? RevokedAt { get; private set; }

    public Guid? RevokedByUserId { get; private set; }

    public bool IsValidOn(DateOnly today) => RevokedAt is null && today <= ValidUntil;

    /// False when it was already revoked.
    public bool Revoke(Guid byUserId, DateTime now)
    {
        if (RevokedAt is not null)
        {
            return false;
        }
        RevokedAt = now;
        RevokedByUserId = byUserId;
        return true;
    }
}

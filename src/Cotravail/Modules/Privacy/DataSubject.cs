namespace Cotravail.Modules.Privacy;

/// The person an export or an erasure is about: their sign-in account, their member record, or both.
internal sealed record DataSubject(Guid? UserId, Guid? MemberId);

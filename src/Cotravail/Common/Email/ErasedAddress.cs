namespace Cotravail.Common.Email;

/// The address an erased person's records keep (GDPR art. 17): unique per record and never deliverable (.invalid
/// is reserved, RFC 2606), so the real address is free again. In Common because Privacy writes it while Members
/// and Account read it, and neither of those depends on Privacy.
internal static class ErasedAddress
{
    public static string For(Guid id) => $"erased-{id:N}@invalid";

    public static bool Is(string email) => email.StartsWith("erased-", StringComparison.Ordinal) && email.EndsWith("@invalid", StringComparison.Ordinal);
}

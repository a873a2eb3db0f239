using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;

namespace Cotravail.Common.Auth;

/// A password hash nobody knows, made once per process by the app's own hasher (same algorithm and
/// work factor as real accounts): a sign-in for an email without a usable account is verified against
/// it, so its answer takes as long as a wrong password's and the timing tells no account apart.
internal sealed class DecoyPassword
{
    private readonly User nobody = new();

    private string? hash;

    public void Verify(IPasswordHasher<User> hasher, string password)
    {
        var decoy = LazyInitializer.EnsureInitialized(ref hash, () => hasher.HashPassword(nobody, Convert.ToHexString(RandomNumberGenerator.GetBytes(32))));
        hasher.VerifyHashedPassword(nobody, decoy, password);
    }
}

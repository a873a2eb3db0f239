using System.Buffers.Binary;
using Cotravail.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Tests.Common.Auth;

/// Tests hash passwords with 1,000 PBKDF2 rounds (TestApp): thousands of accounts and sign-ins at the product's
/// cost took more CPU than any other part of the suite. This proves the product itself keeps its full cost.
[Collection(SqliteCollection.Name)]
public sealed class PasswordHashCostTests(SqliteTestApp app)
{
    [Fact]
    public async Task The_product_hashes_with_at_least_100000_rounds_and_only_the_tests_lower_them()
    {
        app.ProductPasswordIterations.ShouldBeGreaterThanOrEqualTo(100_000);

        var email = TestApp.NewEmail("hash-cost");
        await app.CreateUserAsync(email);
        var hash = await app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.PasswordHash!).SingleAsync());
        // Identity's version 3 format: 0x01, the PRF, then the round count, big-endian.
        var bytes = Convert.FromBase64String(hash);
        bytes[0].ShouldBe((byte)0x01);
        BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(5, 4)).ShouldBe((uint)TestApp.TestPasswordIterations);
    }
}

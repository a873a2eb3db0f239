using System.Text;
using Cotravail.Common.Auth;

namespace Cotravail.Tests.Common.Auth;

public sealed class TotpTests
{
    private static readonly byte[] RfcKey = Encoding.ASCII.GetBytes("12345678901234567890");

    // RFC 6238 appendix B (SHA-1): the 8-digit values' last 6 digits are the 6-digit codes.
    [Theory]
    [InlineData(59, "287082")]
    [InlineData(1111111109, "081804")]
    [InlineData(1111111111, "050471")]
    [InlineData(1234567890, "005924")]
    [InlineData(2000000000, "279037")]
    [InlineData(20000000000, "353130")]
    public void Codes_match_the_rfc_6238_test_vectors(long unixSeconds, string expected) =>
        Totp.Code(RfcKey, Totp.StepAt(DateTimeOffset.FromUnixTimeSeconds(unixSeconds))).ShouldBe(expected);

    [Fact]
    public void A_code_matches_its_own_step_and_one_step_of_drift_on_each_side_only()
    {
        var step = Totp.StepAt(DateTimeOffset.FromUnixTimeSeconds(1234567890));
        var code = Totp.Code(RfcKey, step);

        Totp.MatchStep(RfcKey, code, step).ShouldBe(step);
        Totp.MatchStep(RfcKey, code[..3] + " " + code[3..], step + 1).ShouldBe(step);
        Totp.MatchStep(RfcKey, code, step - 1).ShouldBe(step);
        Totp.MatchStep(RfcKey, code, step + 2).ShouldBeNull();
        Totp.MatchStep(RfcKey, "12345", step).ShouldBeNull();
    }

    [Fact]
    public void Base32_round_trips_and_reads_the_rfc_4648_examples()
    {
        Encoding.ASCII.GetString(Base32.Decode("MZXW6YTBOI")).ShouldBe("foobar");
        Base32.Encode("foob"u8).ShouldBe("MZXW6YQ");
        var key = new byte[20];
        Random.Shared.NextBytes(key);
        Base32.Decode(Base32.Encode(key).ToLowerInvariant()).ShouldBe(key);
    }
}

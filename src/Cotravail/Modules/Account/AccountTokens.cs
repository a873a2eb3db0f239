using System.Text;
using Cotravail.Common.Auth;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace Cotravail.Modules.Account;

/// Email-confirmation links live longer (3 days) than password-reset links (1 hour, the default
/// provider's lifespan), so they get a provider of their own.
internal sealed class EmailConfirmationTokenOptions : DataProtectionTokenProviderOptions
{
    public const string ProviderName = "EmailConfirmation";

    public EmailConfirmationTokenOptions()
    {
        Name = ProviderName;
        TokenLifespan = TimeSpan.FromDays(3);
    }
}

internal sealed class EmailConfirmationTokenProvider(
    IDataProtectionProvider protection, IOptions<EmailConfirmationTokenOptions> options, ILogger<DataProtectorTokenProvider<User>> logger)
    : DataProtectorTokenProvider<User>(protection, options, logger);

/// Identity tokens travel in links as base64url.
internal static class LinkCode
{
    public static string Encode(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));

    public static string? Decode(string? code)
    {
        if (string.IsNullOrEmpty(code))
        {
            return null;
        }
        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    public static IdentityResult InvalidLink() =>
        IdentityResult.Failed(new IdentityError { Code = "InvalidToken", Description = "This link is invalid or has expired." });
}

using System.ComponentModel.DataAnnotations;
using Cotravail.Common.Audit;
using Cotravail.Common.Auth;
using Cotravail.Common.Errors;
using Cotravail.Common.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using QRCoder;

namespace Cotravail.Modules.Me.Security;

/// Enrolling an authenticator app: the key (as text and as a QR code), a first code to prove the app
/// has it, then ten single-use recovery codes shown once.
internal sealed class TwoFactorModel(UserManager<User> users, SignInManager<User> signIn, AuditTrail audit, IStringLocalizer<SharedResource> l) : PageModel
{
    public const string Issuer = "Cotravail";
    public const int RecoveryCodeCount = 10;

    internal sealed record CodeInput
    {
        [Required(ErrorMessage = Messages.Required), StringLength(20, ErrorMessage = Messages.TooLong), Display(Name = "Code")]
        public string Code { get; init; } = "";
    }

    [BindProperty]
    public CodeInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public bool Required { get; set; }

    /// The key grouped by four characters, for typing it into an app.
    public string SharedKey { get; private set; } = "";

    /// A PNG data URI (the CSP allows data: images, and no script is involved).
    public string QrCode { get; private set; } = "";

    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];

    /// No key yet: the page offers to create one (a POST, since it stores the key).
    public bool NeedsKey => SharedKey.Length == 0;

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        if (user.TwoFactorEnabled)
        {
            return Redirect("/me/security");
        }
        await LoadKeyAsync(user);
        return Page();
    }

    /// Creates the key the app will share; GET only shows it, so reading the page changes nothing.
    public async Task<IActionResult> OnPostStartAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        if (!user.TwoFactorEnabled && string.IsNullOrEmpty(await users.GetAuthenticatorKeyAsync(user)))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            await signIn.RefreshSignInAsync(user);
        }
        return Redirect(Required ? "/me/security/two-factor?required=true" : "/me/security/two-factor");
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        if (user.TwoFactorEnabled)
        {
            return Redirect("/me/security");
        }
        if (ModelState.IsValid && !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, Input.Code))
        {
            ModelState.AddModelError("Input.Code", l["This code is not valid, or it was already used."]);
        }
        if (!ModelState.IsValid)
        {
            await LoadKeyAsync(user);
            return Page();
        }
        audit.Record(AuditActions.TwoFactorEnabled, "user", user.Id);
        await users.SetTwoFactorEnabledAsync(user, true);
        RecoveryCodes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount) ?? []];
        await signIn.RefreshSignInAsync(user);
        return Page();
    }

    private async Task LoadKeyAsync(User user)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            return;
        }
        SharedKey = string.Join(' ', key.Chunk(4).Select(c => new string(c))).ToLowerInvariant();
        var uri = Totp.Uri(Issuer, user.Email ?? user.UserName ?? "", key);
        using var data = QRCodeGenerator.GenerateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        QrCode = "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(5));
    }
}

using Cotravail.Common.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Cotravail.Modules.Home;

[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
internal sealed class ErrorModel(IStringLocalizer<SharedResource> l) : PageModel
{
    public string Title { get; private set; } = "";

    public string Message { get; private set; } = "";

    public void OnGet(int? status) => Describe(status);

    public void OnPost(int? status) => Describe(status);

    private void Describe(int? status)
    {
        (Title, Message) = status switch
        {
            404 => (l["Page not found"].Value, l["This page does not exist or is no longer available."].Value),
            403 => (l["Access denied"].Value, l["You are not allowed to open this page."].Value),
            400 => (l["Bad request"].Value, l["The request could not be understood."].Value),
            429 => (l["Too many attempts"].Value, l["Too many attempts from this address or for this account: please wait a few minutes and try again."].Value),
            413 => (l["Too large"].Value, l["What was sent is too large."].Value),
            _ => (l["Something went wrong"].Value, l["An unexpected error occurred. The team has been told; please try again."].Value),
        };
    }
}

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

    /// A failure of the server itself (a bug, the database unreachable): the page is drawn without the
    /// site layout, which reads the database, so that it can always be shown.
    public bool Bare { get; private set; }

    // Status code pages pass ?status=; after an exception the handler has set the response's status (500, 503).
    public void OnGet(int? status) => Describe(status ?? Response.StatusCode);

    public void OnPost(int? status) => Describe(status ?? Response.StatusCode);

    private void Describe(int status)
    {
        Bare = status >= 500;
        (Title, Message) = status switch
        {
            503 => (l["Temporarily unavailable"].Value, l["The service cannot reach its database right now. Please try again in a few seconds."].Value),
            404 => (l["Page not found"].Value, l["This page does not exist or is no longer available."].Value),
            403 => (l["Access denied"].Value, l["You are not allowed to open this page."].Value),
            400 => (l["Bad request"].Value, l["The request could not be understood."].Value),
            429 => (l["Too many attempts"].Value, l["Too many attempts from this address or for this account: please wait a few minutes and try again."].Value),
            413 => (l["Too large"].Value, l["What was sent is too large."].Value),
            _ => (l["Something went wrong"].Value, l["An unexpected error occurred. The team has been told; please try again."].Value),
        };
    }
}

using System.ComponentModel.DataAnnotations;
using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Errors;
using Cotravail.Common.Localization;
using Cotravail.Common.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Cotravail.Modules.Community.Pages;

/// /community/profile: my community profile, through the same handler and rules as PUT /api/v1/me/community-profile.
/// Tags are typed comma-separated and links one per line; a refused form comes back with everything typed.
internal sealed class ProfileModel(AppDb db, Access access, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public ProfileForm Input { get; set; } = new();

    public bool HasMembership { get; private set; } = true;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var result = await EditProfile.GetAsync(await access.GetAsync(ct), db, ct);
        HasMembership = result.IsOk;
        if (result.Value is { } profile)
        {
            Input = ProfileForm.From(profile);
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var input = Input.ToInput();
        // The API's validator, so the page gives the same messages in the reader's language; "tags[2]" is shown
        // by the tags field, "skills[0]" by the skills list.
        foreach (var (field, messages) in LocalizedValidator.Validate(input, l, HttpContext.RequestServices))
        {
            var name = field.Split('[')[0];
            var key = name.Length == 0 ? "" : $"Input.{char.ToUpperInvariant(name[0])}{name[1..]}";
            foreach (var message in messages)
            {
                ModelState.AddModelError(key, message);
            }
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var result = await EditProfile.SaveAsync(input, await access.GetAsync(ct), db, clock, ct);
        if (!result.IsOk)
        {
            return this.Show(result.Error, l);
        }
        TempData["Saved"] = l["Your profile is saved."].Value;
        return Redirect("/community/profile");
    }
}

/// The form's shape of ProfileInput: tags as one comma-separated text, links as lines.
internal sealed record ProfileForm
{
    [Display(Name = "Headline")]
    public string? Headline { get; init; }

    [Display(Name = "Bio")]
    public string? Bio { get; init; }

    [Display(Name = "What I offer")]
    public string? Offers { get; init; }

    [Display(Name = "What I seek")]
    public string? Seeks { get; init; }

    public bool OpenToMissions { get; init; }

    public bool OpenToPartnerships { get; init; }

    public List<string> Skills { get; init; } = [];

    public List<string> SeekingSkills { get; init; } = [];

    public List<string> Languages { get; init; } = [];

    [Display(Name = "Tags")]
    public string? Tags { get; init; }

    [Display(Name = "Links")]
    public string? Links { get; init; }

    public static ProfileForm From(ProfileInput profile) => new()
    {
        Headline = profile.Headline,
        Bio = profile.Bio,
        Offers = profile.Offers,
        Seeks = profile.Seeks,
        OpenToMissions = profile.OpenToMissions,
        OpenToPartnerships = profile.OpenToPartnerships,
        Skills = profile.Skills,
        SeekingSkills = profile.SeekingSkills,
        Languages = profile.Languages,
        Tags = string.Join(", ", profile.Tags),
        Links = string.Join('\n', profile.Links),
    };

    public ProfileInput ToInput() => new()
    {
        Headline = Headline,
        Bio = Bio,
        Offers = Offers,
        Seeks = Seeks,
        OpenToMissions = OpenToMissions,
        OpenToPartnerships = OpenToPartnerships,
        Skills = Skills,
        SeekingSkills = SeekingSkills,
        Languages = Languages,
        Tags = [.. (Tags ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)],
        Links = [.. (Links ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)],
    };
}

using System.ComponentModel.DataAnnotations;
using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Errors;
using Cotravail.Common.Localization;
using Cotravail.Common.Web;
using Cotravail.Modules.Locations.Photos;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Cotravail.Modules.Community.Pages;

/// /community/profile: my community profile, through the same handler and rules as PUT /api/v1/me/community-profile.
/// Tags are typed comma-separated and links one per line; a refused form comes back with everything typed.
[RequestSizeLimit(PhotosModule.UploadLimit)]
internal sealed class ProfileModel(AppDb db, Access access, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public ProfileForm Input { get; set; } = new();

    public bool HasMembership { get; private set; } = true;

    /// My photo as it is now (null: none).
    public MemberPhotoResponse? Photo { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    private async Task LoadAsync(CancellationToken ct, bool keepInput = false)
    {
        var scope = await access.GetAsync(ct);
        var result = await EditProfile.GetAsync(scope, db, ct);
        HasMembership = result.IsOk;
        if (result.Value is { } profile && !keepInput)
        {
            Input = ProfileForm.From(profile);
        }
        Photo = scope.MemberId is { } memberId ? await MemberPhotos.OfAsync(memberId, db, ct) : null;
    }

    /// The photo's own form: a refused file is named next to its field, the rest of the page is as saved.
    public async Task<IActionResult> OnPostPhotoAsync(IFormFile? photo, CancellationToken ct)
    {
        var result = await MemberPhotos.SaveAsync(await access.GetAsync(ct), photo, db, clock, ct);
        if (!result.IsOk)
        {
            ModelState.Clear();
            ModelState.AddModelError(MemberPhotos.Field, result.Error is ManagePhotos.TooLarge ? l["The photo is larger than 5 MB."] : l[result.Error.Message]);
            await LoadAsync(ct);
            return Page();
        }
        TempData["Saved"] = l["Your photo is saved."].Value;
        return Redirect("/community/profile");
    }

    public async Task<IActionResult> OnPostRemovePhotoAsync(CancellationToken ct)
    {
        await MemberPhotos.DeleteAsync(await access.GetAsync(ct), db, ct);
        TempData["Saved"] = l["Your photo is removed."].Value;
        return Redirect("/community/profile");
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
            await LoadAsync(ct, keepInput: true);
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

    public bool WeeklyDigest { get; init; }

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
        WeeklyDigest = profile.WeeklyDigest,
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
        WeeklyDigest = WeeklyDigest,
        Skills = Skills,
        SeekingSkills = SeekingSkills,
        Languages = Languages,
        Tags = [.. (Tags ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)],
        Links = [.. (Links ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)],
    };
}

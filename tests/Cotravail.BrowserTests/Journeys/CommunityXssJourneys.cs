using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Cotravail.BrowserTests.Infrastructure;
using Cotravail.BrowserTests.Pages;
using Cotravail.Common;
using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Modules.Bookings;
using Cotravail.Modules.Demo;
using Cotravail.Modules.Locations;
using Cotravail.Modules.Members;
using Cotravail.Modules.Privacy;
using Cotravail.Modules.Resources;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cotravail.BrowserTests.Journeys;

/// Issue 15's guarantee: the XSS corpus (xss-payloads.txt, each payload sets window.__xss if it runs), saved
/// through the API into members' headlines, bios, tags and links, fires nothing on the member card, the
/// directory and who's in today.
[Collection(BrowserCollection.Name)]
public sealed class CommunityXssJourneys(BrowserApp app)
{
    private const int Profiles = 6;

    [Fact]
    public async Task The_xss_corpus_in_profiles_fires_nothing_on_community_pages()
    {
        var payloads = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Infrastructure", "xss-payloads.txt"))
            .Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        payloads.Count.ShouldBeGreaterThanOrEqualTo(30);
        var people = await PeopleAsync();
        using var http = app.CreateClient();
        for (var i = 0; i < people.Count; i++)
        {
            var mine = payloads.Where((_, n) => n % Profiles == i).ToList();
            using var tokenResponse = await http.PostAsJsonAsync("/api/v1/auth/token", new { email = people[i].Email, password = DemoAccounts.Password });
            var token = (await tokenResponse.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString();
            using var request = new HttpRequestMessage(HttpMethod.Put, "/api/v1/me/community-profile")
            {
                Content = JsonContent.Create(new
                {
                    headline = string.Concat(string.Join(" ", mine).Take(120)),
                    bio = string.Join("\n\n", payloads),
                    tags = mine.Select(p => string.Concat(p.Take(40)).Trim()).Take(10).ToArray(),
                    links = new[] { "https://example.com/\"onmouseover=\"window.__xss=1", "https://example.com/?q=\"><img src=x onerror=window.__xss=1>" },
                    skills = new[] { "seo" },
                    openToMissions = true,
                }),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var saved = await http.SendAsync(request);
            saved.IsSuccessStatusCode.ShouldBeTrue(await saved.Content.ReadAsStringAsync());
        }

        var page = await app.NewPageAsync("fr-FR");
        var dialogs = 0;
        page.Dialog += (_, dialog) =>
        {
            dialogs++;
            _ = dialog.DismissAsync();
        };
        // A payload calling a dialog or eval-like function is caught even if the dialog were suppressed.
        await page.AddInitScriptAsync("for (const f of ['alert', 'confirm', 'prompt', 'print']) { const real = window[f]; window[f] = (...a) => { window.__xss = 'dialog'; return real.apply(window, a); }; }");
        await new SignInPage(page).SignInAsync(people[^1].Email, DemoAccounts.Password); // at Paris and in today, like the others
        foreach (var url in new[] { $"/community/members/{people[0].MemberId}", $"/community/members/{people[1].MemberId}", "/community?q=seo&pageSize=50", "/community/today", "/community/today?screen=true" })
        {
            await page.GotoAsync(url);
            await page.WaitForLoadStateAsync(Microsoft.Playwright.LoadState.Load);
            (await page.Locator("main .member-card, main .member-profile").CountAsync()).ShouldBeGreaterThan(0, url);
            (await page.EvaluateAsync<bool>("() => typeof window.__xss === 'undefined' && typeof parent.__xss === 'undefined'")).ShouldBeTrue(url);
            (await page.Locator("main script, main iframe, main object, main embed, main svg, main img:not([src^='/'])").CountAsync()).ShouldBe(0, url);
            dialogs.ShouldBe(0, url);
        }
        (await page.Locator("main").InnerTextAsync()).ShouldContain("<script>window.__xss=1</script>"[..20]);
    }

    /// Paris members who open everything to the network, share their presence and are booked today on a zone of their own.
    private async Task<List<(Guid MemberId, string Email)>> PeopleAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var paris = await db.Locations.Where(l => l.Slug == DemoAccounts.ParisSlug).Select(l => l.Id).FirstAsync();
        var zone = new Resource(paris, "Zone XSS", ResourceKind.HotDeskZone, Profiles);
        db.Resources.Add(zone);
        await db.SaveChangesAsync();
        var people = new List<(Guid, string)>();
        for (var i = 0; i < Profiles; i++)
        {
            var email = $"xss{i}-{Guid.NewGuid():N}@example.test";
            var user = new User { Id = Guid.CreateVersion7(), UserName = email, Email = email, EmailConfirmed = true, DisplayName = "xss", CreatedAt = now };
            (await users.CreateAsync(user, DemoAccounts.Password)).Succeeded.ShouldBeTrue();
            var member = new Member("Xss" + i, "<b>Piégé</b>" + i, email, MemberCategory.Freelancer, paris) { CreatedAt = now };
            member.LinkAccount(user.Id);
            db.Members.Add(member);
            var privacy = new MemberPrivacy(member.Id);
            privacy.Apply(new PrivacyChoices
            {
                Listing = Audience.Network, Presentation = Audience.Network, Skills = Audience.Network, Photo = Audience.Network, SharePresence = true,
            }, now);
            db.Add(privacy);
            var slot = new TimeSlot(now.AddMinutes(-30), now.AddHours(2));
            var booking = new Booking(zone.Id, ResourceKind.HotDeskZone, paris, slot, slot, user.Id, member.Id, "", pending: false, now);
            booking.AssignSeat(i + 1);
            booking.CheckIn(now); // begun 30 minutes ago: unchecked, the minute sweep would release it as a no-show
            db.Add(booking);
            await db.SaveChangesAsync();
            people.Add((member.Id, email));
        }
        return people;
    }
}

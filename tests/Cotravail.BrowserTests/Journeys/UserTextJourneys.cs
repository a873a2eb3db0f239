using Cotravail.BrowserTests.Infrastructure;
using Cotravail.BrowserTests.Pages;
using Cotravail.Common.Database;
using Cotravail.Modules.Locations;
using Cotravail.Modules.Resources;
using Microsoft.Extensions.DependencyInjection;

namespace Cotravail.BrowserTests.Journeys;

[Collection(BrowserCollection.Name)]
public sealed class UserTextJourneys(BrowserApp app)
{
    private const string Payloads = """
        Bienvenue ! <script>window.__xss = 1; alert('script')</script>
        <img src=x onerror="window.__xss = 2; alert('img')">

        <svg onload="window.__xss = 3"></svg> <iframe srcdoc="<script>parent.__xss = 4</script>"></iframe>
        javascript:window.__xss=5 and https://example.com/"onmouseover="window.__xss=6
        """;

    [Fact]
    public async Task A_script_in_a_location_description_does_not_run()
    {
        var slug = $"xss-{Guid.NewGuid():N}"[..16];
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDb>();
            var trap = new Location("Espace <b>piégé</b>", slug, "Europe/Paris", "EUR") { City = "Lille", Description = new(Payloads, Payloads) };
            db.Locations.Add(trap);
            db.Resources.Add(new Resource(trap.Id, "Salle <i>piégée</i>", ResourceKind.MeetingRoom, 4) { Description = new(Payloads, Payloads) });
            await db.SaveChangesAsync();
        }
        var page = await app.NewPageAsync("fr-FR");
        var dialogs = 0;
        page.Dialog += (_, dialog) =>
        {
            dialogs++;
            _ = dialog.DismissAsync();
        };
        var location = new LocationPage(page);
        await location.OpenAsync(slug);
        await page.Locator("a[href='https://example.com/']").First.WaitForAsync();

        (await page.EvaluateAsync<bool>("() => typeof window.__xss === 'undefined'")).ShouldBeTrue();
        dialogs.ShouldBe(0);
        (await location.TitleAsync()).ShouldBe("Espace <b>piégé</b>");
        (await page.Locator("main .user-text").First.InnerTextAsync()).ShouldContain("<script>window.__xss = 1;");
        (await page.Locator("main script, main img:not([src^='/']), main svg, main iframe").CountAsync()).ShouldBe(0);

        await page.GotoAsync("/");
        (await page.EvaluateAsync<bool>("() => typeof window.__xss === 'undefined'")).ShouldBeTrue();
        dialogs.ShouldBe(0);
    }
}

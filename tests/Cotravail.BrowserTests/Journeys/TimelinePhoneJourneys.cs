using Cotravail.BrowserTests.Infrastructure;
using Cotravail.BrowserTests.Pages;
using Cotravail.Modules.Demo;

namespace Cotravail.BrowserTests.Journeys;

[Collection(BrowserCollection.Name)]
public sealed class TimelinePhoneJourneys(BrowserApp app)
{
    [Fact]
    public async Task On_a_375_pixel_phone_the_day_and_week_timelines_scroll_inside_their_frame_with_large_targets()
    {
        var page = await app.NewPageAsync("fr-FR");
        await page.SetViewportSizeAsync(375, 800);
        await new SignInPage(page).SignInAsync(DemoAccounts.Member, DemoAccounts.Password);

        var day = DemoCalendar.OpenWeekday(app.Services, 3); // Paris La Défense opens on weekdays, holidays aside

        foreach (var view in new[] { "", "view=week&" })
        {
            await page.GotoAsync($"/locations/{DemoAccounts.ParisSlug}/timeline?{view}date={day:yyyy-MM-dd}");
            await page.ShouldHaveNoViolationsAsync();
            // The page itself does not scroll sideways; the grid does, inside its frame.
            (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(375, view);
            (await page.EvaluateAsync<bool>("(() => { const w = document.querySelector('.timeline-wrap'); return w.scrollWidth > w.clientWidth; })()")).ShouldBeTrue(view);
            var target = await page.Locator("table.timeline td.free a").First.BoundingBoxAsync();
            target!.Height.ShouldBeGreaterThanOrEqualTo(44, view);
            target.Width.ShouldBeGreaterThanOrEqualTo(44, view);
            (await page.EvaluateAsync<string>("getComputedStyle(document.querySelector('table.timeline tbody th')).position")).ShouldBe("sticky");
        }
    }
}

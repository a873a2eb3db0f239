using Cotravail.BrowserTests.Infrastructure;
using Cotravail.BrowserTests.Pages;
using Cotravail.Common;
using Cotravail.Common.Database;
using Cotravail.Modules.Bookings;
using Cotravail.Modules.Demo;
using Cotravail.Modules.Members;
using Cotravail.Modules.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Cotravail.BrowserTests.Journeys;

/// Ask a neighbour (ADR 27), the must-show: Thomas, booked today at Paris, checks in from the resource's
/// check-in page, offers electronics and opens his skills to his location and his presence; Léa, in the same day,
/// finds him by a synonym ("arduino") and asks a question; Thomas sees the notification and answers; Léa marks it
/// solved. The question page passes axe. Then Léa reports the demo's advertising question and the Paris manager
/// hides it from the moderation queue (which passes axe too).
[Collection(BrowserCollection.Name)]
public sealed class AskNeighbourJourneys(BrowserApp app)
{
    [Fact]
    public async Task A_member_checks_in_opens_their_skills_is_found_by_a_synonym_asked_a_question_and_answers_it()
    {
        var thomasRoom = await ArrangeAsync();
        var thomas = await app.NewPageAsync("fr-FR");
        await new SignInPage(thomas).SignInAsync(DemoAccounts.CompanyAdmin, DemoAccounts.Password);
        await thomas.GotoAsync($"/check-in/{thomasRoom}");
        await thomas.Locator("main form button[type=submit]", new() { HasText = "S'enregistrer" }).ClickAsync();
        await thomas.Locator("#checked-in").WaitForAsync();

        await thomas.GotoAsync("/community/profile");
        await thomas.Locator("details:has(#offer-electronics) summary").ClickAsync();
        await thomas.Locator("#offer-electronics").CheckAsync();
        await thomas.Locator("main form", new() { Has = thomas.Locator("#Input_Tags") }).Locator("button[type=submit]").ClickAsync();
        await thomas.Locator(".notice.success").WaitForAsync();

        await thomas.GotoAsync("/me/privacy");
        await thomas.Locator("#Input_Listing_Location").CheckAsync();
        await thomas.Locator("#Input_Skills_Location").CheckAsync();
        await thomas.Locator("#Input_SharePresence").CheckAsync();
        await thomas.Locator("main form button[type=submit]").ClickAsync();
        await thomas.Locator(".notice.success").WaitForAsync();

        var lea = await app.NewPageAsync("fr-FR");
        await new SignInPage(lea).SignInAsync(DemoAccounts.Member, DemoAccounts.Password);
        await lea.GotoAsync("/community?q=arduino");
        await lea.Locator("main .member-card", new() { HasText = "Thomas Girard" }).WaitForAsync();
        await lea.GotoAsync("/community/today");
        // in today, and "here" by his own check-in
        await lea.Locator("main .member-card", new() { HasText = "Thomas Girard" }).Locator(".badge.open").WaitForAsync();

        await lea.GotoAsync("/community/questions/new?skill=electronics");
        await lea.Locator("#Input_Title").FillAsync("Qui sait souder un capteur sur une carte Arduino ?");
        await lea.Locator("#Input_Body").FillAsync("Pour un prototype d'atelier : **capteur de température**.");
        await lea.Locator("main form button[type=submit]").ClickAsync();
        await lea.Locator("h1", new() { HasText = "Qui sait souder" }).WaitForAsync();
        var url = lea.Url;

        await thomas.GotoAsync("/community/notifications");
        (await thomas.Locator("header nav .menu-count").InnerTextAsync()).ShouldBe("1"); // the menu tells him
        await thomas.ShouldHaveNoViolationsAsync();
        await thomas.Locator("main a", new() { HasText = "Qui sait souder" }).ClickAsync();
        await thomas.Locator("#Input_Body").FillAsync("Oui, passez au fablab cet après-midi, j'ai un fer à souder.");
        await thomas.Locator("form[action*=Answer] button[type=submit], main form:has(#Input_Body) button[type=submit]").First.ClickAsync();
        await thomas.Locator(".answer", new() { HasText = "fer à souder" }).WaitForAsync();

        await lea.GotoAsync(url);
        await lea.Locator(".answer form:has(input[name=answerId]) button", new() { HasText = "résout" }).ClickAsync();
        await lea.Locator(".answer.solves").WaitForAsync();
        (await lea.Locator(".question .badge").First.InnerTextAsync()).ShouldBe("Résolue");
        foreach (var scheme in new[] { ColorScheme.Light, ColorScheme.Dark })
        {
            await lea.EmulateMediaAsync(new() { ColorScheme = scheme });
            await lea.ShouldHaveNoViolationsAsync();
        }

        // Moderation (ADR 30): Léa reports the demo's advertising "question"; the Paris manager hides it with a
        // reason from the queue; it is gone for Léa.
        await lea.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Light });
        await lea.GotoAsync("/community/questions");
        await lea.Locator("main a", new() { HasText = "Devenez rentier" }).ClickAsync();
        var promo = lea.Url;
        await lea.Locator(".question .report-link").ClickAsync();
        await lea.Locator("label[for=reason-Spam]").ClickAsync();
        await lea.Locator("#Input_Note").FillAsync("Une publicité.");
        await lea.Locator("main form button[type=submit]").ClickAsync();
        await lea.Locator(".notice.success", new() { HasText = "signalement" }).WaitForAsync();

        var manager = await app.NewPageAsync("fr-FR");
        await new SignInPage(manager).SignInAsync(DemoAccounts.ParisManager, DemoAccounts.Password);
        await manager.GotoAsync("/admin/community/moderation");
        var card = manager.Locator("main li.card", new() { HasText = "Devenez rentier" });
        (await card.InnerTextAsync()).ShouldContain("Une publicité.");
        await manager.ShouldHaveNoViolationsAsync();
        await card.Locator("textarea").FillAsync("Publicité : la communauté sert à s'entraider.");
        await card.Locator("button", new() { HasText = "Masquer" }).ClickAsync();
        await manager.Locator(".notice.success", new() { HasText = "masquée" }).WaitForAsync();
        (await lea.GotoAsync(promo))!.Status.ShouldBe(404);
    }

    /// Thomas (the demo company admin, at Paris) and Léa each have a room booked now; Léa is checked in, Thomas
    /// will check in himself. Returns Thomas's room.
    private async Task<Guid> ArrangeAsync()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var thomas = await db.Members.SingleAsync(m => m.FirstName == "Thomas" && m.LastName == "Girard");
        var lea = await db.Members.SingleAsync(m => m.FirstName == "Léa" && m.LastName == "Fontaine");
        // Thomas's starts in 5 minutes (check-in opens 15 minutes before): one already begun and not checked in would
        // be released as a no-show by the minute sweep before he checks in.
        var slot = new TimeSlot(now.AddMinutes(5), now.AddMinutes(90));
        var busy = db.Bookings.Where(b => b.Start < slot.End && b.End > slot.Start).Select(b => b.ResourceId);
        var rooms = await db.Resources.Where(r => r.LocationId == thomas.HomeLocationId && (r.Kind == ResourceKind.MeetingRoom || r.Kind == ResourceKind.PhoneBooth
            || r.Kind == ResourceKind.VideoRoom) && !busy.Contains(r.Id)).Take(2).ToListAsync();
        rooms.Count.ShouldBe(2, "two free rooms at Paris now");
        foreach (var (member, room) in new[] { thomas, lea }.Zip(rooms))
        {
            var booking = new Booking(room.Id, room.Kind, room.LocationId, slot, slot, member.UserId!.Value, member.Id, "", pending: false, now);
            if (member == lea)
            {
                booking.CheckIn(now);
            }
            db.Add(booking);
        }
        await db.SaveChangesAsync();
        return rooms[0].Id;
    }
}

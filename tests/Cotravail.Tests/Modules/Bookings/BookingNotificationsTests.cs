using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cotravail.Common.Email;
using Cotravail.Modules.Bookings;
using Cotravail.Modules.Resources;
using Cotravail.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Cotravail.Modules.Members;

namespace Cotravail.Tests.Modules.Bookings;

/// Attendees, the emails about a booking (each in its reader's language) and their .ics, read back by a
/// real iCalendar parser; the reminder before the start, sent once by concurrent sweeps.
public abstract class BookingNotificationsTests(TestApp app)
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    private DateTime Now => app.Clock.GetUtcNow().UtcDateTime;

    private DateTime Day(int ahead) => TimeZoneInfo.ConvertTimeFromUtc(Now, Paris).Date.AddDays(ahead);

    private static string Text(DateTime local) => local.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    private Task SetCultureAsync(Guid userId, string culture) => app.WithDbAsync(async db =>
    {
        var user = await db.Users.SingleAsync(u => u.Id == userId);
        user.PreferredCulture = culture;
        await db.SaveChangesAsync();
    });

    private static async Task<JsonElement> CreatedAsync(HttpResponseMessage response)
    {
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        response.StatusCode.ShouldBe(HttpStatusCode.Created, json.ToString());
        return json;
    }

    [Fact]
    public async Task A_confirmed_booking_emails_its_member_an_ics_and_invites_members_and_guests_in_their_languages()
    {
        var world = await BookingWorld.CreateAsync(app);
        var booker = await world.NewMemberAsync();
        var colleague = await world.NewMemberAsync();
        await SetCultureAsync(booker.UserId, "en");
        await SetCultureAsync(colleague.UserId, "fr");
        var guest = TestApp.NewEmail("guest");
        var start = Day(3).AddHours(14);

        using var response = await booker.Client.PostAsJsonAsync("/api/v1/bookings", new
        {
            resourceId = world.Room, start = Text(start), end = Text(start.AddHours(2)),
            attendees = new object[] { new { memberId = colleague.MemberId }, new { email = guest, name = "Dominique Invitée" } },
        });
        var booking = await CreatedAsync(response);
        var id = booking.GetProperty("id").GetGuid();
        var utcStart = booking.GetProperty("start").GetDateTime();

        booking.GetProperty("attendees").EnumerateArray().Select(a => a.GetProperty("name").GetString()).ShouldBe(["Camille Booker", "Dominique Invitée"], ignoreOrder: true);
        var confirmation = await app.LastEmailToAsync(booker.Email);
        confirmation.Subject.ShouldBe("Your booking of Salle Tilleul is confirmed");
        confirmation.AttachmentType.ShouldBe("text/calendar; method=REQUEST; charset=utf-8");
        var calendar = await Ics.ReadAsync(confirmation.AttachmentContent!);
        calendar.Method.ShouldBe("REQUEST");
        var vevent = calendar.Events.ShouldHaveSingleItem();
        vevent.Uid.ShouldBe($"{id}@cotravail");
        vevent.Sequence.ShouldBe("0");
        vevent.Start.ShouldBe(utcStart.ToString("yyyy-MM-dd'T'HH:mm:ss'+00:00'", CultureInfo.InvariantCulture));
        vevent.Location.ShouldContain("1 place des Tests");
        vevent.Attendees.ShouldBe([$"mailto:{booker.Email}", $"mailto:{colleague.Email}", $"mailto:{guest}"], ignoreOrder: true);
        vevent.Organizer.ShouldStartWith("mailto:");
        (await app.LastEmailToAsync(guest)).Subject.ShouldStartWith("Invitation: Salle Tilleul on ", Case.Sensitive, "a guest reads the booker's language");
        var invited = await app.LastEmailToAsync(colleague.Email);
        invited.Subject.ShouldStartWith("Invitation : Salle Tilleul le ", Case.Sensitive, "a member reads their own language");
        invited.TextBody.ShouldContain("Camille Booker vous invite");
        (await Ics.ReadAsync(invited.AttachmentContent!)).Events.ShouldHaveSingleItem().Uid.ShouldBe($"{id}@cotravail");

        var read = await booker.Client.GetFromJsonAsync<JsonElement>($"/api/v1/bookings/{id}");
        read.GetProperty("attendees").GetArrayLength().ShouldBe(2);
    }

    [Fact]
    public async Task A_title_and_names_typed_with_line_breaks_give_one_line_subjects_that_a_real_smtp_server_receives()
    {
        await using var smtp = await SmtpServer.StartAsync();
        var world = await BookingWorld.CreateAsync(app);
        var booker = await world.NewMemberAsync();
        await SetCultureAsync(booker.UserId, "en");
        await app.WithDbAsync(db => db.Members.Where(m => m.Id == booker.MemberId)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.FirstName, "Camille\r\nBcc: intruder@evil.test")));
        var guest = TestApp.NewEmail("guest");
        var token = Guid.NewGuid().ToString("N");
        var start = Day(3).AddHours(10);

        using var response = await booker.Client.PostAsJsonAsync("/api/v1/bookings", new
        {
            resourceId = world.Room, start = Text(start), end = Text(start.AddHours(1)), title = $"Board {token}\r\nBcc: intruder@evil.test",
            attendees = new object[] { new { email = guest, name = "Dominique\r\nBcc: intruder@evil.test" } },
        });
        await CreatedAsync(response);
        await app.SendOutboxAsync(new MailDelivery(new SmtpSettings { Host = "127.0.0.1", Port = smtp.Port }, "unused"), new FakeTimeProvider(app.Clock.GetUtcNow()));

        var confirmation = await ReceivedMail.ReadAsync((await smtp.WaitForAsync($"X-RcptTo: {booker.Email}")).ShouldNotBeNull("sent, not stuck in the outbox"));
        var invitation = await ReceivedMail.ReadAsync((await smtp.WaitForAsync($"X-RcptTo: {guest}")).ShouldNotBeNull("sent, not stuck in the outbox"));
        confirmation.All("Subject").ShouldHaveSingleItem().ShouldBe($"Your booking of Board {token} Bcc: intruder@evil.test · Salle Tilleul is confirmed");
        invitation.All("Subject").ShouldHaveSingleItem().ShouldStartWith($"Invitation: Board {token} Bcc: intruder@evil.test · Salle Tilleul on ");
        foreach (var mail in new[] { confirmation, invitation })
        {
            mail.All("Bcc").ShouldBeEmpty();
            mail.All("X-RcptTo").ShouldHaveSingleItem();
            mail.All("Subject").Single().ShouldNotContain('\n');
        }
        confirmation.Text!.ReplaceLineEndings("\n").ShouldContain("Hello Camille\nBcc: intruder@evil.test,", Case.Sensitive, "bodies keep what was typed");
        invitation.Text!.ReplaceLineEndings("\n").ShouldContain("Hello Dominique\nBcc: intruder@evil.test,", Case.Sensitive);
    }

    [Fact]
    public async Task Attendees_are_checked_and_a_refused_booking_books_and_sends_nothing()
    {
        var world = await BookingWorld.CreateAsync(app);
        var booker = await world.NewMemberAsync();
        var start = Day(3).AddHours(9);
        async Task<JsonElement> RefusedAsync(object[] attendees)
        {
            using var response = await booker.Client.PostAsJsonAsync("/api/v1/bookings", new { resourceId = world.Room, start = Text(start), end = Text(start.AddHours(1)), attendees });
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        }

        var badEmail = await RefusedAsync([new { email = "ok@example.test" }, new { email = "not an email" }]);
        var unknown = await RefusedAsync([new { email = "ok@example.test" }, new { memberId = Guid.NewGuid() }]);
        var tooMany = await RefusedAsync([.. Enumerable.Range(0, 51).Select(i => new { email = $"g{i}@example.test" })]);

        badEmail.TryGetProperty("attendees[1].email", out _).ShouldBeTrue(badEmail.ToString());
        unknown.TryGetProperty("attendees[1].memberId", out _).ShouldBeTrue(unknown.ToString());
        tooMany.TryGetProperty("attendees", out _).ShouldBeTrue(tooMany.ToString());
        (await app.WithDbAsync(db => db.Bookings.CountAsync(b => b.MemberId == booker.MemberId))).ShouldBe(0);
        (await app.EmailsToAsync(booker.Email)).ShouldBeEmpty();
        (await app.EmailsToAsync("ok@example.test")).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_series_is_confirmed_in_one_email_whose_ics_has_each_occurrence_at_the_right_utc_time_across_the_clock_change()
    {
        var world = await BookingWorld.CreateAsync(app, policy: BookingPolicy.Default with { WindowDays = 400 });
        var member = await world.NewMemberAsync();
        var change = NextClockChange();
        var first = change.AddDays(-6).AddHours(9); // a week apart, on either side of the change, 09:00 local both

        using var response = await member.Client.PostAsJsonAsync("/api/v1/bookings/series", new
        {
            resourceId = world.Room, start = Text(first), end = Text(first.AddHours(1)), frequency = "Weekly", count = 2,
        });
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, json.ToString());
        json.GetProperty("booked").GetArrayLength().ShouldBe(2);

        var email = (await app.EmailsToAsync(member.Email)).ShouldHaveSingleItem("one email for the whole series");
        email.Subject.ShouldBe("Vos réservations de Salle Tilleul sont confirmées");
        var events = (await Ics.ReadAsync(email.AttachmentContent!)).Events;
        events.Select(e => e.Start).ShouldBe([Utc(first), Utc(first.AddDays(7))]);
        Paris.GetUtcOffset(first).ShouldNotBe(Paris.GetUtcOffset(first.AddDays(7)), "the occurrences are on either side of the clock change");
    }

    [Fact]
    public async Task A_pending_request_is_acknowledged_without_an_ics_and_its_approval_invites_the_attendees()
    {
        var world = await BookingWorld.CreateAsync(app, policy: BookingPolicy.Default with { RequiresApproval = true });
        var member = await world.NewMemberAsync();
        var guest = TestApp.NewEmail("pending-guest");
        var start = Day(4).AddHours(10);
        using var requested = await member.Client.PostAsJsonAsync("/api/v1/bookings", new
        {
            resourceId = world.Room, start = Text(start), end = Text(start.AddHours(1)), attendees = new[] { new { email = guest } },
        });
        var id = (await CreatedAsync(requested)).GetProperty("id").GetGuid();

        var acknowledged = await app.LastEmailToAsync(member.Email);
        acknowledged.Subject.ShouldBe("Votre demande pour Salle Tilleul a bien été reçue");
        acknowledged.AttachmentName.ShouldBeNull();
        (await app.EmailsToAsync(guest)).ShouldBeEmpty("guests are invited once the request is approved");

        var admin = TestApp.NewEmail("approver");
        await app.CreateUserAsync(admin, networkAdmin: true);
        using var manager = await app.ClientForAsync(admin);
        (await manager.PostAsync($"/api/v1/bookings/{id}/approve", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var approved = await app.LastEmailToAsync(member.Email);
        approved.Subject.ShouldBe("Votre réservation de Salle Tilleul est confirmée");
        (await Ics.ReadAsync(approved.AttachmentContent!)).Events.ShouldHaveSingleItem().Status.ShouldBe("CONFIRMED");
        (await app.LastEmailToAsync(guest)).AttachmentType.ShouldBe("text/calendar; method=REQUEST; charset=utf-8");
    }

    [Fact]
    public async Task A_declined_request_is_told_without_an_ics()
    {
        var world = await BookingWorld.CreateAsync(app, policy: BookingPolicy.Default with { RequiresApproval = true });
        var member = await world.NewMemberAsync();
        var id = await world.InsertAsync(member, world.Room, Now.AddDays(5), TimeSpan.FromHours(1), pending: true, createdAt: Now);
        var admin = TestApp.NewEmail("decliner");
        await app.CreateUserAsync(admin, networkAdmin: true);
        using var manager = await app.ClientForAsync(admin);

        (await manager.PostAsync($"/api/v1/bookings/{id}/decline", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var declined = await app.LastEmailToAsync(member.Email);
        declined.Subject.ShouldBe("Votre demande pour Salle Tilleul a été refusée");
        declined.AttachmentName.ShouldBeNull();
    }

    [Fact]
    public async Task A_cancellation_sends_a_cancel_ics_with_a_higher_sequence_to_the_member_and_the_attendees()
    {
        var world = await BookingWorld.CreateAsync(app);
        var member = await world.NewMemberAsync();
        var guest = TestApp.NewEmail("cancel-guest");
        var start = Day(3).AddHours(11);
        using var booked = await member.Client.PostAsJsonAsync("/api/v1/bookings", new
        {
            resourceId = world.Room, start = Text(start), end = Text(start.AddHours(1)), attendees = new[] { new { email = guest } },
        });
        var id = (await CreatedAsync(booked)).GetProperty("id").GetGuid();

        (await member.Client.PostAsync($"/api/v1/bookings/{id}/cancel", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var toMember = await app.LastEmailToAsync(member.Email);
        toMember.Subject.ShouldBe("Votre réservation de Salle Tilleul est annulée");
        var toGuest = await app.LastEmailToAsync(guest);
        toGuest.Subject.ShouldStartWith("Annulé : Salle Tilleul le ");
        foreach (var email in new[] { toMember, toGuest })
        {
            email.AttachmentType.ShouldBe("text/calendar; method=CANCEL; charset=utf-8");
            var calendar = await Ics.ReadAsync(email.AttachmentContent!);
            calendar.Method.ShouldBe("CANCEL");
            var vevent = calendar.Events.ShouldHaveSingleItem();
            (vevent.Uid, vevent.Sequence, vevent.Status).ShouldBe(($"{id}@cotravail", "1", "CANCELLED"));
        }
    }

    [Fact]
    public async Task Cancelling_a_series_from_an_occurrence_sends_one_email_cancelling_each_later_occurrence()
    {
        var world = await BookingWorld.CreateAsync(app);
        var member = await world.NewMemberAsync();
        var first = Day(3).AddHours(12);
        var ids = await world.BookSeriesAsync(member.Client, first, TimeSpan.FromHours(1), 3);

        (await member.Client.PostAsync($"/api/v1/bookings/{ids[1]}/cancel-following", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var email = await app.LastEmailToAsync(member.Email);
        email.Subject.ShouldBe("Vos réservations de Salle Tilleul sont annulées");
        var calendar = await Ics.ReadAsync(email.AttachmentContent!);
        calendar.Method.ShouldBe("CANCEL");
        calendar.Events.Select(e => (e.Uid, e.Status)).ShouldBe([($"{ids[1]}@cotravail", "CANCELLED"), ($"{ids[2]}@cotravail", "CANCELLED")]);
    }

    [Fact]
    public async Task A_series_invites_its_guests_to_the_occurrences_booked_in_one_email_and_refuses_a_bad_guest_before_booking()
    {
        var world = await BookingWorld.CreateAsync(app);
        var member = await world.NewMemberAsync();
        var other = await world.MemberClientAsync();
        var guest = TestApp.NewEmail("series-guest");
        var first = Day(4).AddHours(8);
        (await world.BookAsync(other, world.Room, first.AddDays(1), first.AddDays(1).AddHours(1))).StatusCode.ShouldBe(HttpStatusCode.Created);
        object Series(string email, string mode) => new
        {
            resourceId = world.Room, start = Text(first), end = Text(first.AddHours(1)), frequency = "Daily", count = 3, mode,
            attendees = new[] { new { email, name = "Invitée" } },
        };

        using var refused = await member.Client.PostAsJsonAsync("/api/v1/bookings/series", Series("not-an-address", "AvailableOnly"));
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(e => e.Name).ShouldContain(n => n.StartsWith("attendees", StringComparison.Ordinal));
        (await app.WithDbAsync(db => db.Bookings.CountAsync(b => b.MemberId == member.MemberId))).ShouldBe(0);

        using var booked = await member.Client.PostAsJsonAsync("/api/v1/bookings/series", Series(guest, "AvailableOnly"));
        var series = await CreatedOrOkAsync(booked);
        var ids = series.GetProperty("booked").EnumerateArray().Select(b => b.GetProperty("id").GetGuid()).ToList();
        ids.Count.ShouldBe(2); // the second day is taken
        (await app.WithDbAsync(db => db.BookingAttendees.Where(a => a.Email == guest).Select(a => a.BookingId).ToListAsync())).ShouldBe(ids, ignoreOrder: true);
        var invitation = await app.LastEmailToAsync(guest);
        var calendar = await Ics.ReadAsync(invitation.AttachmentContent!);
        calendar.Method.ShouldBe("REQUEST");
        calendar.Events.Select(e => e.Uid).ShouldBe(ids.Select(id => $"{id}@cotravail"));
        calendar.Events.ShouldAllBe(e => e.Attendees.Any(a => a.Contains(guest, StringComparison.OrdinalIgnoreCase)));

        // all or nothing: every occurrence carries the guest, written in the same transaction
        first = first.AddDays(7);
        using var all = await member.Client.PostAsJsonAsync("/api/v1/bookings/series", Series(guest, "AllOrNothing"));
        var allIds = (await CreatedOrOkAsync(all)).GetProperty("booked").EnumerateArray().Select(b => b.GetProperty("id").GetGuid()).ToList();
        allIds.Count.ShouldBe(3);
        (await app.WithDbAsync(db => db.BookingAttendees.CountAsync(a => a.Email == guest && allIds.Contains(a.BookingId)))).ShouldBe(3);
    }

    private static async Task<JsonElement> CreatedOrOkAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        response.IsSuccessStatusCode.ShouldBeTrue(body.ToString());
        return body;
    }

    [Fact]
    public async Task Changing_a_series_onwards_sends_one_email_whose_ics_moves_each_changed_occurrence()
    {
        var world = await BookingWorld.CreateAsync(app);
        var member = await world.NewMemberAsync();
        var first = Day(3).AddHours(9);
        var ids = await world.BookSeriesAsync(member.Client, first, TimeSpan.FromHours(1), 3, "Daily");

        using var moved = await member.Client.PatchAsJsonAsync($"/api/v1/bookings/{ids[1]}/following", new { startTime = "10:30", endTime = "11:30" });
        moved.StatusCode.ShouldBe(HttpStatusCode.OK, await moved.Content.ReadAsStringAsync());

        var email = await app.LastEmailToAsync(member.Email);
        email.Subject.ShouldBe("Votre réservation récurrente a été modifiée : Salle Tilleul");
        var calendar = await Ics.ReadAsync(email.AttachmentContent!);
        calendar.Method.ShouldBe("REQUEST");
        calendar.Events.Select(e => (e.Uid, e.Sequence, e.Status)).ShouldBe([($"{ids[1]}@cotravail", "1", "CONFIRMED"), ($"{ids[2]}@cotravail", "1", "CONFIRMED")]);
        var starts = await app.WithDbAsync(db => db.Bookings.Where(b => b.Id == ids[1] || b.Id == ids[2]).OrderBy(b => b.Start).Select(b => b.Start).ToListAsync());
        calendar.Events.Select(e => e.Start).ShouldBe(starts.Select(s => s.ToString("yyyy-MM-dd'T'HH:mm:ss'+00:00'", CultureInfo.InvariantCulture)));
        starts.Select(s => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(s, DateTimeKind.Utc), Paris).TimeOfDay).ShouldAllBe(t => t == new TimeSpan(10, 30, 0));
    }

    [Fact]
    public async Task The_booking_changed_helper_sends_the_update_with_a_higher_sequence_to_the_member_and_attendees()
    {
        var world = await BookingWorld.CreateAsync(app);
        var member = await world.NewMemberAsync();
        var guest = TestApp.NewEmail("changed-guest");
        var start = Day(3).AddHours(17);
        using var booked = await member.Client.PostAsJsonAsync("/api/v1/bookings", new
        {
            resourceId = world.Room, start = Text(start), end = Text(start.AddHours(1)), attendees = new[] { new { email = guest } },
        });
        var id = (await CreatedAsync(booked)).GetProperty("id").GetGuid();

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Cotravail.Common.Database.AppDb>();
            var booking = await db.Bookings.SingleAsync(b => b.Id == id);
            await scope.ServiceProvider.GetRequiredService<BookingNotice>().SendChangedAsync(booking, CancellationToken.None);
            await db.SaveChangesAsync();
        }

        (await app.WithDbAsync(db => db.Bookings.Where(b => b.Id == id).Select(b => b.Sequence).SingleAsync())).ShouldBe(1);
        var toMember = await app.LastEmailToAsync(member.Email);
        toMember.Subject.ShouldBe("Votre réservation de Salle Tilleul a changé");
        var toGuest = await app.LastEmailToAsync(guest);
        toGuest.Subject.ShouldStartWith("Modifié : Salle Tilleul le ");
        var vevent = (await Ics.ReadAsync(toGuest.AttachmentContent!)).Events.ShouldHaveSingleItem();
        (vevent.Uid, vevent.Sequence, vevent.Status).ShouldBe(($"{id}@cotravail", "1", "CONFIRMED"));
    }

    [Fact]
    public async Task The_cancel_button_of_my_bookings_tells_the_member()
    {
        var world = await BookingWorld.CreateAsync(app);
        var (browser, email) = await world.MemberBrowserAsync();
        var memberId = await app.WithDbAsync(db => db.Members.Where(m => m.Email == email).Select(m => m.Id).SingleAsync());
        var userId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        var id = await world.InsertAsync(new Booker(browser, memberId, userId, email), world.Room, Now.AddDays(2), TimeSpan.FromHours(1));

        using var cancelled = await TestApp.PostFormAsync(browser, $"/me/bookings/{id}/cancel", []);

        cancelled.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var told = await app.LastEmailToAsync(email);
        told.Subject.ShouldBe("Votre réservation de Salle Tilleul est annulée");
        told.AttachmentType.ShouldBe("text/calendar; method=CANCEL; charset=utf-8");
    }

    [Fact]
    public async Task Attendees_added_and_removed_later_are_told_and_others_may_not_change_them()
    {
        var world = await BookingWorld.CreateAsync(app);
        var member = await world.NewMemberAsync();
        var stranger = await world.NewMemberAsync();
        var guest = TestApp.NewEmail("later-guest");
        var start = Day(3).AddHours(15);
        using var booked = await world.BookAsync(member.Client, world.Room, start, start.AddHours(1));
        var id = (await CreatedAsync(booked)).GetProperty("id").GetGuid();

        using var added = await member.Client.PostAsJsonAsync($"/api/v1/bookings/{id}/attendees", new { email = guest, name = "Sam" });
        var attendee = (await CreatedAsync(added)).GetProperty("id").GetGuid();
        using var again = await member.Client.PostAsJsonAsync($"/api/v1/bookings/{id}/attendees", new { email = guest.ToUpperInvariant() });
        using var notAnEmail = await member.Client.PostAsJsonAsync($"/api/v1/bookings/{id}/attendees", new { email = "sam@" });
        using var strangers = await stranger.Client.PostAsJsonAsync($"/api/v1/bookings/{id}/attendees", new { email = "x@example.test" });

        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        notAnEmail.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await notAnEmail.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("email", out _).ShouldBeTrue();
        strangers.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var invitation = await app.LastEmailToAsync(guest);
        invitation.Subject.ShouldStartWith("Invitation : Salle Tilleul le ");
        (await Ics.ReadAsync(invitation.AttachmentContent!)).Events.ShouldHaveSingleItem().Attendees.ShouldContain($"mailto:{guest}");

        (await stranger.Client.DeleteAsync($"/api/v1/bookings/{id}/attendees/{attendee}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await member.Client.DeleteAsync($"/api/v1/bookings/{id}/attendees/{attendee}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var removal = await app.LastEmailToAsync(guest);
        removal.Subject.ShouldStartWith("Annulé : Salle Tilleul le ");
        var cancelled = (await Ics.ReadAsync(removal.AttachmentContent!)).Events.ShouldHaveSingleItem();
        (cancelled.Status, cancelled.Sequence).ShouldBe(("CANCELLED", "1"));
        (await member.Client.GetFromJsonAsync<JsonElement>($"/api/v1/bookings/{id}")).GetProperty("attendees").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task A_reminder_is_sent_once_even_when_sweeps_run_at_once_and_only_when_due()
    {
        var world = await BookingWorld.CreateAsync(app);
        var early = await world.NewMemberAsync();
        var late = await world.NewMemberAsync();
        var notYet = await world.NewMemberAsync();
        var tooLate = await world.NewMemberAsync();
        var dueTomorrow = await world.InsertAsync(early, world.Room, Now.AddHours(20), TimeSpan.FromHours(1), createdAt: Now.AddDays(-3));
        var dueSoon = await world.InsertAsync(late, world.Zone, Now.AddMinutes(90), TimeSpan.FromHours(1), createdAt: Now.AddHours(-3));
        await world.InsertAsync(notYet, world.Room, Now.AddHours(30), TimeSpan.FromHours(1), createdAt: Now.AddDays(-3));
        await world.InsertAsync(tooLate, world.Room, Now.AddMinutes(90), TimeSpan.FromHours(1), createdAt: Now.AddMinutes(-20));

        await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<BookingSweeper>().RemindAsync(CancellationToken.None);
        }));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<BookingSweeper>().RemindAsync(CancellationToken.None);
        }

        var reminders = await app.EmailsToAsync(early.Email);
        reminders.ShouldHaveSingleItem().Subject.ShouldStartWith("Rappel : Inserted · Salle Tilleul le ");
        (await app.EmailsToAsync(late.Email)).ShouldHaveSingleItem("booked less than a day ahead: reminded two hours before");
        (await app.EmailsToAsync(notYet.Email)).ShouldBeEmpty("not within a day yet");
        (await app.EmailsToAsync(tooLate.Email)).ShouldBeEmpty("booked less than two hours ahead: the confirmation is enough");
        (await app.WithDbAsync(db => db.Bookings.Where(b => b.Id == dueTomorrow || b.Id == dueSoon).CountAsync(b => b.ReminderSentAt != null))).ShouldBe(2);
    }

    [Fact]
    public async Task The_timeline_form_invites_the_typed_addresses_and_shows_a_wrong_one_with_what_was_typed()
    {
        var world = await BookingWorld.CreateAsync(app);
        var (browser, email) = await world.MemberBrowserAsync();
        var day = Day(3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var timeline = $"/locations/{await world.SlugAsync()}/timeline?date={day}";
        var guest = TestApp.NewEmail("form-guest");
        Dictionary<string, string> Form(string attendees) => new()
        {
            ["Input.ResourceId"] = world.Room.ToString(), ["Input.Date"] = day, ["Input.From"] = "16:00", ["Input.To"] = "17:00", ["Input.Attendees"] = attendees,
        };
        var form = $"{timeline}&resource={world.Room}&from=16:00";

        using var refused = await TestApp.PostFormAsync(browser, timeline, Form($"{guest}, pas-une-adresse"), form);
        var page = await refused.Content.ReadAsStringAsync();
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        var doc = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(page);
        doc.QuerySelector("#Input_Attendees-error")!.TextContent.ShouldBe("pas-une-adresse: Cette adresse e-mail n'est pas valide.");
        doc.QuerySelector("#Input_Attendees")!.TextContent.ShouldBe($"{guest}, pas-une-adresse");
        (await app.EmailsToAsync(guest)).ShouldBeEmpty();

        using var booked = await TestApp.PostFormAsync(browser, timeline, Form($"{guest}\n"), form);
        booked.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.LastEmailToAsync(guest)).AttachmentName.ShouldBe("invite.ics");
        (await app.LastEmailToAsync(email)).Subject.ShouldBe("Votre réservation de Salle Tilleul est confirmée");
        var (_, mine) = await TestApp.GetHtmlAsync(browser, "/me/bookings");
        mine.QuerySelector("#coming tbody tr .attendees")!.TextContent.ShouldBe($"Avec {guest}");
    }

    [Fact]
    public async Task An_erased_person_disappears_from_the_attendees_of_other_peoples_bookings()
    {
        var world = await BookingWorld.CreateAsync(app);
        var booker = await world.NewMemberAsync();
        var person = await Cotravail.Tests.Modules.Privacy.PrivacyPeople.CreateAsync(app);
        var start = Day(3).AddHours(8);
        using var booked = await booker.Client.PostAsJsonAsync("/api/v1/bookings", new
        {
            resourceId = world.Room, start = Text(start), end = Text(start.AddHours(1)),
            attendees = new object[] { new { memberId = person.MemberId }, new { email = person.Email.ToUpperInvariant(), name = "Solène at home" }, new { email = "stays@example.test" } },
        });
        var id = (await CreatedAsync(booked)).GetProperty("id").GetGuid();
        using var client = await app.ClientForAsync(person.Email);

        (await client.PostAsJsonAsync("/api/v1/me/erase", new { password = Cotravail.Modules.Demo.DemoAccounts.Password })).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var left = await app.WithDbAsync(db => db.BookingAttendees.Where(a => a.BookingId == id).Select(a => a.Email).ToListAsync());
        left.ShouldBe(["stays@example.test"]);
    }

    /// The first local midnight (Paris) after which the UTC offset differs from the day before.
    private DateTime NextClockChange()
    {
        var day = Day(10);
        while (Paris.GetUtcOffset(day.AddHours(12)) == Paris.GetUtcOffset(day.AddDays(-1).AddHours(12)))
        {
            day = day.AddDays(1);
        }
        return day;
    }

    private static string Utc(DateTime local) =>
        TimeZoneInfo.ConvertTimeToUtc(local, Paris).ToString("yyyy-MM-dd'T'HH:mm:ss'+00:00'", CultureInfo.InvariantCulture);
}

/// Debian's python3-icalendar reads a calendar, or the text/calendar parts of a raw email.
internal static class Ics
{
    internal sealed record Event(string Uid, string Sequence, string Start, string Status, string Organizer, IReadOnlyList<string> Attendees, string Summary, string Location);

    internal sealed record Calendar(string Method, IReadOnlyList<Event> Events);

    /// One line per text/calendar part of an email: "content-disposition|file name|method parameter".
    internal sealed record Part(string Disposition, string FileName, string Method);

    public static async Task<Calendar> ReadAsync(string ics) => (await RunAsync(ics, "ics")).Calendars.ShouldHaveSingleItem();

    public static Task<(IReadOnlyList<Part> Parts, IReadOnlyList<Calendar> Calendars)> ReadEmailAsync(string eml) => RunAsync(eml, "eml");

    private static async Task<(IReadOnlyList<Part> Parts, IReadOnlyList<Calendar> Calendars)> RunAsync(string text, string kind)
    {
        var file = Path.GetTempFileName();
        await File.WriteAllTextAsync(file, text);
        try
        {
            var start = new ProcessStartInfo(File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3") { RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add("""
                import sys, icalendar, email
                from email import policy
                data = open(sys.argv[1], 'rb').read()
                calendars = []
                if sys.argv[2] == 'eml':
                    message = email.message_from_bytes(data, policy=policy.default)
                    for part in message.walk():
                        if part.get_content_type() == 'text/calendar':
                            print(f"PART|{part.get_content_disposition() or 'inline'}|{part.get_filename() or ''}|{part.get_param('method')}")
                            calendars.append(part.get_content())
                else:
                    calendars.append(data)
                for text in calendars:
                    cal = icalendar.Calendar.from_ical(text)
                    print(f"CAL|{cal['METHOD']}")
                    for e in cal.walk('VEVENT'):
                        people = e.get('ATTENDEE')
                        people = people if isinstance(people, list) else ([people] if people else [])
                        print(f"EVENT|{e['UID']}|{e.get('SEQUENCE')}|{e.decoded('DTSTART').isoformat()}|{e.get('STATUS')}|{e.get('ORGANIZER')}|{','.join(str(p) for p in people)}|{e['SUMMARY']}|{e.get('LOCATION')}")
                """);
            start.ArgumentList.Add(file);
            start.ArgumentList.Add(kind);
            using var process = Process.Start(start)!;
            var output = await process.StandardOutput.ReadToEndAsync();
            var error = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            process.ExitCode.ShouldBe(0, error);
            var parts = new List<Part>();
            var calendars = new List<(string Method, List<Event> Events)>();
            foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                var f = line.Split('|');
                switch (f[0])
                {
                    case "PART":
                        parts.Add(new Part(f[1], f[2], f[3]));
                        break;
                    case "CAL":
                        calendars.Add((f[1], []));
                        break;
                    default:
                        calendars[^1].Events.Add(new Event(f[1], f[2], f[3], f[4], f[5], f[6].Split(',', StringSplitOptions.RemoveEmptyEntries), f[7], f[8]));
                        break;
                }
            }
            return (parts, [.. calendars.Select(c => new Calendar(c.Method, c.Events))]);
        }
        finally
        {
            File.Delete(file);
        }
    }
}

[Collection(SqliteCollection.Name)]
public sealed class BookingNotificationsTests_Sqlite(SqliteTestApp app) : BookingNotificationsTests(app);

[Collection(PostgresCollection.Name)]
public sealed class BookingNotificationsTests_Postgres(PostgresTestApp app) : BookingNotificationsTests(app);

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cotravail.Common.Audit;
using Cotravail.Tests.Infrastructure;
using Cotravail.Modules.Resources;
using Microsoft.EntityFrameworkCore;
using Cotravail.Modules.Assignments;
using Cotravail.Modules.Bookings;
using Cotravail.Modules.Locations;

namespace Cotravail.Tests.Modules.Assignments;

public abstract class AssignmentsTests(TestApp app)
{
    [Fact]
    public async Task An_assigned_desk_cannot_be_booked_by_anyone_during_its_period_and_the_refusal_names_nobody()
    {
        var world = await AssignmentWorld.CreateAsync(app);
        var holder = await world.MemberAsync("Titulaire" + Guid.NewGuid().ToString("N")[..6]);
        var other = await world.MemberAsync("Autre");
        var manager = await world.ManagerAsync();
        var (from, to) = (world.Today(3), world.Today(10));

        using var assigned = await AssignmentWorld.AssignAsync(manager, world.Desk, from, to, member: holder.MemberId, monthlyPrice: 250m);

        var body = await assigned.Content.ReadFromJsonAsync<JsonElement>();
        assigned.StatusCode.ShouldBe(HttpStatusCode.Created, body.ToString());
        body.GetProperty("from").GetString().ShouldBe(AssignmentWorld.Text(from));
        body.GetProperty("to").GetString().ShouldBe(AssignmentWorld.Text(to));
        body.GetProperty("monthlyPrice").GetDecimal().ShouldBe(250m);
        body.GetProperty("currency").GetString().ShouldBe("EUR");
        body.GetProperty("vatPercent").GetDecimal().ShouldBe(20m);
        using var refused = await world.BookAsync(other.Client, world.Desk, world.Today(5));
        var problem = await refused.Content.ReadAsStringAsync();
        refused.StatusCode.ShouldBe(HttpStatusCode.Conflict, problem);
        var reason = JsonDocument.Parse(problem).RootElement.GetProperty("errors").GetProperty("resourceId")[0].GetString();
        reason.ShouldBe("Ce poste ou ce bureau est attribué à un membre pour cette période."); // the API speaks French by default
        problem.ShouldNotContain("Titulaire");
        using var own = await world.BookAsync(holder.Client, world.Desk, world.Today(5));
        own.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await own.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("resourceId")[0].GetString()!.ShouldContain("sans réserver");
        (await world.BookAsync(other.Client, world.Desk, world.Today(2))).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await world.BookAsync(other.Client, world.Desk, to)).StatusCode.ShouldBe(HttpStatusCode.Created); // the end date is free again
        var id = body.GetProperty("id").GetGuid();
        (await app.WithDbAsync(db => db.Set<AuditEntry>().AnyAsync(a => a.Action == AuditActions.AssignmentCreated && a.TargetId == id))).ShouldBeTrue();
    }

    [Fact]
    public async Task Availability_and_the_day_timeline_show_an_assigned_office_as_not_available()
    {
        var world = await AssignmentWorld.CreateAsync(app);
        var company = await world.CompanyAsync();
        var member = await world.MemberAsync("Chercheur");
        var day = world.Today(4);
        (await AssignmentWorld.AssignAsync(await world.ManagerAsync(), world.Office, world.Today(1), null, company: company)).StatusCode.ShouldBe(HttpStatusCode.Created);

        var found = await member.Client.GetFromJsonAsync<JsonElement>(
            $"/api/v1/availability?locationId={world.Location}&start={AssignmentWorld.Text(day)}T10:00&end={AssignmentWorld.Text(day)}T12:00&explain=true");

        found.GetProperty("available").EnumerateArray().Select(o => o.GetProperty("resourceId").GetGuid()).ShouldNotContain(world.Office);
        found.GetProperty("available").EnumerateArray().Select(o => o.GetProperty("resourceId").GetGuid()).ShouldContain(world.Desk);
        var office = found.GetProperty("unavailable").EnumerateArray().Single(o => o.GetProperty("resourceId").GetGuid() == world.Office);
        office.GetProperty("reason").GetString().ShouldBe("Assigned");
        using var browser = await app.BrowserClientAsync(member.Email);
        var slug = await app.WithDbAsync(db => db.Locations.Where(l => l.Id == world.Location).Select(l => l.Slug).FirstAsync());
        var (_, doc) = await TestApp.GetHtmlAsync(browser, $"/locations/{slug}/timeline?date={AssignmentWorld.Text(day)}");
        Bookings.TimelineCells.At(doc, world.Office, "10:00").ClassList.ShouldContain("assigned");
        Bookings.TimelineCells.At(doc, world.Desk, "10:00").ClassName.ShouldBe("free");
    }

    [Fact]
    public async Task Overlapping_assignments_are_refused_and_touching_ones_accepted()
    {
        var world = await AssignmentWorld.CreateAsync(app);
        var (a, b) = (await world.MemberAsync("Premier"), await world.MemberAsync("Second"));
        var manager = await world.ManagerAsync();
        (await AssignmentWorld.AssignAsync(manager, world.Desk, world.Today(10), world.Today(20), member: a.MemberId)).StatusCode.ShouldBe(HttpStatusCode.Created);

        using var overlap = await AssignmentWorld.AssignAsync(manager, world.Desk, world.Today(15), world.Today(25), member: b.MemberId);
        var problem = await overlap.Content.ReadFromJsonAsync<JsonElement>();
        overlap.StatusCode.ShouldBe(HttpStatusCode.Conflict, problem.ToString());
        problem.GetProperty("errors").TryGetProperty("from", out _).ShouldBeTrue();
        (await AssignmentWorld.AssignAsync(manager, world.Desk, world.Today(5), null, member: b.MemberId)).StatusCode.ShouldBe(HttpStatusCode.Conflict); // open-ended reaches it
        (await AssignmentWorld.AssignAsync(manager, world.Desk, world.Today(5), world.Today(10), member: b.MemberId)).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await AssignmentWorld.AssignAsync(manager, world.Desk, world.Today(20), null, member: b.MemberId)).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await AssignmentWorld.AssignAsync(manager, world.Desk, world.Today(400), world.Today(401), member: a.MemberId)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await app.WithDbAsync(db => db.ResourceAssignments.CountAsync(x => x.ResourceId == world.Desk))).ShouldBe(3);
    }

    [Fact]
    public async Task The_database_itself_refuses_an_overlapping_assignment()
    {
        var world = await AssignmentWorld.CreateAsync(app);
        var member = await world.MemberAsync("Base");
        (await AssignmentWorld.AssignAsync(await world.ManagerAsync(), world.Desk, world.Today(10), world.Today(20), member: member.MemberId)).StatusCode.ShouldBe(HttpStatusCode.Created);

        var written = await app.WithDbAsync(async db =>
        {
            var now = app.Clock.GetUtcNow().UtcDateTime;
            db.ResourceAssignments.Add(new Cotravail.Modules.Assignments.ResourceAssignment(
                world.Desk, world.Location, member.MemberId, null, world.Today(19), null, now.AddDays(19), null, 0, "EUR", 0, member.UserId, now));
            try
            {
                await db.SaveChangesAsync();
                return true;
            }
            catch (DbUpdateException)
            {
                return false;
            }
        });

        written.ShouldBeFalse();
    }

    [Fact]
    public async Task The_database_itself_refuses_a_booking_of_an_assigned_desk_and_a_move_onto_it()
    {
        var world = await AssignmentWorld.CreateAsync(app);
        var holder = await world.MemberAsync("Titulaire");
        var booker = await world.MemberAsync("Ailleurs");
        (await AssignmentWorld.AssignAsync(await world.ManagerAsync(), world.Desk, world.Today(10), world.Today(20), member: holder.MemberId)).StatusCode.ShouldBe(HttpStatusCode.Created);
        var day = world.Today(12).ToDateTime(new TimeOnly(9, 0));
        var start = TimeZoneInfo.ConvertTimeToUtc(day, AssignmentWorld.Paris);

        // written past the booking's own check, as a racing request would reach the database
        var inserted = await app.WithDbAsync(async db =>
        {
            var behind = new Cotravail.Modules.Bookings.Booking(world.Desk, ResourceKind.DedicatedDesk, world.Location, new(start, start.AddHours(1)), new(start, start.AddHours(1)),
                booker.UserId, booker.MemberId, "Behind its back", pending: false, app.Clock.GetUtcNow().UtcDateTime);
            db.Bookings.Add(behind);
            try
            {
                await db.SaveChangesAsync();
                return "written";
            }
            catch (DbUpdateException e)
            {
                return Cotravail.Modules.Bookings.SeatWriter.IsOverlap(e) ? "refused" : e.InnerException?.Message ?? e.Message;
            }
        });
        inserted.ShouldBe("refused");

        // a booking of the desk outside the period, moved into it behind the check: refused too
        var before = TimeZoneInfo.ConvertTimeToUtc(world.Today(5).ToDateTime(new TimeOnly(9, 0)), AssignmentWorld.Paris);
        var id = await world.Bookings.InsertAsync(booker, world.Desk, before, TimeSpan.FromHours(1), createdAt: app.Clock.GetUtcNow().UtcDateTime);
        var moved = await app.WithDbAsync(async db =>
        {
            var affected = 0;
            try
            {
                affected = await db.Bookings.Where(b => b.Id == id).ExecuteUpdateAsync(u => u.SetProperty(b => b.Assignable, true)
                    .SetProperty(b => b.Start, start).SetProperty(b => b.End, start.AddHours(1))
                    .SetProperty(b => b.BlockStart, start).SetProperty(b => b.BlockEnd, start.AddHours(1)));
            }
            catch (Exception e) when (Cotravail.Modules.Bookings.SeatWriter.IsOverlap(e.InnerException ?? e) || Cotravail.Modules.Bookings.SeatWriter.IsOverlap(e))
            {
                return "refused";
            }
            return $"moved {affected}";
        });
        moved.ShouldBe("refused");
    }

    [Fact]
    public async Task A_resource_changing_kind_carries_its_bookings_along_and_an_assigned_one_keeps_its_kind()
    {
        var world = await AssignmentWorld.CreateAsync(app);
        var member = await world.MemberAsync("Mobile");
        var manager = await world.ManagerAsync();
        (await world.BookAsync(member.Client, world.Desk, world.Today(5))).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await AssignmentWorld.AssignAsync(manager, world.Office, world.Today(1), null, company: await world.CompanyAsync())).StatusCode.ShouldBe(HttpStatusCode.Created);
        Task<(ResourceKind Kind, bool Assignable)> BookingOfDesk() => app.WithDbAsync(db =>
            db.Bookings.Where(b => b.ResourceId == world.Desk).Select(b => new ValueTuple<ResourceKind, bool>(b.Kind, b.Assignable)).SingleAsync());
        async Task<HttpResponseMessage> MakeAsync(Guid resource, ResourceKind kind)
        {
            var body = (await manager.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>($"/api/v1/resources/{resource}"))!;
            body["kind"] = kind.ToString();
            return await manager.PutAsJsonAsync($"/api/v1/resources/{resource}", body);
        }

        (await BookingOfDesk()).ShouldBe((ResourceKind.DedicatedDesk, true));
        using var room = await MakeAsync(world.Desk, ResourceKind.MeetingRoom);
        room.StatusCode.ShouldBe(HttpStatusCode.OK, await room.Content.ReadAsStringAsync());
        (await BookingOfDesk()).ShouldBe((ResourceKind.MeetingRoom, false)); // kept in step by the database
        using var desk = await MakeAsync(world.Desk, ResourceKind.DedicatedDesk);
        desk.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await BookingOfDesk()).ShouldBe((ResourceKind.DedicatedDesk, true));

        using var refused = await MakeAsync(world.Office, ResourceKind.MeetingRoom);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        refused.StatusCode.ShouldBe(HttpStatusCode.Conflict, problem.ToString());
        problem.GetProperty("errors").GetProperty("kind")[0].GetString()!.ShouldContain("terminez ses attributions");
        (await app.WithDbAsync(db => db.Resources.Where(r => r.Id == world.Office).Select(r => r.Kind).SingleAsync())).ShouldBe(ResourceKind.PrivateOffice);
    }

    [Fact]
    public async Task Bookings_racing_an_assignment_of_the_same_desk_never_both_hold_it()
    {
        var world = await AssignmentWorld.CreateAsync(app);
        var holder = await world.MemberAsync("Titulaire");
        var bookers = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => world.MemberAsync($"Course{i}")));
        var outcomes = new List<string>();
        for (var round = 0; round < 4; round++)
        {
            var (from, to) = (world.Today(2 + (10 * round)), world.Today(9 + (10 * round)));
            var assigning = AssignmentWorld.AssignAsync(await world.ManagerAsync(), world.Desk, from, to, member: holder.MemberId);
            var booking = bookers.Select((b, i) => world.Bookings.BookAsync(b.Client, world.Desk,
                from.AddDays(1 + (i % 5)).ToDateTime(new TimeOnly(10, 0)), from.AddDays(1 + (i % 5)).ToDateTime(new TimeOnly(11, 0)))).ToList();
            var assigned = await assigning;
            var booked = await Task.WhenAll(booking);

            var (startsAt, endsAt) = (TimeZoneInfo.ConvertTimeToUtc(from.ToDateTime(TimeOnly.MinValue), AssignmentWorld.Paris), TimeZoneInfo.ConvertTimeToUtc(to.ToDateTime(TimeOnly.MinValue), AssignmentWorld.Paris));
            var holding = await app.WithDbAsync(db => db.Bookings.CountAsync(b => b.ResourceId == world.Desk && b.Start < endsAt && startsAt < b.End
                && (b.Status == Cotravail.Modules.Bookings.BookingStatus.Pending || b.Status == Cotravail.Modules.Bookings.BookingStatus.Confirmed)));
            booked.Select(b => b.StatusCode).ShouldAllBe(c => c == HttpStatusCode.Created || c == HttpStatusCode.Conflict);
            booked.Count(b => b.StatusCode == HttpStatusCode.Created).ShouldBe(holding);
            if (assigned.StatusCode == HttpStatusCode.Created)
            {
                holding.ShouldBe(0, $"round {round}: the desk was assigned while {holding} bookings held it");
            }
            else
            {
                assigned.StatusCode.ShouldBe(HttpStatusCode.Conflict);
                holding.ShouldBeGreaterThan(0, $"round {round}: the assignment was refused with nothing in its way");
            }
            outcomes.Add($"{(int)assigned.StatusCode}/{holding}");
        }
        outcomes.Count.ShouldBe(4);
        (await app.WithDbAsync(db => db.Bookings.Where(b => b.ResourceId == world.Desk).AllAsync(b => b.Assignable))).ShouldBeTrue("a desk's bookings are marked for the database's check");
    }

    [Fact]
    public async Task An_assignment_over_coming_bookings_is_refused_and_lists_them_without_names()
    {
        var world = await AssignmentWorld.CreateAsync(app);
        var booker = await world.MemberAsync("Réservant" + Guid.NewGuid().ToString("N")[..6]);
        var company = await world.CompanyAsync();
        using var booked = await world.BookAsync(booker.Client, world.Desk, world.Today(6));
        var bookingId = (await booked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        using var refused = await AssignmentWorld.AssignAsync(await world.ManagerAsync(), world.Desk, world.Today(2), world.Today(30), company: company);

        var text = await refused.Content.ReadAsStringAsync();
        refused.StatusCode.ShouldBe(HttpStatusCode.Conflict, text);
        var problem = JsonDocument.Parse(text).RootElement;
        problem.GetProperty("errors").TryGetProperty("from", out _).ShouldBeTrue();
        var listed = problem.GetProperty("bookings").EnumerateArray().ToList();
        listed.Single().GetProperty("id").GetGuid().ShouldBe(bookingId);
        listed[0].GetProperty("localStart").GetDateTime().ShouldBe(world.Today(6).ToDateTime(new TimeOnly(10, 0)));
        text.ShouldNotContain("Réservant");
        (await AssignmentWorld.AssignAsync(await world.ManagerAsync(), world.Desk, world.Today(7), null, company: company)).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Two_managers_assigning_the_same_desk_at_once_get_one_201_and_the_others_409()
    {
        var world = await AssignmentWorld.CreateAsync(app);
        var managers = new[] { await world.ManagerAsync(), await world.AnotherManagerAsync() };
        var members = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => world.MemberAsync($"Concurrent{i}")));

        var answers = await Task.WhenAll(members.Select((m, i) =>
            AssignmentWorld.AssignAsync(managers[i % 2], world.Desk, world.Today(30 + i), i % 3 == 0 ? null : world.Today(60 + i), member: m.MemberId)));

        answers.Count(a => a.StatusCode == HttpStatusCode.Created).ShouldBe(1, string.Join(", ", answers.Select(a => (int)a.StatusCode)));
        answers.Count(a => a.StatusCode == HttpStatusCode.Conflict).ShouldBe(7);
        foreach (var conflict in answers.Where(a => a.StatusCode == HttpStatusCode.Conflict))
        {
            (await conflict.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("from", out _).ShouldBeTrue();
        }
        (await app.WithDbAsync(db => db.ResourceAssignments.CountAsync(a => a.ResourceId == world.Desk))).ShouldBe(1);
        (await app.WithDbAsync(db => db.Set<AuditEntry>().CountAsync(a => a.Action == AuditActions.AssignmentCreated && a.LocationId == world.Location))).ShouldBe(1);
    }

    [Fact]
    public async Task Ending_an_assignment_frees_the_desk_from_that_date_and_cannot_lengthen_it()
    {
        var world = await AssignmentWorld.CreateAsync(app);
        var holder = await world.MemberAsync("Partant");
        var other = await world.MemberAsync("Suivant");
        var manager = await world.ManagerAsync();
        using var assigned = await AssignmentWorld.AssignAsync(manager, world.Desk, world.Today(2), null, member: holder.MemberId);
        var id = (await assigned.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        using var ended = await manager.PostAsJsonAsync($"/api/v1/assignments/{id}/end", new { to = AssignmentWorld.Text(world.Today(5)) });

        var body = await ended.Content.ReadFromJsonAsync<JsonElement>();
        ended.StatusCode.ShouldBe(HttpStatusCode.OK, body.ToString());
        body.GetProperty("to").GetString().ShouldBe(AssignmentWorld.Text(world.Today(5)));
        (await world.BookAsync(other.Client, world.Desk, world.Today(4))).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await world.BookAsync(other.Client, world.Desk, world.Today(5))).StatusCode.ShouldBe(HttpStatusCode.Created);
        using var longer = await manager.PostAsJsonAsync($"/api/v1/assignments/{id}/end", new { to = AssignmentWorld.Text(world.Today(9)) });
        longer.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await longer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("to", out _).ShouldBeTrue();
        using var beforeStart = await manager.PostAsJsonAsync($"/api/v1/assignments/{id}/end", new { to = AssignmentWorld.Text(world.Today(2)) });
        beforeStart.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await app.WithDbAsync(db => db.Set<AuditEntry>().AnyAsync(a => a.Action == AuditActions.AssignmentEnded && a.TargetId == id))).ShouldBeTrue();
    }

    [Fact]
    public async Task Bad_assignments_are_refused_by_field()
    {
        var world = await AssignmentWorld.CreateAsync(app);
        var member = await world.MemberAsync("Champ");
        var company = await world.CompanyAsync();
        var manager = await world.ManagerAsync();

        await ExpectInvalidAsync(await AssignmentWorld.AssignAsync(manager, world.Bookings.Room, world.Today(1), null, member: member.MemberId), "resourceId");
        await ExpectInvalidAsync(await AssignmentWorld.AssignAsync(manager, world.Desk, world.Today(1), null, member: member.MemberId, company: company), "memberId");
        await ExpectInvalidAsync(await AssignmentWorld.AssignAsync(manager, world.Desk, world.Today(1), null), "memberId");
        await ExpectInvalidAsync(await AssignmentWorld.AssignAsync(manager, world.Desk, world.Today(1), null, member: Guid.NewGuid()), "memberId");
        await ExpectInvalidAsync(await AssignmentWorld.AssignAsync(manager, world.Desk, world.Today(5), world.Today(5), member: member.MemberId), "to");
        await ExpectInvalidAsync(await AssignmentWorld.AssignAsync(manager, world.Desk, world.Today(1), null, member: member.MemberId, monthlyPrice: -1m), "monthlyPrice");
        await ExpectInvalidAsync(await manager.PostAsJsonAsync("/api/v1/assignments", new { resourceId = world.Desk, memberId = member.MemberId, from = "2026-13-01" }), "from");
        (await AssignmentWorld.AssignAsync(manager, Guid.NewGuid(), world.Today(1), null, member: member.MemberId)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Members_see_their_own_assignments_company_admins_their_companys_and_others_none()
    {
        var world = await AssignmentWorld.CreateAsync(app);
        var company = await world.CompanyAsync();
        var holder = await world.MemberAsync("Lecteur");
        var admin = await world.MemberAsync("Patron", company, companyAdmin: true);
        var stranger = await world.MemberAsync("Étranger");
        var manager = await world.ManagerAsync();
        using var toMember = await AssignmentWorld.AssignAsync(manager, world.Desk, world.Today(1), null, member: holder.MemberId);
        using var toCompany = await AssignmentWorld.AssignAsync(manager, world.Office, world.Today(1), null, company: company);
        var (deskAssignment, officeAssignment) = (
            (await toMember.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid(),
            (await toCompany.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());

        async Task<List<Guid>> SeenBy(HttpClient client) =>
            [.. (await client.GetFromJsonAsync<JsonElement>("/api/v1/assignments?current=true&pageSize=100")).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid())];

        (await SeenBy(holder.Client)).ShouldBe([deskAssignment]);
        (await SeenBy(admin.Client)).ShouldBe([officeAssignment]);
        (await SeenBy(stranger.Client)).ShouldBeEmpty();
        var managed = await SeenBy(manager);
        managed.ShouldContain(deskAssignment);
        managed.ShouldContain(officeAssignment);
        (await holder.Client.PostAsJsonAsync($"/api/v1/assignments/{deskAssignment}/end", new { })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_manager_of_another_location_can_neither_assign_nor_see_nor_end()
    {
        var world = await AssignmentWorld.CreateAsync(app);
        var elsewhere = await AssignmentWorld.CreateAsync(app);
        var member = await world.MemberAsync("Protégé");
        using var assigned = await AssignmentWorld.AssignAsync(await world.ManagerAsync(), world.Desk, world.Today(1), null, member: member.MemberId);
        var id = (await assigned.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var foreign = await elsewhere.ManagerAsync();

        (await AssignmentWorld.AssignAsync(foreign, world.Office, world.Today(1), null, member: member.MemberId)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await foreign.PostAsJsonAsync($"/api/v1/assignments/{id}/end", new { })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await foreign.GetFromJsonAsync<JsonElement>($"/api/v1/assignments?locationId={world.Location}")).GetProperty("items").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task Erasing_a_member_ends_their_running_assignment_and_deletes_the_coming_ones()
    {
        var world = await AssignmentWorld.CreateAsync(app);
        var member = await world.MemberAsync("Effacé");
        var manager = await world.ManagerAsync();
        using var running = await AssignmentWorld.AssignAsync(manager, world.Desk, world.Today(-10), null, member: member.MemberId, monthlyPrice: 180m);
        using var coming = await AssignmentWorld.AssignAsync(manager, world.Office, world.Today(20), world.Today(50), member: member.MemberId);
        var (runningId, comingId) = (
            (await running.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid(),
            (await coming.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());

        (await member.Client.PostAsJsonAsync("/api/v1/me/erase", new { password = Cotravail.Modules.Demo.DemoAccounts.Password })).IsSuccessStatusCode.ShouldBeTrue();

        var kept = await app.WithDbAsync(db => db.ResourceAssignments.SingleAsync(a => a.Id == runningId));
        kept.To.ShouldBe(world.Today(1));
        kept.MonthlyPriceCents.ShouldBe(18000);
        (await app.WithDbAsync(db => db.ResourceAssignments.AnyAsync(a => a.Id == comingId))).ShouldBeFalse();
        (await world.BookAsync((await world.MemberAsync("Suivant")).Client, world.Desk, world.Today(2))).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    private static async Task ExpectInvalidAsync(HttpResponseMessage response, string field)
    {
        using (response)
        {
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, body.ToString());
            body.GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue(body.ToString());
        }
    }
}

[Collection(SqliteCollection.Name)]
public sealed class AssignmentsTests_Sqlite(SqliteTestApp app) : AssignmentsTests(app);

[Collection(PostgresCollection.Name)]
public sealed class AssignmentsTests_Postgres(PostgresTestApp app) : AssignmentsTests(app);

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cotravail.Common;
using Cotravail.Modules.Assignments;
using Cotravail.Modules.Billing;
using Cotravail.Modules.Bookings;
using Cotravail.Modules.Members;
using Cotravail.Modules.Resources;
using Cotravail.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cotravail.Tests.Modules.Billing;

/// Collecting a month's charges on both engines (once each, assignments prorated) and the manual charge's refusals.
public abstract class ChargesTests(TestApp app)
{
    private static readonly DateTime Now = new(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void An_assignment_is_charged_its_share_of_the_days_it_covers_in_the_month()
    {
        var march = new BillingPeriod(2031, 3);
        ChargeRules.Covered(march, new DateOnly(2031, 3, 16), null).ShouldBe((16, new DateOnly(2031, 3, 16), new DateOnly(2031, 3, 31)));
        ChargeRules.Covered(march, new DateOnly(2031, 1, 1), new DateOnly(2031, 3, 11)).Days.ShouldBe(10);
        ChargeRules.Covered(march, new DateOnly(2031, 4, 1), null).Days.ShouldBe(0);
        ChargeRules.MonthlyShare(30_000, 31, 31).ShouldBe(30_000);
        ChargeRules.MonthlyShare(30_000, 16, 31).ShouldBe(15_484); // 15 483.87 rounded half away from zero
        ChargeRules.MonthlyShare(30_000, 15, 30).ShouldBe(15_000);
        ChargeRules.MonthlyShare(1, 1, 2).ShouldBe(1);
    }

    [Fact]
    public async Task Collecting_a_month_twice_creates_each_charge_once_with_the_assignment_prorated()
    {
        var world = await BillingWorld.CreateAsync(app);
        var (desk, office, room) = (await ResourceAsync(world, ResourceKind.DedicatedDesk), await ResourceAsync(world, ResourceKind.DedicatedDesk),
            await ResourceAsync(world, ResourceKind.MeetingRoom));
        var userId = await app.WithDbAsync(db => db.Members.Where(m => m.Id == world.MemberId).Select(m => m.UserId!.Value).FirstAsync());
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
        Guid midMonth = default, company = default, booked = default, cancelled = default;
        await app.WithDbAsync(async db =>
        {
            var a = new ResourceAssignment(desk, world.Location, world.MemberId, null, new DateOnly(2031, 3, 16), null, LocalDates.StartUtc(new DateOnly(2031, 3, 16), zone), null,
                30_000, "EUR", 20_000, userId, Now);
            var c = new ResourceAssignment(office, world.Location, null, world.CompanyId, new DateOnly(2031, 1, 1), new DateOnly(2031, 6, 1),
                LocalDates.StartUtc(new DateOnly(2031, 1, 1), zone), LocalDates.StartUtc(new DateOnly(2031, 6, 1), zone), 90_000, "EUR", 20_000, userId, Now);
            var slot = new TimeSlot(new DateTime(2031, 3, 10, 9, 0, 0, DateTimeKind.Utc), new DateTime(2031, 3, 10, 11, 0, 0, DateTimeKind.Utc));
            var b = new Booking(room, ResourceKind.MeetingRoom, world.Location, slot, slot, userId, world.MemberId, "Réunion", pending: false, Now);
            b.Price(4_000, "EUR", 20_000);
            var late = new TimeSlot(slot.Start.AddHours(3), slot.End.AddHours(3));
            var x = new Booking(room, ResourceKind.MeetingRoom, world.Location, late, late, userId, world.Team[1], "Atelier", pending: false, Now);
            x.Price(6_000, "EUR", 20_000);
            x.Cancel(late.Start.AddHours(-2), new BookingPolicy { FreeCancellationHours = 24, LateCancellationPercent = 50 });
            db.AddRange(a, c, b, x);
            await db.SaveChangesAsync();
            (midMonth, company, booked, cancelled) = (a.Id, c.Id, b.Id, x.Id);
        });

        await CollectAsync(new BillingPeriod(2031, 3));
        await CollectAsync(new BillingPeriod(2031, 3));

        var ours = new Guid?[] { midMonth, company, booked, cancelled };
        var charges = await app.WithDbAsync(db => db.Charges.AsNoTracking().Where(c => c.SourcePeriod == "2031-03" && ours.Contains(c.SourceId)).ToListAsync());
        charges.Count.ShouldBe(4);
        charges.Single(c => c.SourceId == midMonth).ShouldSatisfyAllConditions(
            c => c.UnitPriceCents.ShouldBe(15_484),
            c => c.ServiceDate.ShouldBe(new DateOnly(2031, 3, 16)),
            c => c.ServiceEnd.ShouldBe(new DateOnly(2031, 3, 31)),
            c => c.Description.ShouldContain("16"),
            c => c.CompanyId.ShouldBeNull());
        charges.Single(c => c.SourceId == company).ShouldSatisfyAllConditions(c => c.UnitPriceCents.ShouldBe(90_000), c => c.CompanyId.ShouldBe(world.CompanyId));
        charges.Single(c => c.SourceId == booked).ShouldSatisfyAllConditions(c => c.Source.ShouldBe(ChargeSource.Booking), c => c.UnitPriceCents.ShouldBe(4_000));
        // The team member is billed to the company: the company pays the late-cancellation fee (half of 60 €).
        charges.Single(c => c.SourceId == cancelled).ShouldSatisfyAllConditions(c => c.Source.ShouldBe(ChargeSource.LateCancellationFee), c => c.UnitPriceCents.ShouldBe(3_000),
            c => c.CompanyId.ShouldBe(world.CompanyId), c => c.MemberId.ShouldBe(world.Team[1]));
        charges.ShouldAllBe(c => c.InvoiceLineId == null);
    }

    [Fact]
    public async Task A_manual_charge_is_refused_with_a_negative_quantity_or_for_a_location_the_manager_does_not_run()
    {
        var world = await BillingWorld.CreateAsync(app);
        var other = await BillingWorld.CreateAsync(app);
        using var manager = await world.ManagerAsync();

        using var negative = await manager.PostAsJsonAsync("/api/v1/charges", Body(world.Location, world.MemberId, quantity: -1));
        using var foreign = await manager.PostAsJsonAsync("/api/v1/charges", Body(other.Location, other.MemberId, quantity: 1));
        using var fine = await manager.PostAsJsonAsync("/api/v1/charges", Body(world.Location, world.MemberId, quantity: 2));

        negative.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await negative.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("quantity", out _).ShouldBeTrue();
        foreign.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        fine.StatusCode.ShouldBe(HttpStatusCode.Created, await fine.Content.ReadAsStringAsync());
        var created = await fine.Content.ReadFromJsonAsync<JsonElement>();
        created.GetProperty("period").GetString().ShouldBe("2031-03");
        created.GetProperty("unitPriceCents").GetInt64().ShouldBe(450);
    }

    private static object Body(Guid location, Guid member, decimal quantity) => new
    {
        locationId = location, memberId = member, description = "Clé de casier", quantity, unitPrice = 4.5m, vatPercent = 20, date = "2031-03-14",
    };

    private async Task CollectAsync(BillingPeriod period)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<CollectCharges>().HandleAsync(period, CancellationToken.None);
    }

    private Task<Guid> ResourceAsync(BillingWorld world, ResourceKind kind) => app.WithDbAsync(async db =>
    {
        var resource = new Resource(world.Location, $"{kind} {Guid.NewGuid():N}"[..30], kind, 1);
        db.Add(resource);
        await db.SaveChangesAsync();
        return resource.Id;
    });
}

[Collection(SqliteCollection.Name)]
public sealed class ChargesTests_Sqlite(SqliteTestApp app) : ChargesTests(app);

[Collection(PostgresCollection.Name)]
public sealed class ChargesTests_Postgres(PostgresTestApp app) : ChargesTests(app);

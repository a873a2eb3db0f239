using System.Globalization;
using System.Net.Http.Json;
using Cotravail.Common.Auth;
using Cotravail.Modules.Companies;
using Cotravail.Modules.Members;
using Cotravail.Modules.Resources;
using Cotravail.Tests.Infrastructure;
using Cotravail.Tests.Modules.Bookings;

namespace Cotravail.Tests.Modules.Assignments;

/// A booking world (a Paris location open every day 07:00–22:00) with a dedicated desk, a private
/// office, and a manager of the location.
internal sealed class AssignmentWorld
{
    public static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    public required BookingWorld Bookings { get; init; }

    public required Guid Desk { get; init; }

    public required Guid Office { get; init; }

    public required string ManagerEmail { get; init; }

    public TestApp App => Bookings.App;

    public Guid Location => Bookings.Location;

    public static async Task<AssignmentWorld> CreateAsync(TestApp app)
    {
        var bookings = await BookingWorld.CreateAsync(app);
        var (desk, office) = (
            new Resource(bookings.Location, "Poste 12", ResourceKind.DedicatedDesk, 1) { Rates = new Rates(500, 1200, 2000, null, null, null) },
            new Resource(bookings.Location, "Bureau Chêne", ResourceKind.PrivateOffice, 4) { Rates = new Rates(2000, 6000, 10000, null, null, null) });
        var manager = TestApp.NewEmail("desk-manager");
        var user = await app.CreateUserAsync(manager);
        await app.WithDbAsync(async db =>
        {
            db.Resources.AddRange(desk, office);
            db.StaffAssignments.Add(new StaffAssignment(user.Id, bookings.Location, StaffRole.Manager));
            await db.SaveChangesAsync();
        });
        return new AssignmentWorld { Bookings = bookings, Desk = desk.Id, Office = office.Id, ManagerEmail = manager };
    }

    /// A second manager of the same location.
    public async Task<HttpClient> AnotherManagerAsync()
    {
        var email = await App.NewStaffAsync(Location, StaffRole.Manager, "desk-manager");
        return await App.ClientForAsync(email);
    }

    public Task<HttpClient> ManagerAsync() => App.ClientForAsync(ManagerEmail);

    /// A new member with a unique last name, optionally in a company (as its admin).
    public async Task<Booker> MemberAsync(string lastName, Guid? company = null, bool companyAdmin = false)
    {
        var email = TestApp.NewEmail("holder");
        var user = await App.CreateUserAsync(email);
        var member = new Member("Dominique", lastName, email, MemberCategory.Freelancer, Location);
        member.LinkAccount(user.Id);
        if (company is { } c)
        {
            member.JoinCompany(c, billedToCompany: true, isCompanyAdmin: companyAdmin);
        }
        await App.WithDbAsync(async db =>
        {
            db.Members.Add(member);
            await db.SaveChangesAsync();
        });
        return new Booker(await App.ClientForAsync(email), member.Id, user.Id, email);
    }

    public async Task<Guid> CompanyAsync()
    {
        var company = new Company("Atelier Test " + Guid.NewGuid().ToString("N")[..6]) { Siren = TestData.NewSiren(), BillingEmail = TestApp.NewEmail("billing") };
        await App.WithDbAsync(async db =>
        {
            db.Companies.Add(company);
            await db.SaveChangesAsync();
        });
        return company.Id;
    }

    /// Today in Paris, moved by `days`.
    public DateOnly Today(int days = 0) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(App.Clock.GetUtcNow().UtcDateTime, Paris)).AddDays(days);

    public static string Text(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static Task<HttpResponseMessage> AssignAsync(HttpClient manager, Guid resource, DateOnly from, DateOnly? to, Guid? member = null, Guid? company = null, decimal? monthlyPrice = null) =>
        manager.PostAsJsonAsync("/api/v1/assignments", new
        {
            resourceId = resource, memberId = member, companyId = company, from = Text(from), to = to is { } t ? Text(t) : null, monthlyPrice,
        });

    /// Books the resource on that local date from 10:00 to 11:00.
    public Task<HttpResponseMessage> BookAsync(HttpClient client, Guid resource, DateOnly date) =>
        Bookings.BookAsync(client, resource, date.ToDateTime(new TimeOnly(10, 0)), date.ToDateTime(new TimeOnly(11, 0)));
}

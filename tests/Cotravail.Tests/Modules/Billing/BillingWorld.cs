using System.Net.Http.Json;
using System.Text.Json;
using Cotravail.Common.Auth;
using Cotravail.Modules.Locations;
using Cotravail.Modules.Members;
using Cotravail.Modules.Network;
using Cotravail.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Tests.Modules.Billing;

/// A location with VAT rates 20 %, 10 % and 5.5 %, its manager, a member with an account, a company
/// with its admin and two more members billed to it, and the network's legal identity filled in.
internal sealed class BillingWorld
{
    public required TestApp App { get; init; }

    public required Guid Location { get; init; }

    public required string ManagerEmail { get; init; }

    public required Guid MemberId { get; init; }

    public required string MemberEmail { get; init; }

    public required Guid CompanyId { get; init; }

    public required string CompanyAdminEmail { get; init; }

    public required IReadOnlyList<Guid> Team { get; init; }

    public static async Task<BillingWorld> CreateAsync(TestApp app)
    {
        var admin = TestApp.NewEmail("billing-admin");
        await app.CreateUserAsync(admin, networkAdmin: true);
        using var api = await app.ClientForAsync(admin);
        var location = await CreateAsync(api, "/api/v1/locations", TestData.Location("Billing space", TestData.NewSlug("billing"), openEveryDay: true));
        var company = await CreateAsync(api, "/api/v1/companies", TestData.Company(TestData.NewSiren()));
        var manager = TestApp.NewEmail("billing-manager");
        var managerUser = await app.CreateUserAsync(manager);
        var memberEmail = TestApp.NewEmail("billing-member");
        var memberUser = await app.CreateUserAsync(memberEmail);
        var companyAdminEmail = TestApp.NewEmail("billing-company-admin");
        var companyAdminUser = await app.CreateUserAsync(companyAdminEmail);
        var member = new Member("Camille", "Facturée", memberEmail, MemberCategory.Freelancer, location);
        member.LinkAccount(memberUser.Id);
        var companyAdmin = new Member("Alix", "Patronne", companyAdminEmail, MemberCategory.CompanyEmployee, location);
        companyAdmin.LinkAccount(companyAdminUser.Id);
        companyAdmin.JoinCompany(company, billedToCompany: true, isCompanyAdmin: true);
        var team = Enumerable.Range(1, 2).Select(i => new Member("Télé", $"Travailleur {i}", TestApp.NewEmail("teleworker"), MemberCategory.Teleworker, location)).ToList();
        team.ForEach(m => m.JoinCompany(company, billedToCompany: true, isCompanyAdmin: false));
        await app.WithDbAsync(async db =>
        {
            var place = await db.Locations.FirstAsync(l => l.Id == location);
            place.SetVatRates([new VatRate("Normal", 20_000), new VatRate("Intermédiaire", 10_000), new VatRate("Réduit", 5_500)]);
            db.StaffAssignments.Add(new StaffAssignment(managerUser.Id, location, StaffRole.Manager));
            db.Members.AddRange([member, companyAdmin, .. team]);
            await db.SaveChangesAsync();
        });
        await EnsureSellerAsync(app);
        return new BillingWorld
        {
            App = app, Location = location, ManagerEmail = manager, MemberId = member.Id, MemberEmail = memberEmail, CompanyId = company,
            CompanyAdminEmail = companyAdminEmail, Team = [companyAdmin.Id, .. team.Select(t => t.Id)],
        };
    }

    /// The network's legal identity, which issuing requires, filled in when a test database has none.
    public static Task EnsureSellerAsync(TestApp app) => app.WithDbAsync(async db =>
    {
        if (await db.NetworkRow.SingleOrDefaultAsync() is not { } network)
        {
            network = new NetworkProfile();
            db.Network.Add(network);
        }
        if (string.IsNullOrWhiteSpace(network.LegalName) || string.IsNullOrWhiteSpace(network.Street) || network.Siren is null)
        {
            (network.Name, network.LegalName, network.LegalForm, network.ShareCapital) = ("Cotravail test", "Cotravail Test SAS", "SAS", "10 000 €");
            (network.Street, network.PostalCode, network.City, network.Siren, network.Siret) = ("1 place Bellecour", "69002", "Lyon", "732829320", "73282932000074");
            (network.RcsCity, network.VatNumber) = ("Lyon", "FR44732829320");
        }
        network.ShareCapital ??= "10 000 €";
        network.RcsCity ??= "Lyon";
        network.Siret ??= network.Siren + "00074";
        await db.SaveChangesAsync();
    });

    public Task<HttpClient> ManagerAsync() => App.ClientForAsync(ManagerEmail);

    /// A draft for the world's member with these lines (description, quantity, unit price, VAT %).
    public object Draft(params (string Description, decimal Quantity, decimal UnitPrice, decimal VatPercent)[] lines) => new
    {
        locationId = Location, memberId = MemberId, buyerStreet = "12 rue des Arts", buyerPostalCode = "69001", buyerCity = "Lyon",
        periodStart = "2026-11-01", periodEnd = "2026-11-30",
        lines = lines.Select(l => new { description = l.Description, quantity = l.Quantity, unitPrice = l.UnitPrice, vatPercent = l.VatPercent }).ToArray(),
    };

    public async Task<Guid> DraftAsync(HttpClient manager, object? draft = null)
    {
        using var response = await manager.PostAsJsonAsync("/api/v1/invoices", draft ?? Draft(("Pass journée", 2, 25, 20)));
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        response.IsSuccessStatusCode.ShouldBeTrue(json.ToString());
        return json.GetProperty("id").GetGuid();
    }

    public async Task<JsonElement> IssueAsync(HttpClient manager, Guid id)
    {
        using var response = await manager.PostAsync($"/api/v1/invoices/{id}/issue", null);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        response.IsSuccessStatusCode.ShouldBeTrue(json.ToString());
        return json;
    }

    private static async Task<Guid> CreateAsync(HttpClient api, string path, object body)
    {
        using var response = await api.PostAsJsonAsync(path, body);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        response.IsSuccessStatusCode.ShouldBeTrue(json.ToString());
        return json.GetProperty("id").GetGuid();
    }
}

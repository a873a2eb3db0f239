using Cotravail.Common.Audit;
using Cotravail.Common.Backups;
using Cotravail.Common.Auth;
using Cotravail.Common.Cli;
using Cotravail.Common.Database;
using Cotravail.Common.Email;
using Cotravail.Common.Localization;
using Cotravail.Common.Telemetry;
using Cotravail.Common.Web;
using Cotravail.Modules.Account;
using Cotravail.Modules.Admin;
using Cotravail.Modules.Assignments;
using Cotravail.Modules.Billing;
using Cotravail.Modules.Bookings;
using Cotravail.Modules.Community;
using Cotravail.Modules.Companies;
using Cotravail.Modules.Demo;
using Cotravail.Modules.Joining;
using Cotravail.Modules.Locations;
using Cotravail.Modules.Me;
using Cotravail.Modules.Members;
using Cotravail.Modules.Network;
using Cotravail.Modules.Offers;
using Cotravail.Modules.Subscriptions;
using Cotravail.Modules.Privacy;
using Cotravail.Modules.Resources;
using Cotravail.Modules.Staff;

// The table of contents: the ground every module stands on (Common), then each module's one Add and one Map,
// lowest module first, as docs/architecture.md draws them (a module names only modules above it in these lists).
var builder = WebApplication.CreateBuilder(args);
if (DefaultAddress.For(builder.Configuration) is { } address)
{
    builder.WebHost.UseUrls(address);
}
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddDatabase(builder.Configuration);
builder.Services.AddBackups(builder.Configuration);
builder.Services.AddAuth();
builder.Services.AddAudit();
builder.Services.AddEmail(builder.Configuration);
builder.Services.AddCotravailLocalization();
builder.Services.AddWeb();
builder.Services.AddTelemetry(builder.Configuration);
builder.Services.AddNetwork();
builder.Services.AddAccount();
builder.Services.AddLocations();
builder.Services.AddMembers();
builder.Services.AddPrivacy();
builder.Services.AddAssignments();
builder.Services.AddBookings(builder.Configuration);
builder.Services.AddOffers();
builder.Services.AddSubscriptions();
builder.Services.AddJoining();
builder.Services.AddStaff();
builder.Services.AddBilling(builder.Configuration);
builder.Services.AddCommunity();
builder.Services.AddMe();
builder.Services.AddAdmin();
builder.Services.AddDemo();

var app = builder.Build();
if (await CommandLine.TryRunAsync(app, args))
{
    return;
}
await app.MigrateDatabaseAsync();
await app.SeedDemoIfEmptyAsync();
await app.AnnounceSetupIfNeededAsync();

app.UseWeb();
app.MapTelemetry();
var api = app.MapApi();
api.MapAuthApi();
api.MapAudit();
app.MapNetwork(api);
app.MapAccount(api);
app.MapLocations(api);
app.MapCompanies(api);
app.MapMembers(api);
app.MapPrivacy(api);
app.MapResources(api);
app.MapAssignments(api);
app.MapBookings(api);
app.MapOffers(api);
app.MapSubscriptions(api);
app.MapJoining(api);
app.MapStaff(api);
app.MapBilling(api);
app.MapCommunity(api);
app.MapMe(api);
app.MapAdmin(api);
app.MapPages();
await app.RunAsync();

/// The entry point, visible to the test host.
public partial class Program;

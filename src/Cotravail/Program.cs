using Cotravail.Common.Audit;
using Cotravail.Common.Auth;
using Cotravail.Common.Cli;
using Cotravail.Common.Database;
using Cotravail.Common.Email;
using Cotravail.Common.Localization;
using Cotravail.Common.Web;
using Cotravail.Modules.Account;
using Cotravail.Modules.Assignments;
using Cotravail.Modules.Bookings;
using Cotravail.Modules.Companies;
using Cotravail.Modules.Demo;
using Cotravail.Modules.Joining;
using Cotravail.Modules.Locations;
using Cotravail.Modules.Locations.Photos;
using Cotravail.Modules.Me;
using Cotravail.Modules.Members;
using Cotravail.Modules.Network;
using Cotravail.Modules.Privacy;
using Cotravail.Modules.Resources;
using Cotravail.Modules.Staff;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddDatabase(builder.Configuration);
builder.Services.AddAuth();
builder.Services.AddAudit();
builder.Services.AddEmail(builder.Configuration);
builder.Services.AddCotravailLocalization();
builder.Services.AddWeb();
builder.Services.AddAccounts();
builder.Services.AddNetwork();
builder.Services.AddLocations();
builder.Services.AddMembers();
builder.Services.AddPrivacy();
builder.Services.AddBookings(builder.Configuration);
builder.Services.AddAssignments();
builder.Services.AddMe();
builder.Services.AddAccountRecovery();
builder.Services.AddJoining();
builder.Services.AddStaff();
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
var api = app.MapApi();
api.MapAuthApi();
api.MapAccountRecovery();
api.MapNetwork();
api.MapLocations();
api.MapResources();
api.MapMembers();
api.MapCompanies();
app.MapBookings(api);
api.MapAssignments();
api.MapPrivacy();
api.MapMe();
api.MapAudit();
api.MapMyProfile();
api.MapLocationPhotos();
app.MapLocationPhotoFiles();
api.MapJoining();
api.MapStaff();
app.MapPages();
await app.RunAsync();

/// The entry point, visible to the test host.
public partial class Program;

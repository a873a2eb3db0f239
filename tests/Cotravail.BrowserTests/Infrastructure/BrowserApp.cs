using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Playwright;

namespace Cotravail.BrowserTests.Infrastructure;

/// The app on a real Kestrel port with the demo network on a fresh SQLite file, and Debian's Chromium
/// driven by Playwright (which never downloads a browser here).
public sealed class BrowserApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly string folder = Path.Combine(Path.GetTempPath(), "cotravail-browser-" + Guid.NewGuid().ToString("N"));
    private IPlaywright? playwright;

    public IBrowser Browser { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(folder);
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Sqlite", $"Data Source={Path.Combine(folder, "browser.db")};Foreign Keys=True;Default Timeout=30");
        builder.UseSetting("Cotravail:SeedDemo", "true");
        builder.UseSetting("Cotravail:DemoActivity", "false");
        builder.UseSetting("Cotravail:Backups:Enabled", "false");
        builder.UseSetting("Cotravail:DataDirectory", folder); // emails become .eml files here
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // The journeys all sign in from 127.0.0.1; the limits themselves are tested in Cotravail.Tests.
        foreach (var policy in Cotravail.Common.Auth.RateLimits.All)
        {
            builder.UseSetting($"Cotravail:RateLimits:{policy}:PerAddress", "100000");
            builder.UseSetting($"Cotravail:RateLimits:{policy}:PerAccount", "100000");
        }
    }

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: run ./test.sh, which installs Debian's chromium.");
        }
        UseKestrel(0);
        StartServer();
        BaseAddress = CreateClient().BaseAddress!;
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    /// A fresh browser context (cookies, language) per journey.
    public async Task<IPage> NewPageAsync(string locale = "fr-FR")
    {
        var context = await Browser.NewContextAsync(new() { BaseURL = BaseAddress.ToString(), Locale = locale });
        context.SetDefaultTimeout(30_000); // the unit tests run beside the journeys: a busy machine is slow, never wrong
        return await context.NewPageAsync();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        if (playwright is not null)
        {
            await Browser.CloseAsync();
            playwright.Dispose();
        }
        await DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserApp>
{
    public const string Name = "browser";
}

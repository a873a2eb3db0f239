using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Email;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Common.Cli;

/// Verbs of the same executable: `migrate`, `seed-demo`, `create-admin --email E --password P [--name N]`,
/// `schema-script [--out FILE]` (the model's CREATE script for the configured engine, to write the next migration from),
/// `backup [--out FOLDER]` and `restore --from FILE` (SQLite; docs/operations.md).
/// A module adds a verb of its own by registering a CliCommand (the demo module's `seed-demo`).
internal static class CommandLine
{
    public static async Task<bool> TryRunAsync(WebApplication app, string[] args)
    {
        if (Verb(args) is not { } verb)
        {
            return false;
        }
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var added = services.GetServices<CliCommand>().FirstOrDefault(c => c.Verb == verb);
        var exitCode = added is not null ? await RunAddedAsync(added, services) : verb switch
        {
            "migrate" => await MigrateAsync(services),
            "create-admin" => await CreateAdminAsync(services, app.Configuration),
            "schema-script" => await SchemaScriptAsync(services, app.Configuration["out"]),
            "backup" => await BackupCommands.BackupAsync(services, app.Configuration["out"]),
            "restore" => await BackupCommands.RestoreAsync(services, app.Configuration["from"]),
            _ => Unknown(verb, services.GetServices<CliCommand>().Select(c => c.Verb)),
        };
        Environment.ExitCode = exitCode;
        return true;
    }

    /// Only the first argument may be a verb, so the host's own options keep their documented forms
    /// (`--urls http://127.0.0.1:5080`, `--environment Production`): their values are not verbs.
    public static string? Verb(IReadOnlyList<string> args) =>
        args.Count > 0 && !args[0].StartsWith('-') && !args[0].Contains('=') ? args[0] : null;

    private static async Task<int> MigrateAsync(IServiceProvider services)
    {
        var applied = await services.GetRequiredService<MigrationRunner>().MigrateAsync();
        Console.WriteLine(applied.Count == 0 ? "The database is up to date." : $"Applied: {string.Join(", ", applied)}");
        return 0;
    }

    /// A module's verb runs on a migrated database.
    private static async Task<int> RunAddedAsync(CliCommand command, IServiceProvider services)
    {
        await services.GetRequiredService<MigrationRunner>().MigrateAsync();
        return await command.RunAsync(services);
    }

    private static async Task<int> CreateAdminAsync(IServiceProvider services, IConfiguration configuration)
    {
        var email = configuration["email"] is { } typed ? EmailText.Normalize(typed) : null;
        var password = configuration["password"];
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrWhiteSpace(password))
        {
            await Console.Error.WriteLineAsync("Usage: create-admin --email admin@example.org --password '<at least 12 characters>' [--name 'Full name']");
            return 2;
        }
        await services.GetRequiredService<MigrationRunner>().MigrateAsync();
        var users = services.GetRequiredService<UserManager<User>>();
        var clock = services.GetRequiredService<TimeProvider>();
        var user = new User
        {
            Id = Guid.CreateVersion7(),
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = configuration["name"] ?? email,
            IsNetworkAdmin = true,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                await Console.Error.WriteLineAsync(error.Description);
            }
            return 1;
        }
        Console.WriteLine($"Network admin {email} created.");
        return 0;
    }

    private static async Task<int> SchemaScriptAsync(IServiceProvider services, string? outputFile)
    {
        var script = services.GetRequiredService<AppDb>().Database.GenerateCreateScript();
        if (outputFile is null)
        {
            Console.WriteLine(script);
        }
        else
        {
            await File.WriteAllTextAsync(outputFile, script);
        }
        return 0;
    }

    private static int Unknown(string verb, IEnumerable<string> verbs)
    {
        Console.Error.WriteLine($"Unknown command '{verb}'. Commands: migrate, create-admin, schema-script, backup, restore, {string.Join(", ", verbs)}.");
        return 2;
    }
}

/// A verb of the command line that a module adds (Common runs it, and names no module).
internal sealed record CliCommand(string Verb, Func<IServiceProvider, Task<int>> RunAsync);

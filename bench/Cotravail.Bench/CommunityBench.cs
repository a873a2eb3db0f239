using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Cotravail.Common.Database;
using Cotravail.Common.Localization;
using Cotravail.Modules.Community;
using Cotravail.Modules.Community.Questions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace Cotravail.Bench;

/// Issue 15: "directory search by skill and matching over 100,000 members with 10 skills each (PostgreSQL; 10,000 on
/// SQLite): p95 under 20 ms server side". A fresh database per engine gets that many members at the bench location,
/// each offering 10 skills of the vocabulary (80 % listed to the network, 10 % to their location, 10 % to nobody),
/// written by SQL in one statement per table. Then the handlers are called as a request would (a new scope each
/// time, the bench member as viewer): a search by a French synonym (page 1, page 40, and the 40th step by cursor), a trade, a skill with
/// "open to missions", the complementary members of someone seeking three skills, and the members an "ask a
/// neighbour" question is sent to (two skills; the network, then the location only).
///   dotnet run -c Release --project bench/Cotravail.Bench -- community --postgres "Host=127.0.0.1;Port=55500;Username=postgres"
/// (`--only sqlite|postgres`, `--sqlite-members 10000`, `--postgres-members 100000`, `--requests 200`; BENCH_KEEP_DATABASE=1 keeps the databases.)
internal static class CommunityBench
{
    public static async Task RunAsync(Dictionary<string, string> options)
    {
        var requests = int.Parse(options.GetValueOrDefault("requests", "200"), CultureInfo.InvariantCulture);
        var postgres = options.GetValueOrDefault("postgres", "Host=127.0.0.1;Port=55500;Username=postgres");
        var only = options.GetValueOrDefault("only", "");
        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}; {TimeProvider.System.GetUtcNow():yyyy-MM-dd HH:mm} UTC; load average {LoadAverage()}");
        Console.WriteLine($"Handlers called server side (no HTTP), a new scope per call; 30 warm-up calls per case, then {requests}.");
        Console.WriteLine();
        Console.WriteLine("| engine | members | case | results | p50 ms | p95 ms | max ms |");
        Console.WriteLine("|---|---:|---|---:|---:|---:|---:|");
        foreach (var engine in new[] { DatabaseEngine.Sqlite, DatabaseEngine.Postgres })
        {
            if (only.Length > 0 && !only.Equals(engine.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            var count = int.Parse(engine == DatabaseEngine.Postgres ? options.GetValueOrDefault("postgres-members", "100000") : options.GetValueOrDefault("sqlite-members", "10000"), CultureInfo.InvariantCulture);
            await using var app = await BenchApp.StartAsync(engine, engine == DatabaseEngine.Postgres ? postgres : null, resources: 0);
            app.KeepDatabase = Environment.GetEnvironmentVariable("BENCH_KEEP_DATABASE") == "1"; // to read its plans afterwards
            var seeded = Stopwatch.StartNew();
            await SeedAsync(app, count);
            Console.Error.WriteLine($"{engine}: {count} members seeded in {seeded.Elapsed.TotalSeconds:F0} s");
            CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = new CultureInfo("fr-FR");
            var cursor = await CursorAsync(app, steps: 39);
            (string Name, Func<AppDb, IStringLocalizer, Task<int>> Call)[] cases =
            [
                ("skill by a French synonym (\"développeur\"), page 1", (db, l) => Search(db, l, app.Member, new("développeur", null, null, null, null, 1, 24))),
                ("the same, page 40", (db, l) => Search(db, l, app.Member, new("développeur", null, null, null, null, 40, 24))),
                ("the same, 40th step by cursor (after)", (db, l) => Search(db, l, app.Member, new("développeur", null, null, null, null, null, 24, cursor))),
                ("a trade (Legal)", (db, l) => Search(db, l, app.Member, new(null, Trade.Legal, null, null, null, 1, 24))),
                ("a skill, open to missions", (db, l) => Search(db, l, app.Member, new("graphiste", null, null, null, true, 1, 24))),
                ("complementary to a member seeking 3 skills", async (db, l) =>
                    (await Complementary.HandleAsync(app.Member, db, l, CancellationToken.None)).Value!.Count),
                ("ask a neighbour: matching a network question (2 skills)", (db, _) => Match(db, app.Member, QuestionScope.Network)),
                ("ask a neighbour: matching a question to my location", (db, _) => Match(db, app.Member, QuestionScope.Location)),
            ];
            foreach (var (name, call) in cases)
            {
                var times = new double[requests];
                var results = 0;
                for (var i = -30; i < requests; i++)
                {
                    var begun = Stopwatch.GetTimestamp();
                    await using (var scope = app.Services.CreateAsyncScope())
                    {
                        results = await call(scope.ServiceProvider.GetRequiredService<AppDb>(), scope.ServiceProvider.GetRequiredService<IStringLocalizer<SharedResource>>());
                    }
                    if (i >= 0)
                    {
                        times[i] = Stopwatch.GetElapsedTime(begun).TotalMilliseconds;
                    }
                }
                Array.Sort(times);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {engine} | {count:N0} | {name} | {results:N0} | {Percentile(times, 0.50):F2} | {Percentile(times, 0.95):F2} | {times[^1]:F2} |"));
            }
        }
        Console.WriteLine();
        Console.WriteLine($"Load average at the end: {LoadAverage()}");

        static async Task<int> Match(AppDb db, Common.Auth.AccessScope who, QuestionScope scope)
        {
            var viewer = await CommunityViewer.LoadAsync(who, db, CancellationToken.None);
            var question = new CommunityQuestion(viewer.MemberId!.Value, viewer.HomeLocationId!.Value, scope, "Bench", "", TimeProvider.System.GetUtcNow().UtcDateTime);
            return (await MatchNeighbours.RunAsync(question, ["software-development", "accounting"], viewer, db, TimeProvider.System, CancellationToken.None)).Count;
        }

        // the cursor of the 40th page: 39 steps from the start, as a program walking the directory takes them
        static async Task<Guid?> CursorAsync(BenchApp app, int steps)
        {
            Guid? after = null;
            for (var i = 0; i < steps; i++)
            {
                await using var scope = app.Services.CreateAsyncScope();
                var found = await SearchDirectory.HandleAsync(new("développeur", null, null, null, null, null, 24, after), app.Member,
                    scope.ServiceProvider.GetRequiredService<AppDb>(), scope.ServiceProvider.GetRequiredService<IStringLocalizer<SharedResource>>(), CancellationToken.None);
                after = found.Value!.Next;
            }
            return after;
        }

        static async Task<int> Search(AppDb db, IStringLocalizer l, Common.Auth.AccessScope who, SearchDirectory.Query query) =>
            (await SearchDirectory.HandleAsync(query, who, db, l, CancellationToken.None)).Value!.TotalCount;
    }

    /// Members, their choices and 10 offered skills each, in one statement per table; the bench member seeks three.
    private static async Task SeedAsync(BenchApp app, int count)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        db.Database.SetCommandTimeout(600);
        var skills = SkillVocabulary.All.Select(s => s.Slug).ToArray();
        var n = skills.Length;
        if (app.Engine == DatabaseEngine.Postgres)
        {
            var sql = $"""
                INSERT INTO "Members" ("Id", "FirstName", "LastName", "Email", "Category", "HomeLocationId", "BilledToCompany", "IsCompanyAdmin", "IsActive", "CreatedAt")
                SELECT gen_random_uuid(), 'Membre', 'Banc ' || g, 'bench-' || g || '@cotravail.test', 'Freelancer', @p0, false, false, true, now()
                FROM generate_series(1, {count}) g;
                CREATE TEMP TABLE bench_members AS SELECT "Id", row_number() OVER (ORDER BY "Id") AS k FROM "Members" WHERE "Email" LIKE 'bench-%';
                INSERT INTO "MemberPrivacy" ("MemberId", "Listing", "Photo", "Company", "Category", "Phone", "Email", "Presentation", "Skills", "SharePresence", "UpdatedAt")
                SELECT "Id", CASE WHEN k % 10 < 8 THEN 2 WHEN k % 10 = 8 THEN 1 ELSE 0 END, 0, 0, 0, 0, 0, 2, 2, false, now() FROM bench_members;
                INSERT INTO "MemberProfiles" ("MemberId", "Headline", "Bio", "Offers", "Seeks", "OpenToMissions", "OpenToPartnerships", "Languages", "Links", "UpdatedAt")
                SELECT "Id", 'Membre ' || k, '', '', '', k % 3 = 0, false, 'fr', '', now() FROM bench_members;
                INSERT INTO "MemberSkills" ("MemberId", "Skill", "Use")
                SELECT m."Id", (@p1::text[])[((m.k + i * 5) % {n}) + 1], 0 FROM bench_members m, generate_series(0, 9) i;
                ANALYZE;
                """;
            await db.Database.ExecuteSqlRawAsync(sql, app.LocationId, skills);
        }
        else
        {
            var values = string.Join(", ", skills.Select((s, i) => $"({i}, '{s}')"));
            var location = app.LocationId.ToString().ToUpperInvariant();
            var sql = $"""
                WITH RECURSIVE g(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM g WHERE x < {count})
                INSERT INTO "Members" ("Id", "FirstName", "LastName", "Email", "Category", "HomeLocationId", "BilledToCompany", "IsCompanyAdmin", "IsActive", "CreatedAt")
                SELECT upper(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-7' || substr(hex(randomblob(2)), 2) || '-8' || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))),
                    'Membre', 'Banc ' || x, 'bench-' || x || '@cotravail.test', 'Freelancer', '{location}', 0, 0, 1, '2026-12-01 00:00:00' FROM g;
                CREATE TEMP TABLE bench_members AS SELECT "Id", rowid AS k FROM "Members" WHERE "Email" LIKE 'bench-%';
                CREATE TEMP TABLE bench_skills (n INTEGER PRIMARY KEY, slug TEXT);
                INSERT INTO bench_skills VALUES {values};
                INSERT INTO "MemberPrivacy" ("MemberId", "Listing", "Photo", "Company", "Category", "Phone", "Email", "Presentation", "Skills", "SharePresence", "UpdatedAt")
                SELECT "Id", CASE WHEN k % 10 < 8 THEN 2 WHEN k % 10 = 8 THEN 1 ELSE 0 END, 0, 0, 0, 0, 0, 2, 2, 0, '2026-12-01 00:00:00' FROM bench_members;
                INSERT INTO "MemberProfiles" ("MemberId", "Headline", "Bio", "Offers", "Seeks", "OpenToMissions", "OpenToPartnerships", "Languages", "Links", "UpdatedAt")
                SELECT "Id", 'Membre ' || k, '', '', '', k % 3 = 0, 0, 'fr', '', '2026-12-01 00:00:00' FROM bench_members;
                WITH RECURSIVE i(x) AS (SELECT 0 UNION ALL SELECT x + 1 FROM i WHERE x < 9)
                INSERT INTO "MemberSkills" ("MemberId", "Skill", "Use")
                SELECT m."Id", s.slug, 0 FROM bench_members m, i JOIN bench_skills s ON s.n = (m.k + i.x * 5) % {n};
                ANALYZE;
                """;
            await db.Database.ExecuteSqlRawAsync(sql);
        }
        var me = app.Member.MemberId!.Value;
        db.AddRange(new[] { "business-law", "web-development", "accounting" }.Select(s => new MemberSkill(me, s, SkillUse.Seeks)));
        await db.SaveChangesAsync();
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}

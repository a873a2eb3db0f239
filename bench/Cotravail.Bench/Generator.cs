using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Modules.Assignments;
using Cotravail.Modules.Bookings;
using Cotravail.Modules.Locations;
using Cotravail.Modules.Members;
using Cotravail.Modules.Resources;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;

namespace Cotravail.Bench;

/// Creates the network-scale dataset in a new database migrated by the app itself: locations, resources
/// and members through the app's own model (EF Core), then the bookings in bulk (PostgreSQL binary COPY,
/// SQLite one transaction with one prepared INSERT) with the Bookings table's secondary indexes,
/// foreign key, exclusion constraint or triggers set aside and recreated from their own definitions.
/// Every seat's bookings are planned one after the other, so none overlap (SlotPlanner).
internal static class Generator
{
    private struct Row
    {
        public long CreatedTicks;
        public int Resource;
        public int Member;
        public int Seat;
        public int Title;
        public BookingStatus Status;
        public DateTime Start;
        public DateTime End;
        public DateTime BlockStart;
        public DateTime BlockEnd;
        public long PriceCents;
        public DateTime? CheckedInAt;
        public DateTime? CancelledAt;
    }

    private sealed record LocationInfo(Guid Id, TimeZoneInfo Zone, string Currency, int Vat, List<OpenDay> Days);

    private sealed record ResourceInfo(Guid Id, int Location, ResourceKind Kind, int Seats, BookingPolicy Policy, Rates Rates);

    public static async Task RunAsync(Options options)
    {
        var clock = Stopwatch.StartNew();
        var size = DatasetSize.Of(options.Scale);
        var rng = new Random(options.Seed);
        var (engine, connectionString) = await CreateDatabaseAsync(options);
        Progress(clock, $"{engine} database created; {size.Locations:N0} locations, {size.Resources:N0} resources, {size.Members:N0} members, {size.Bookings:N0} bookings to make");

        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
        var (first, last) = (today.AddDays(-365), today.AddDays(364));
        var createdAt = first.AddDays(-30).ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc);
        var nowUtc = TimeProvider.System.GetUtcNow().UtcDateTime;

        await using var app = ScaleApp.Start(engine, connectionString, kestrel: false);
        Progress(clock, "migrated by the app");

        // Locations with their opening hours, closed days and VAT rates.
        var locations = new List<LocationInfo>(size.Locations);
        var all = new List<Location>(size.Locations);
        for (var n = 1; n <= size.Locations; n++)
        {
            var location = Dataset.Location(rng, n, createdAt, first, last);
            all.Add(location);
            locations.Add(new LocationInfo(location.Id, TimeZoneInfo.FindSystemTimeZoneById(location.TimeZone), location.Currency,
                location.VatRates[0].MilliPercent, OpenDays(location, first, last)));
        }
        await SaveAllAsync(app, all, 250);
        Progress(clock, $"{all.Count:N0} locations");

        // Resources spread unevenly over the locations.
        var resources = new List<ResourceInfo>(size.Resources);
        var perLocation = new int[size.Locations];
        var made = new List<Resource>(size.Resources);
        for (var i = 0; i < size.Resources; i++)
        {
            var at = rng.Next(size.Locations);
            var resource = Dataset.Resource(rng, locations[at].Id, ++perLocation[at], createdAt);
            made.Add(resource);
            resources.Add(new ResourceInfo(resource.Id, at, resource.Kind, resource.Kind == ResourceKind.HotDeskZone ? resource.Capacity : 1, resource.Policy, resource.Rates));
        }
        await SaveAllAsync(app, made, 2000);
        made.Clear();
        Progress(clock, $"{resources.Count:N0} resources");

        // Members with a sign-in account each; the first one is the benchmark's member.
        var members = new List<(Guid Member, Guid User)>(size.Members);
        var people = new List<object>(size.Members * 2);
        for (var i = 0; i < size.Members; i++)
        {
            var email = i == 0 ? Dataset.BenchEmail : $"member{i:D6}@scale.cotravail.test";
            var user = new User
            {
                Id = Dataset.IdAt(rng, createdAt),
                UserName = email,
                NormalizedUserName = email.ToUpperInvariant(),
                Email = email,
                NormalizedEmail = email.ToUpperInvariant(),
                EmailConfirmed = true,
                DisplayName = i == 0 ? "Bench Member" : $"Member {i:D6}",
                CreatedAt = createdAt,
                SecurityStamp = Convert.ToHexString(BitConverter.GetBytes(rng.NextInt64())),
                ConcurrencyStamp = Dataset.IdAt(rng, createdAt).ToString(),
            };
            var member = new Member(i == 0 ? "Bench" : "Member", i == 0 ? "Member" : $"{i:D6}", email,
                (MemberCategory)rng.Next(Enum.GetValues<MemberCategory>().Length), locations[rng.Next(locations.Count)].Id) { CreatedAt = createdAt };
            Dataset.SetId(member, Dataset.IdAt(rng, createdAt));
            member.LinkAccount(user.Id);
            people.Add(user);
            people.Add(member);
            members.Add((member.Id, user.Id));
        }
        await SaveAllAsync(app, people, 2000);
        people.Clear();
        Progress(clock, $"{members.Count:N0} members");

        var rows = PlanBookings(rng, size.Bookings, locations, resources, members.Count, nowUtc, clock);
        Progress(clock, $"{rows.Length:N0} bookings planned and sorted by creation time");

        if (engine == DatabaseEngine.Postgres)
        {
            await LoadPostgresAsync(connectionString, rows, rng, locations, resources, members, clock);
        }
        else
        {
            await LoadSqliteAsync(connectionString, rows, rng, locations, resources, members, clock);
        }
        Progress(clock, $"done: {size.Locations:N0} locations, {size.Resources:N0} resources, {size.Members:N0} members, {rows.Length:N0} bookings");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Generation took {clock.Elapsed.TotalMinutes:F1} min ({clock.Elapsed.TotalSeconds:F0} s)."));
    }

    private static void Progress(Stopwatch clock, string what) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{clock.Elapsed:hh\\:mm\\:ss}] {what}"));

    private static async Task<(DatabaseEngine, string)> CreateDatabaseAsync(Options options)
    {
        if (options.Engine == DatabaseEngine.Postgres)
        {
            var server = new NpgsqlConnectionStringBuilder(options.Connection) { Database = "postgres", Pooling = false }.ConnectionString;
            await using var connection = new NpgsqlConnection(server);
            await connection.OpenAsync();
            foreach (var sql in new[] { $"DROP DATABASE IF EXISTS \"{options.Database}\" WITH (FORCE)", $"CREATE DATABASE \"{options.Database}\"" })
            {
                await using var command = new NpgsqlCommand(sql, connection);
                await command.ExecuteNonQueryAsync();
            }
            return (DatabaseEngine.Postgres, ScaleApp.PostgresConnection(options.Connection, options.Database));
        }
        foreach (var path in new[] { options.File, options.File + "-wal", options.File + "-shm" })
        {
            File.Delete(path);
        }
        return (DatabaseEngine.Sqlite, ScaleApp.SqliteConnection(options.File));
    }

    private static async Task SaveAllAsync<T>(ScaleApp app, List<T> entities, int chunk)
        where T : class
    {
        for (var i = 0; i < entities.Count; i += chunk)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDb>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            foreach (var entity in entities.Skip(i).Take(chunk))
            {
                db.Add((object)entity);
            }
            await db.SaveChangesAsync();
        }
    }

    /// The location's open days between the two dates, in local minutes; a space open day and night is
    /// booked in the daytime (07:00–22:00), as people do.
    private static List<OpenDay> OpenDays(Location location, DateOnly first, DateOnly last)
    {
        var days = new List<OpenDay>();
        var closed = location.ClosedDays.Select(c => c.Date).ToHashSet();
        for (var date = first; date <= last; date = date.AddDays(1))
        {
            if (closed.Contains(date))
            {
                continue;
            }
            foreach (var period in location.OpeningHours.Where(p => p.Day == date.DayOfWeek))
            {
                var opens = (int)period.Opens.ToTimeSpan().TotalMinutes;
                var closes = period.Closes == TimeOnly.MinValue ? 24 * 60 : (int)period.Closes.ToTimeSpan().TotalMinutes;
                if (opens == 0 && closes == 24 * 60)
                {
                    (opens, closes) = (7 * 60, 22 * 60);
                }
                days.Add(new OpenDay(date, opens, closes));
            }
        }
        return days;
    }

    private static Row[] PlanBookings(Random rng, int total, List<LocationInfo> locations, List<ResourceInfo> resources, int members, DateTime nowUtc, Stopwatch clock)
    {
        // Each seat of each resource gets a share of the bookings by how popular its kind is, with noise.
        var tracks = resources.SelectMany((r, i) => Enumerable.Range(1, r.Seats).Select(seat => (Resource: i, Seat: seat))).ToArray();
        var weights = tracks.Select(t => (0.3 + (1.4 * rng.NextDouble())) * resources[t.Resource].Kind switch
        {
            ResourceKind.MeetingRoom or ResourceKind.PhoneBooth => 1.5,
            ResourceKind.VideoRoom => 1.2,
            ResourceKind.HotDeskZone => 0.6,
            ResourceKind.Equipment => 0.5,
            _ => 1.0,
        }).ToArray();
        var sum = weights.Sum();
        var rows = new Row[total];
        var count = 0;
        var carry = 0;
        for (var t = 0; t < tracks.Length && count < total; t++)
        {
            var (r, seat) = tracks[t];
            var resource = resources[r];
            var location = locations[resource.Location];
            var wanted = t == tracks.Length - 1 ? total - count : (int)Math.Round(total * weights[t] / sum) + carry;
            wanted = Math.Min(wanted, total - count);
            var p = resource.Policy;
            var slots = SlotPlanner.Plan(rng, location.Days, wanted, p.IncrementMinutes, p.MinMinutes, p.MaxMinutes, p.SetupMinutes, p.CleanupMinutes);
            carry = wanted - slots.Count;
            foreach (var slot in slots)
            {
                var day = slot.Date.ToDateTime(TimeOnly.MinValue);
                DateTime Utc(int minutes) => TimeZoneInfo.ConvertTimeToUtc(day.AddMinutes(minutes), location.Zone);
                var start = Utc(slot.Start);
                var end = Utc(slot.End);
                var created = start.AddHours(-1 - rng.Next(24 * 30));
                var past = end <= nowUtc;
                var roll = rng.Next(100);
                var status = past
                    ? roll switch { < 87 => BookingStatus.Confirmed, < 95 => BookingStatus.Cancelled, < 98 => BookingStatus.Released, < 99 => BookingStatus.Declined, _ => BookingStatus.Expired }
                    : roll switch { < 90 => BookingStatus.Confirmed, < 97 => BookingStatus.Cancelled, _ => p.RequiresApproval ? BookingStatus.Pending : BookingStatus.Confirmed };
                var rates = resource.Rates;
                var memberRate = rng.Next(10) != 0 || p.MembersOnly;
                var card = memberRate ? new RateCard(rates.MemberHourly, rates.MemberHalfDay, rates.MemberDay) : new RateCard(rates.NonMemberHourly, rates.NonMemberHalfDay, rates.NonMemberDay);
                rows[count++] = new Row
                {
                    CreatedTicks = created.Ticks,
                    Resource = r,
                    Member = rng.Next(members),
                    Seat = seat,
                    Title = rng.Next(Dataset.TitleCount),
                    Status = status,
                    Start = start,
                    End = end,
                    BlockStart = Utc(slot.BlockStart),
                    BlockEnd = Utc(slot.BlockEnd),
                    PriceCents = BookingPrice.ForOneDay(end - start, card) ?? 0,
                    CheckedInAt = status == BookingStatus.Confirmed && past && p.CheckInMinutes > 0 ? start.AddMinutes(rng.Next(10)) : null,
                    CancelledAt = status == BookingStatus.Cancelled ? created.AddMinutes(rng.Next(60 * 24)) is var c && c < start ? c : start.AddMinutes(-5) : null,
                };
            }
            if (t % 20_000 == 0 && t > 0)
            {
                Progress(clock, $"planned {count:N0} bookings ({t:N0}/{tracks.Length:N0} seats)");
            }
        }
        Array.Resize(ref rows, count);
        var keys = rows.Select(r => r.CreatedTicks).ToArray();
        Array.Sort(keys, rows);
        return rows;
    }

    private static readonly string[] Columns =
    [
        "Id", "ResourceId", "LocationId", "Seat", "Start", "End", "BlockStart", "BlockEnd", "Status", "BookedByUserId", "MemberId", "Title",
        "PriceCents", "Currency", "VatMilliPercent", "CheckedInAt", "CreatedAt", "CancelledAt", "SeriesId", "CancellationFeeCents",
        "Kind", "Assignable",
    ];

    private static async Task LoadPostgresAsync(string connectionString, Row[] rows, Random rng, List<LocationInfo> locations, List<ResourceInfo> resources, List<(Guid Member, Guid User)> members, Stopwatch clock)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        // What the bulk load sets aside, in the database's own words, to put back exactly.
        var constraints = await ListAsync(connection,
            "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = '\"Bookings\"'::regclass AND contype IN ('x', 'f') ORDER BY contype DESC, conname");
        var indexes = await ListAsync(connection,
            "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'Bookings' AND indexname LIKE 'IX_%' ORDER BY indexname");
        foreach (var (name, _) in constraints)
        {
            await ExecuteAsync(connection, $"ALTER TABLE \"Bookings\" DROP CONSTRAINT \"{name}\"");
        }
        foreach (var (name, _) in indexes)
        {
            await ExecuteAsync(connection, $"DROP INDEX \"{name}\"");
        }
        Progress(clock, $"set aside {constraints.Count} constraints and {indexes.Count} indexes of Bookings");

        var copy = $"COPY \"Bookings\" ({string.Join(", ", Columns.Select(c => $"\"{c}\""))}) FROM STDIN (FORMAT BINARY)";
        await using (var importer = await connection.BeginBinaryImportAsync(copy))
        {
            Copy(importer, rows, rng, locations, resources, members, clock);
            await importer.CompleteAsync();
        }
        Progress(clock, $"copied {rows.Length:N0} bookings");

        await ExecuteAsync(connection, "SET maintenance_work_mem = '1GB'");
        foreach (var (name, definition) in indexes)
        {
            await ExecuteAsync(connection, definition);
            Progress(clock, $"index {name} rebuilt");
        }
        foreach (var (name, definition) in constraints)
        {
            await ExecuteAsync(connection, $"ALTER TABLE \"Bookings\" ADD CONSTRAINT \"{name}\" {definition}");
            Progress(clock, $"constraint {name} back in place");
        }
        await ExecuteAsync(connection, "VACUUM (ANALYZE)");
        Progress(clock, "vacuumed and analysed");
    }

    private static void Copy(NpgsqlBinaryImporter importer, Row[] rows, Random rng, List<LocationInfo> locations, List<ResourceInfo> resources, List<(Guid Member, Guid User)> members, Stopwatch clock)
    {
        for (var i = 0; i < rows.Length; i++)
        {
            ref var row = ref rows[i];
            var resource = resources[row.Resource];
            var location = locations[resource.Location];
            var created = new DateTime(row.CreatedTicks, DateTimeKind.Utc);
            var (member, user) = members[row.Member];
            importer.StartRow();
            importer.Write(Dataset.IdAt(rng, created), NpgsqlDbType.Uuid);
            importer.Write(resource.Id, NpgsqlDbType.Uuid);
            importer.Write(location.Id, NpgsqlDbType.Uuid);
            importer.Write(row.Seat, NpgsqlDbType.Integer);
            importer.Write(row.Start, NpgsqlDbType.TimestampTz);
            importer.Write(row.End, NpgsqlDbType.TimestampTz);
            importer.Write(row.BlockStart, NpgsqlDbType.TimestampTz);
            importer.Write(row.BlockEnd, NpgsqlDbType.TimestampTz);
            importer.Write(row.Status.ToString(), NpgsqlDbType.Varchar);
            importer.Write(user, NpgsqlDbType.Uuid);
            importer.Write(member, NpgsqlDbType.Uuid);
            importer.Write(Dataset.Title(row.Title), NpgsqlDbType.Varchar);
            importer.Write(row.PriceCents, NpgsqlDbType.Bigint);
            importer.Write(location.Currency, NpgsqlDbType.Varchar);
            importer.Write(location.Vat, NpgsqlDbType.Integer);
            WriteNullable(importer, row.CheckedInAt);
            importer.Write(created, NpgsqlDbType.TimestampTz);
            WriteNullable(importer, row.CancelledAt);
            importer.WriteNull();
            importer.Write(0L, NpgsqlDbType.Bigint);
            importer.Write(resource.Kind.ToString(), NpgsqlDbType.Varchar);
            importer.Write(AssignmentHolds.Assignable(resource.Kind), NpgsqlDbType.Boolean);
            if ((i + 1) % 1_000_000 == 0)
            {
                Progress(clock, $"copied {i + 1:N0} bookings");
            }
        }

        static void WriteNullable(NpgsqlBinaryImporter importer, DateTime? value)
        {
            if (value is { } v)
            {
                importer.Write(v, NpgsqlDbType.TimestampTz);
            }
            else
            {
                importer.WriteNull();
            }
        }
    }

    private static async Task LoadSqliteAsync(string connectionString, Row[] rows, Random rng, List<LocationInfo> locations, List<ResourceInfo> resources, List<(Guid Member, Guid User)> members, Stopwatch clock)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        var saved = await ListAsync(connection,
            "SELECT name, sql FROM sqlite_master WHERE tbl_name = 'Bookings' AND type IN ('index', 'trigger') AND sql IS NOT NULL ORDER BY type, name");
        foreach (var (name, sql) in saved)
        {
            await ExecuteAsync(connection, sql.StartsWith("CREATE TRIGGER", StringComparison.OrdinalIgnoreCase) ? $"DROP TRIGGER \"{name}\"" : $"DROP INDEX \"{name}\"");
        }
        Progress(clock, $"set aside {saved.Count} indexes and triggers of Bookings");

        await using (var transaction = connection.BeginTransaction())
        {
            await using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = $"INSERT INTO \"Bookings\" ({string.Join(", ", Columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", Columns.Select((_, i) => $"$p{i}"))})";
            var parameters = Columns.Select((_, i) => insert.Parameters.Add(new SqliteParameter($"$p{i}", null))).ToArray();
            insert.Prepare();
            Insert(insert, parameters, rows, rng, locations, resources, members, clock);
            await transaction.CommitAsync();
        }
        Progress(clock, $"inserted {rows.Length:N0} bookings");
        foreach (var (name, sql) in saved)
        {
            await ExecuteAsync(connection, sql);
            Progress(clock, $"{name} back in place");
        }
        await ExecuteAsync(connection, "ANALYZE");
        await ExecuteAsync(connection, "VACUUM");
        Progress(clock, "analysed and vacuumed");
    }

    private static void Insert(SqliteCommand insert, SqliteParameter[] parameters, Row[] rows, Random rng, List<LocationInfo> locations, List<ResourceInfo> resources, List<(Guid Member, Guid User)> members, Stopwatch clock)
    {
        for (var i = 0; i < rows.Length; i++)
        {
            ref var row = ref rows[i];
            var resource = resources[row.Resource];
            var location = locations[resource.Location];
            var created = new DateTime(row.CreatedTicks, DateTimeKind.Utc);
            var (member, user) = members[row.Member];
            object?[] values =
            [
                Text(Dataset.IdAt(rng, created)), Text(resource.Id), Text(location.Id), row.Seat, row.Start, row.End, row.BlockStart, row.BlockEnd,
                row.Status.ToString(), Text(user), Text(member), Dataset.Title(row.Title), row.PriceCents, location.Currency, location.Vat,
                row.CheckedInAt, created, row.CancelledAt, null, 0L, resource.Kind.ToString(), AssignmentHolds.Assignable(resource.Kind),
            ];
            for (var p = 0; p < values.Length; p++)
            {
                parameters[p].Value = values[p] ?? DBNull.Value;
            }
            insert.ExecuteNonQuery();
            if ((i + 1) % 250_000 == 0)
            {
                Progress(clock, $"inserted {i + 1:N0} bookings");
            }
        }

        // The app's own encoding of ids (upper-case text, as EF Core's SQLite provider writes them).
        static string Text(Guid id) => id.ToString().ToUpperInvariant();
    }

    private static async Task<List<(string Name, string Sql)>> ListAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var list = new List<(string, string)>();
        while (await reader.ReadAsync())
        {
            list.Add((reader.GetString(0), reader.GetString(1)));
        }
        return list;
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync();
    }
}

using System.Security.Cryptography;
using Npgsql;

namespace Cotravail.Tests.Infrastructure;

/// The server named by COTRAVAIL_TEST_POSTGRES; every fixture and scratch database gets its own database on it.
internal static class PostgresServer
{
    public const string Variable = "COTRAVAIL_TEST_POSTGRES";

    public static string NewDatabaseConnectionString() => new NpgsqlConnectionStringBuilder(ServerConnectionString())
    {
        Database = $"cotravail_t_{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))}",
    }.ConnectionString;

    public static async Task CreateDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        await ExecuteOnServerAsync($"CREATE DATABASE \"{name}\"");
    }

    public static async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        using (var connection = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(connection);
        }
        await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    private static async Task ExecuteOnServerAsync(string sql)
    {
        var admin = new NpgsqlConnectionStringBuilder(ServerConnectionString()) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    // Never a silent skip: a PostgreSQL test without PostgreSQL is a failure.
    private static string ServerConnectionString() =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{Variable} is not set: run ./test.sh, which starts PostgreSQL");
}

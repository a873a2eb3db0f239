using Cotravail.Common.Database;

namespace Cotravail.Common.Backups;

/// A running server holds a shared lock on the file beside the database named like it plus ".running" (every instance on the file may);
/// `restore` takes it exclusively, so it refuses to replace a database that a server has open.
internal sealed class InstanceLock(DatabaseSettings database, SqliteBackups backups, ILogger<InstanceLock> logger) : IHostedService
{
    private FileStream? held;

    public static string PathFor(string databaseFile) => databaseFile + ".running";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (database.Engine == DatabaseEngine.Sqlite)
        {
            try
            {
                held = Take(PathFor(backups.DatabaseFile), FileShare.ReadWrite);
            }
            catch (IOException e)
            {
                logger.LogWarning(e, "Could not mark the database as in use (a restore may be running)");
            }
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        held?.Dispose();
        held = null;
        return Task.CompletedTask;
    }

    /// On Linux and macOS .NET locks the file with flock: shared unless share is None, then exclusive;
    /// an IOException says another holder is in the way.
    public static FileStream Take(string path, FileShare share) =>
        new(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, share);
}

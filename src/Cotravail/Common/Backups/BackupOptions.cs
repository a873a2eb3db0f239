namespace Cotravail.Common.Backups;

/// Cotravail:Backups: the daily SQLite backup. Enabled=false turns the job off on an instance (the
/// `backup` verb still works); Hour is the server's local hour it runs at; Keep is how many backups
/// stay in Folder (default: the data folder's backups/), the oldest deleted first.
internal sealed class BackupOptions
{
    public bool Enabled { get; set; } = true;

    public int Hour { get; set; } = 3;

    public int Keep { get; set; } = 14;

    public string? Folder { get; set; }
}

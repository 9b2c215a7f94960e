namespace PassportQueue.Web.Operations;

/// <summary><c>backup --to FILE</c>: a consistent copy of the SQLite database, also while the app is serving.</summary>
public static class BackupCommand
{
    public static bool Matches(string[] args) => args is ["backup", ..];

    /// <summary>0 when the copy was written; 2 for a wrong call, an existing file, or PostgreSQL.</summary>
    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output)
    {
        var backup = services.GetRequiredService<DatabaseBackup>();
        if (args is not ["backup", "--to", var file])
        {
            await output.WriteLineAsync("Usage: backup --to FILE   (a new file; the app may keep serving)");
            return 2;
        }

        if (!backup.Supported)
        {
            await output.WriteLineAsync("This deployment runs on PostgreSQL: back it up with pg_dump, or with base backups and WAL archiving for point-in-time recovery (README, 'Backups').");
            return 2;
        }

        try
        {
            await backup.ToFileAsync(file, CancellationToken.None);
        }
        catch (IOException ex)
        {
            await output.WriteLineAsync(ex.Message);
            return 2;
        }

        await output.WriteLineAsync($"Backed up to {Path.GetFullPath(file)}.");
        return 0;
    }
}

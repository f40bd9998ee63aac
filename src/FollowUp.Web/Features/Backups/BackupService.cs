using System.Globalization;
using FollowUp.Web.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace FollowUp.Web.Features.Backups;

/// <summary>Backup settings (<c>FollowUp:Backup</c>).</summary>
public sealed class BackupOptions
{
    /// <summary>Hours between backups; 0 or less turns the background backups off.</summary>
    public double IntervalHours { get; set; } = 24;

    /// <summary>How many backups to keep; the oldest beyond this are deleted.</summary>
    public int Keep { get; set; } = 7;

    /// <summary>Seconds after start before the first check (a fresh install gets its first backup then).</summary>
    public double StartDelaySeconds { get; set; } = 60;

    /// <summary>Folder for backups; default <c>backups</c> inside the data folder.</summary>
    public string? Directory { get; set; }
}

/// <summary>The outcome of one backup.</summary>
/// <param name="Path">The backup file (null when it failed).</param>
/// <param name="Bytes">Its size.</param>
/// <param name="IntegrityCheck">What <c>PRAGMA integrity_check</c> said ("ok" when sound).</param>
/// <param name="Deleted">Older backups deleted to keep <see cref="BackupOptions.Keep"/>.</param>
public sealed record BackupResult(string? Path, long Bytes, string IntegrityCheck, IReadOnlyList<string> Deleted)
{
    public bool Succeeded => Path is not null && IntegrityCheck == "ok";
}

/// <summary>
/// Online backups of the SQLite database with <c>VACUUM INTO</c> (a consistent copy while the app keeps
/// writing) into <c>&lt;data&gt;/backups/followup-&lt;yyyyMMddTHHmmssZ&gt;.db</c>; each copy must pass
/// <c>PRAGMA integrity_check</c> before it counts, then the oldest beyond <see cref="BackupOptions.Keep"/> go.
/// Restore: docs/operations.md. <see cref="BackupJob"/> runs it on schedule.
/// </summary>
public sealed partial class BackupService(
    DataLocation location,
    IOptions<BackupOptions> options,
    TimeProvider clock,
    ILogger<BackupService> logger) : IDisposable
{
    /// <summary>The job's name in the run history (<see cref="Operations.JobHistory"/>).</summary>
    public const string JobName = "backup";

    private const string Prefix = "followup-";
    private const string Extension = ".db";
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Where the backups go.</summary>
    public string BackupDirectory => Path.GetFullPath(options.Value.Directory ?? "backups", location.Directory);

    /// <summary>The backups present, oldest first.</summary>
    public IReadOnlyList<string> List() =>
        System.IO.Directory.Exists(BackupDirectory)
            ? [.. System.IO.Directory.EnumerateFiles(BackupDirectory, Prefix + "*" + Extension)
                .Where(f => TimestampOf(f) is not null)
                .Order(StringComparer.Ordinal)]
            : [];

    /// <summary>Creates the backup folder private (0700), or makes it and the backups in it private (0600).</summary>
    public void SecureFolder()
    {
        PrivateFiles.Folder(BackupDirectory);
        foreach (var file in System.IO.Directory.EnumerateFiles(BackupDirectory))
        {
            PrivateFiles.Restrict(file);
        }
    }

    /// <summary>Makes one backup now, checks it and prunes old ones. Never runs twice at once.</summary>
    public async Task<BackupResult> BackupNowAsync(CancellationToken ct = default)
    {
        if (location.IsPostgres)
        {
            throw new InvalidOperationException("On PostgreSQL, backups are pg_dump's (docs/operations.md); the SQLite backup is off.");
        }
        await _gate.WaitAsync(ct);
        try
        {
            SecureFolder();
            var stamp = clock.GetUtcNow().UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
            var target = Path.Combine(BackupDirectory, Prefix + stamp + Extension);
            for (var n = 1; File.Exists(target); n++)
            {
                target = Path.Combine(BackupDirectory, $"{Prefix}{stamp}-{n}{Extension}");
            }
            var partial = target + ".partial";
            File.Delete(partial);
            // Created empty and private first: VACUUM INTO would create it world-readable under umask 022.
            PrivateFiles.Restrict(partial, create: true);

            await using (var source = new SqliteConnection(location.ConnectionString))
            {
                await source.OpenAsync(ct);
                await using var vacuum = source.CreateCommand();
                vacuum.CommandText = "VACUUM INTO $path;";
                vacuum.Parameters.AddWithValue("$path", partial);
                await vacuum.ExecuteNonQueryAsync(ct);
            }

            var check = await IntegrityCheckAsync(partial, ct);
            if (check != "ok")
            {
                File.Delete(partial);
                LogBadBackup(logger, target, check);
                return new BackupResult(null, 0, check, []);
            }
            File.Move(partial, target);
            var deleted = Prune();
            var bytes = new FileInfo(target).Length;
            LogBackup(logger, target, bytes, deleted.Count);
            return new BackupResult(target, bytes, check, deleted);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary><c>PRAGMA integrity_check</c> of a database file, opened read-only: "ok" or the problems found.</summary>
    public static async Task<string> IntegrityCheckAsync(string databasePath, CancellationToken ct = default)
    {
        var cs = new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString();
        await using var connection = new SqliteConnection(cs);
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check;";
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            lines.Add(reader.GetString(0));
        }
        return string.Join('\n', lines);
    }

    private List<string> Prune()
    {
        var keep = Math.Max(1, options.Value.Keep);
        var all = List();
        var old = all.Take(Math.Max(0, all.Count - keep)).ToList();
        foreach (var file in old)
        {
            File.Delete(file);
        }
        return old;
    }

    /// <summary>How long until the next backup is due: one interval after the newest; zero when due (or there is none).</summary>
    public TimeSpan DueIn(TimeSpan interval)
    {
        var newest = List().Select(TimestampOf).LastOrDefault();
        var due = newest is null ? TimeSpan.Zero : newest.Value + interval - clock.GetUtcNow().UtcDateTime;
        return due > TimeSpan.Zero ? due : TimeSpan.Zero;
    }

    private static DateTime? TimestampOf(string file)
    {
        var name = Path.GetFileNameWithoutExtension(file);
        if (!name.StartsWith(Prefix, StringComparison.Ordinal) || name.Length < Prefix.Length + 16)
        {
            return null;
        }
        return DateTime.TryParseExact(name.AsSpan(Prefix.Length, 16), "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at) ? at : null;
    }

    public void Dispose() => _gate.Dispose();

    [LoggerMessage(EventId = 9100, Level = LogLevel.Information, Message = "Backup written to {BackupPath} ({Bytes} bytes, integrity ok); {DeletedCount} old backups deleted")]
    private static partial void LogBackup(ILogger logger, string backupPath, long bytes, int deletedCount);

    [LoggerMessage(EventId = 9101, Level = LogLevel.Error, Message = "Backup {BackupPath} failed its integrity check and was discarded: {IntegrityCheck}")]
    private static partial void LogBadBackup(ILogger logger, string backupPath, string integrityCheck);
}

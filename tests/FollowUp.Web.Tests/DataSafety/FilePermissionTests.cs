using FollowUp.Web.Tests.Infrastructure;

namespace FollowUp.Web.Tests.DataSafety;

/// <summary>
/// The database and its backups hold password hashes: the real app creates them readable by its own user only
/// (0600 in 0700 folders), whatever the umask, and tightens files an earlier release left world-readable.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // Unix file modes; the app runs on Linux
public sealed class FilePermissionTests : IDisposable
{
    private const UnixFileMode PrivateFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode PrivateFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode WorldReadable = PrivateFile | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    private readonly TempDirectory _data = new("followup-perms");

    private static readonly Dictionary<string, string> BackupAtStart = new()
    {
        ["FollowUp__Backup__StartDelaySeconds"] = "0",
        ["FollowUp__Backup__IntervalHours"] = "24",
    };

    [Fact]
    public async Task A_new_data_folder_its_database_and_its_backups_are_private()
    {
        await using var server = await AppServer.StartAsync(_data.Path, environment: BackupAtStart);
        var backups = Path.Combine(_data.Path, "backups");
        var backup = await Eventually.ValueAsync(() => Task.FromResult(
            Directory.Exists(backups) ? Directory.EnumerateFiles(backups, "followup-*.db").FirstOrDefault() : null), "the first backup");

        Assert.Equal(PrivateFolder, File.GetUnixFileMode(_data.Path));
        foreach (var file in new[] { "followup.db", "followup.db-wal", "followup.db-shm" })
        {
            var path = Path.Combine(_data.Path, file);
            Assert.True(File.Exists(path), $"{file} is missing");
            Assert.Equal(PrivateFile, File.GetUnixFileMode(path));
        }
        Assert.Equal(PrivateFolder, File.GetUnixFileMode(Path.Combine(_data.Path, "keys")));
        Assert.Equal(PrivateFolder, File.GetUnixFileMode(backups));
        Assert.Equal(PrivateFile, File.GetUnixFileMode(backup));
    }

    [Fact]
    public async Task Files_an_earlier_release_left_world_readable_are_tightened_at_start()
    {
        var fixture = Path.Combine(AppContext.BaseDirectory, "Data", "Fixtures", "release-160e6fd", "data", "followup.db");
        var database = Path.Combine(_data.Path, "followup.db");
        File.Copy(fixture, database);
        var backups = Directory.CreateDirectory(Path.Combine(_data.Path, "backups")).FullName;
        var oldBackup = Path.Combine(backups, "followup-20261101T030000Z.db");
        File.Copy(fixture, oldBackup);
        File.SetUnixFileMode(_data.Path, WorldReadable | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        File.SetUnixFileMode(database, WorldReadable);
        File.SetUnixFileMode(oldBackup, WorldReadable);

        await using var server = await AppServer.StartAsync(_data.Path);

        Assert.Equal(PrivateFolder, File.GetUnixFileMode(_data.Path));
        Assert.Equal(PrivateFile, File.GetUnixFileMode(database));
        Assert.Equal(PrivateFile, File.GetUnixFileMode(database + "-wal"));
        Assert.Equal(PrivateFolder, File.GetUnixFileMode(backups));
        Assert.Equal(PrivateFile, File.GetUnixFileMode(oldBackup));
    }

    public void Dispose() => _data.Dispose();
}

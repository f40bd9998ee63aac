namespace FollowUp.Web.Infrastructure;

/// <summary>
/// The database, its WAL and its backups hold password hashes and people's job search: readable by the app's
/// own user only (files 0600, folders 0700), whatever the process umask, like the data-protection keys. Files an
/// earlier release created world-readable (0644 under umask 022) are tightened. No-ops on Windows, where files
/// inherit the folder's ACL.
/// </summary>
public static class PrivateFiles
{
    private const UnixFileMode OwnerFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerFolder = OwnerFile | UnixFileMode.UserExecute;

    /// <summary>Creates the folder 0700, or makes an existing one 0700.</summary>
    public static void Folder(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return;
        }
        Directory.CreateDirectory(path, OwnerFolder);
        System.IO.File.SetUnixFileMode(path, OwnerFolder);
    }

    /// <summary>Makes an existing file 0600; creates it empty with 0600 when <paramref name="create"/> and it is missing.</summary>
    public static void Restrict(string path, bool create = false)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }
        if (System.IO.File.Exists(path))
        {
            System.IO.File.SetUnixFileMode(path, OwnerFile);
        }
        else if (create)
        {
            // An empty file is a valid new SQLite database (and a valid VACUUM INTO target); SQLite gives its WAL and
            // shared-memory files the database file's mode.
            using var _ = new FileStream(path, new FileStreamOptions
            {
                Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = OwnerFile,
            });
        }
    }

    /// <summary>The SQLite database at <paramref name="path"/> (created empty if missing) and its -wal/-shm/-journal files.</summary>
    public static void Database(string path)
    {
        Restrict(path, create: true);
        foreach (var suffix in new[] { "-wal", "-shm", "-journal" })
        {
            Restrict(path + suffix);
        }
    }
}

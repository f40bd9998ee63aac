using FollowUp.Web.Features.Backups;
using FollowUp.Web.Features.Operations;
using FollowUp.Web.Tests.Infrastructure;
using FollowUp.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FollowUp.Web.Tests.DataSafety;

/// <summary>Online backups with VACUUM INTO: named by UTC time, integrity-checked, pruned to Keep, made by a job when due.</summary>
public sealed class BackupTests(FollowUpAppFactory app) : IClassFixture<FollowUpAppFactory>
{
    [Fact]
    public async Task A_backup_is_a_sound_copy_named_by_utc_time_in_the_backups_folder()
    {
        var owner = await app.CreateUserAsync("backup@example.jp");
        await Seed.ApplicationWithHistoryAsync(app.ServiceFor(owner), "バックアップ株式会社");
        var backups = app.Services.GetRequiredService<BackupService>();

        var result = await backups.BackupNowAsync();

        Assert.True(result.Succeeded, result.IntegrityCheck);
        Assert.Equal("ok", result.IntegrityCheck);
        Assert.Equal(Path.Combine(app.DataDirectory, "backups"), Path.GetDirectoryName(result.Path));
        Assert.StartsWith($"followup-{app.Clock.GetUtcNow():yyyyMMdd'T'HHmmss}Z", Path.GetFileName(result.Path), StringComparison.Ordinal);
        Assert.EndsWith(".db", result.Path, StringComparison.Ordinal);
        Assert.Equal("ok", await BackupService.IntegrityCheckAsync(result.Path!));
        Assert.Contains("バックアップ株式会社", await CompaniesInAsync(result.Path!));
        Assert.DoesNotContain(Directory.EnumerateFiles(backups.BackupDirectory), f => f.EndsWith(".partial", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Only_the_newest_Keep_backups_stay()
    {
        await using var three = app.WithWebHostBuilder(b => b
            .UseSetting("FollowUp:Backup:Keep", "3")
            .UseSetting("FollowUp:Backup:Directory", "backups-keep"));
        var backups = three.Services.GetRequiredService<BackupService>();
        var made = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var result = await backups.BackupNowAsync();
            Assert.True(result.Succeeded);
            made.Add(result.Path!);
            app.Clock.Advance(TimeSpan.FromHours(1));
        }

        Assert.Equal(made.TakeLast(3), backups.List());
        Assert.All(made.Take(2), f => Assert.False(File.Exists(f), $"{f} should have been deleted"));
    }

    [Fact]
    public async Task The_backup_job_makes_a_backup_only_when_the_newest_is_an_interval_old()
    {
        await using var daily = app.WithWebHostBuilder(b => b
            .UseSetting("FollowUp:Jobs:Enabled", "false") // the job is run here, on the fake clock
            .UseSetting("FollowUp:Backup:IntervalHours", "24")
            .UseSetting("FollowUp:Backup:Directory", "backups-job"));
        var backups = daily.Services.GetRequiredService<BackupService>();
        async Task RunJobAsync()
        {
            using var scope = daily.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<BackupJob>().RunAsync(CancellationToken.None);
        }

        await RunJobAsync(); // none yet: one now
        Assert.Single(backups.List());
        await RunJobAsync();
        app.Clock.Advance(TimeSpan.FromHours(23));
        await RunJobAsync();
        Assert.Single(backups.List()); // not due before 24 hours
        app.Clock.Advance(TimeSpan.FromHours(1));
        await RunJobAsync();
        Assert.Equal(2, backups.List().Count);
        foreach (var file in backups.List())
        {
            Assert.Equal("ok", await BackupService.IntegrityCheckAsync(file));
        }

        // Each backup made is in the job history /ops shows; the runs that had nothing to do are not.
        var runs = (await daily.Services.GetRequiredService<JobHistory>().RecentAsync(50)).Where(r => r.Job == BackupService.JobName).ToList();
        Assert.Equal(2, runs.Count);
        Assert.All(runs, r => Assert.True(r.Succeeded, r.Detail));
        Assert.All(backups.List(), f => Assert.Contains(runs, r => r.Detail.StartsWith(Path.GetFileName(f) + ":", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_scheduled_backup_that_fails_is_recorded_as_a_failed_run_and_the_app_goes_on()
    {
        // The backup folder's parent is a file, so the folder cannot be created.
        var blocker = Path.Combine(app.DataDirectory, "not-a-folder");
        await File.WriteAllTextAsync(blocker, "in the way");
        await using var blocked = app.WithWebHostBuilder(b => b
            .UseSetting("FollowUp:Backup:IntervalHours", "1")
            .UseSetting("FollowUp:Backup:StartDelaySeconds", "0")
            .UseSetting("FollowUp:Backup:Directory", Path.Combine("not-a-folder", "backups")));
        using var client = blocked.CreateClient();
        var ops = blocked.Services.GetRequiredService<JobHistory>();

        var failure = await Eventually.ValueAsync(async () =>
            (await ops.FailuresAsync(10)).FirstOrDefault(r => r.Job == BackupService.JobName), "a failed backup run");
        Assert.False(failure.Succeeded);
        Assert.Contains("not-a-folder", failure.Detail, StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
    }

    [Fact]
    public async Task A_backup_taken_while_the_app_writes_is_consistent()
    {
        var owner = await app.CreateUserAsync("backup-busy@example.jp");
        var service = app.ServiceFor(owner);
        var backups = app.Services.GetRequiredService<BackupService>();
        using var stop = new CancellationTokenSource();
        var written = 0;
        var writer = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var saved = await service.CreateAsync(Seed.Application($"書き込み中{written}"));
                Assert.True(saved.Succeeded);
                Interlocked.Increment(ref written);
            }
        });
        while (Volatile.Read(ref written) < 20)
        {
            await Task.Delay(10);
        }
        var before = Volatile.Read(ref written);
        app.Clock.Advance(TimeSpan.FromSeconds(7));
        var result = await backups.BackupNowAsync();
        var after = Volatile.Read(ref written);
        await stop.CancelAsync();
        await writer;

        Assert.Equal("ok", result.IntegrityCheck);
        var copied = (await CompaniesInAsync(result.Path!)).Count(c => c.StartsWith("書き込み中", StringComparison.Ordinal));
        Assert.InRange(copied, before, after + 1);
    }

    private static async Task<List<string>> CompaniesInAsync(string path)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Company FROM Applications";
        var companies = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            companies.Add(reader.GetString(0));
        }
        return companies;
    }
}

/// <summary>The restore of docs/operations.md: with the app stopped, put a backup in place of the database and start.</summary>
public sealed class RestoreTests : IDisposable
{
    private readonly TempDirectory _saved = new("followup-restore");

    [Fact]
    public async Task A_backup_copied_over_the_database_of_a_stopped_app_brings_the_data_back()
    {
        string backupCopy;
        await using (var original = new FollowUpAppFactory())
        {
            var owner = await original.CreateUserAsync("restore@example.jp");
            await Seed.ApplicationWithHistoryAsync(original.ServiceFor(owner), "復元株式会社");
            var result = await original.Services.GetRequiredService<BackupService>().BackupNowAsync();
            Assert.True(result.Succeeded);
            backupCopy = Path.Combine(_saved.Path, Path.GetFileName(result.Path!));
            File.Copy(result.Path!, backupCopy);
            // Written after the backup: the restore goes back to the backup's moment, without it.
            await Seed.ApplicationWithHistoryAsync(original.ServiceFor(owner), "バックアップ後株式会社");
        }

        await using var restored = new FollowUpAppFactory();
        // docs/operations.md, "Restore": copy the backup to followup.db and remove any -wal/-shm beside it.
        File.Copy(backupCopy, restored.DatabasePath);
        foreach (var sidecar in new[] { "-wal", "-shm" })
        {
            File.Delete(restored.DatabasePath + sidecar);
        }
        var owner2 = await restored.UserIdAsync("restore@example.jp");
        Assert.NotNull(owner2);
        await using (var db = restored.CreateDbContext())
        {
            Assert.Equal(["復元株式会社"], await db.ApplicationsOf(owner2!).Select(a => a.Company).ToListAsync());
        }
        Assert.Equal(new RowCounts(1, 1, 1, 1, 1), await restored.CountRowsOfAsync(owner2!));
    }

    public void Dispose() => _saved.Dispose();
}

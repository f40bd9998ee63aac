using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using FollowUp.Web.Features.Backups;
using FollowUp.Web.Features.DataExport;
using FollowUp.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace FollowUp.Web.Tests.DataSafety;

/// <summary>
/// The real app (a child process) takes writes from four clients at once and is killed with SIGKILL in the
/// middle; the database then opens, passes <c>PRAGMA integrity_check</c> and holds every write the app had
/// acknowledged before the kill.
/// </summary>
public sealed class CrashTests : IDisposable
{
    private readonly TempDirectory _data = new("followup-crash");

    [Fact]
    public async Task Every_acknowledged_write_survives_a_sigkill_and_the_database_is_sound()
    {
        await using var server = await AppServer.StartAsync(_data.Path);
        using var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
        using var client = new HttpClient(handler) { BaseAddress = server.BaseUri, Timeout = TimeSpan.FromSeconds(20) };
        using var registered = await Forms.RegisterAsync(client, "crash@example.jp", FollowUpAppFactory.Password);
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);

        var acknowledged = new ConcurrentBag<string>();
        using var stop = new CancellationTokenSource();
        var writers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var company = $"クラッシュ{w}-{i}";
                var file = JsonSerializer.SerializeToUtf8Bytes(new ExportDocument
                {
                    Applications = [new ExportedApplication { Company = company, OpensAt = "09:00", ClosesAt = "18:00", ObservesNationalHolidays = true }],
                }, ExportDocument.JsonOptions);
                try
                {
                    var page = await ImportForm.PostAsync(client, file, stop.Token);
                    if (page.QuerySelector("[data-testid=import-done]") is not null)
                    {
                        acknowledged.Add(company);
                    }
                }
                catch (Exception) when (stop.IsCancellationRequested || !IsAlive(server))
                {
                    return; // the server died under this request: its outcome is unknown, and that is allowed
                }
            }
        })).ToList();

        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (acknowledged.Count < 60 && clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(20);
        }
        var beforeKill = acknowledged.ToHashSet();
        await server.KillAsync(); // Process.Kill: SIGKILL on Linux, mid-write
        await stop.CancelAsync();
        await Task.WhenAll(writers.Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default)));
        Assert.True(beforeKill.Count >= 60, $"Only {beforeKill.Count} writes acknowledged before the kill:\n{server.Output}");

        var database = Path.Combine(_data.Path, "followup.db");
        Assert.Equal("ok", await IntegrityCheckAsync(database));
        var stored = await CompaniesAsync(database);
        var lost = beforeKill.Where(c => !stored.Contains(c)).ToList();
        Assert.True(lost.Count == 0, $"{lost.Count} acknowledged writes lost: {string.Join(", ", lost.Take(10))}");

        // And the app starts again on it.
        await using var again = await AppServer.StartAsync(_data.Path);
        Assert.Equal("ok", await BackupService.IntegrityCheckAsync(database));
    }

    private static bool IsAlive(AppServer server)
    {
        try
        {
            using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
            return probe.GetAsync(server.Url("/healthz")).GetAwaiter().GetResult().IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException)
        {
            return false;
        }
    }

    /// <summary>Opens the database read-write (as the app would, replaying the WAL) and checks it.</summary>
    private static async Task<string> IntegrityCheckAsync(string path)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check;";
        return (string)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<HashSet<string>> CompaniesAsync(string path)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Company FROM Applications";
        var companies = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            companies.Add(reader.GetString(0));
        }
        return companies;
    }

    public void Dispose() => _data.Dispose();
}

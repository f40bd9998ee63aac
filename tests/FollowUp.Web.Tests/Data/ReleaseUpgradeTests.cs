using System.Net;
using System.Text.Json;
using FollowUp.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace FollowUp.Web.Tests.Data;

/// <summary>
/// A data folder written by release 160e6fd (net9.0, hand-written migrations; see the README beside the fixture)
/// opens in the current app: it migrates in place, its user's old cookie and password both sign in, and every row
/// the release wrote comes back through the app.
/// </summary>
public sealed class ReleaseUpgradeTests : IDisposable
{
    private static readonly string Fixture = Path.Combine(AppContext.BaseDirectory, "Data", "Fixtures", "release-160e6fd");
    private readonly TempDirectory _data = new("followup-upgrade");

    [Fact]
    public async Task A_database_written_by_release_160e6fd_upgrades_in_place_with_every_row_kept()
    {
        CopyDirectory(Path.Combine(Fixture, "data"), _data.Path);
        var database = Path.Combine(_data.Path, "followup.db");
        var before = await CountsAsync(database);
        Assert.Equal([1, 3, 4, 7, 5], before[..5]);

        await using (var server = await AppServer.StartAsync(_data.Path, environment: new Dictionary<string, string>
        {
            ["FollowUp__Clock__StartAt"] = "2026-11-26T09:00:00+09:00",
            ["FollowUp__Backup__IntervalHours"] = "0",
        }))
        {
            // The release's own sign-in cookie still works: its data-protection key came along.
            var oldCookie = new CookieContainer();
            oldCookie.Add(server.BaseUri, new Cookie("followup.auth", (await File.ReadAllTextAsync(Path.Combine(Fixture, "auth-cookie.txt"))).Trim()));
            using (var returning = Client(server, oldCookie))
            {
                var list = await Forms.GetDocumentAsync(returning, "/applications");
                foreach (var company in new[] { "株式会社みなと商事", "ひかり物流株式会社", "Acme, Inc.; R&D" })
                {
                    Assert.Contains(company, list.Body!.TextContent, StringComparison.Ordinal);
                }
            }

            // And so does the password, through the sign-in form.
            using var client = Client(server, new CookieContainer());
            using (var signIn = await Forms.SubmitAsync(client, "/account/login", "login", new Dictionary<string, string>
            {
                ["Input.Email"] = "fixture@example.jp",
                ["Input.Password"] = "release fixture 2026",
            }))
            {
                Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
                Assert.Equal("/", Forms.RedirectTarget(signIn));
            }

            // Every row the release wrote comes back, field by field, in the export.
            using var exported = JsonDocument.Parse(await client.GetStringAsync(new Uri("/account/export.json", UriKind.Relative)));
            using var written = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(Fixture, "fixture-data.json")));
            AssertContains(written.RootElement, exported.RootElement, "$");

            var reminders = await Forms.GetDocumentAsync(client, "/reminders");
            Assert.Contains("株式会社みなと商事", reminders.Body!.TextContent, StringComparison.Ordinal);
        }

        var after = await CountsAsync(database);
        Assert.Equal(before[..4], after[..4]); // users, applications, interviews, events
        Assert.True(after[4] >= before[4], $"reminders: {before[4]} before, {after[4]} after");
        Assert.True(after[5] >= before[5], $"job runs: {before[5]} before, {after[5]} after");
        var history = await MigrationsAsync(database);
        // The release had the seven hand-written migrations; every SQLite migration of this build ran after them
        // (PostgreSQL's belong to PostgresFollowUpDbContext, ADR 0021).
        var all = typeof(Program).Assembly.GetTypes()
            .Where(t => t.GetCustomAttributes(typeof(Microsoft.EntityFrameworkCore.Infrastructure.DbContextAttribute), false)
                .OfType<Microsoft.EntityFrameworkCore.Infrastructure.DbContextAttribute>().FirstOrDefault()?.ContextType == typeof(FollowUp.Web.Data.FollowUpDbContext))
            .Select(t => t.GetCustomAttributes(typeof(Microsoft.EntityFrameworkCore.Migrations.MigrationAttribute), false).OfType<Microsoft.EntityFrameworkCore.Migrations.MigrationAttribute>().FirstOrDefault()?.Id)
            .OfType<string>().Order(StringComparer.Ordinal).ToList();
        Assert.Equal(all, history);
        Assert.Contains(history, h => h.EndsWith("_Baseline", StringComparison.Ordinal));
    }

    /// <summary>
    /// Every property of <paramref name="expected"/> is in <paramref name="actual"/> with the same value; arrays hold
    /// the same items in any order (the export sorts events by time and weekdays from Sunday).
    /// </summary>
    private static void AssertContains(JsonElement expected, JsonElement actual, string path)
    {
        var mismatch = Mismatch(expected, actual, path);
        Assert.True(mismatch is null, mismatch);
    }

    private static string? Mismatch(JsonElement expected, JsonElement actual, string path)
    {
        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                if (actual.ValueKind != JsonValueKind.Object)
                {
                    return $"{path}: an object was expected, got {actual.ValueKind}";
                }
                foreach (var property in expected.EnumerateObject())
                {
                    if (!actual.TryGetProperty(property.Name, out var value))
                    {
                        return $"{path}.{property.Name} is missing";
                    }
                    if (Mismatch(property.Value, value, $"{path}.{property.Name}") is { } inner)
                    {
                        return inner;
                    }
                }
                return null;
            case JsonValueKind.Array:
                if (actual.ValueKind != JsonValueKind.Array)
                {
                    return $"{path}: an array was expected, got {actual.ValueKind}";
                }
                var unused = actual.EnumerateArray().ToList();
                var wanted = expected.EnumerateArray().ToList();
                if (wanted.Count != unused.Count)
                {
                    return $"{path}: {wanted.Count} items expected, {unused.Count} found";
                }
                for (var i = 0; i < wanted.Count; i++)
                {
                    var match = unused.FindIndex(a => Mismatch(wanted[i], a, path) is null);
                    if (match < 0)
                    {
                        return $"{path}: no item matches {wanted[i]}";
                    }
                    unused.RemoveAt(match);
                }
                return null;
            default:
                return expected.ToString() == actual.ToString() ? null : $"{path}: expected {expected}, found {actual}";
        }
    }

    private static async Task<int[]> CountsAsync(string database)
    {
        await using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        await connection.OpenAsync();
        var counts = new List<int>();
        foreach (var table in new[] { "AspNetUsers", "Applications", "Interviews", "ContactEvents", "Reminders", "JobRuns" })
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
            counts.Add(Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture));
        }
        return [.. counts];
    }

    private static async Task<List<string>> MigrationsAsync(string database)
    {
        await using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT MigrationId FROM \"__EFMigrationsHistory\" ORDER BY MigrationId";
        var ids = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetString(0));
        }
        return ids;
    }

    private static HttpClient Client(AppServer server, CookieContainer cookies) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = cookies }) { BaseAddress = server.BaseUri };

    private static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public void Dispose() => _data.Dispose();
}

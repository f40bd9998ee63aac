using System.Diagnostics;
using System.Net;
using FollowUp.Web.Tests.Infrastructure;
using FollowUp.Web.Tests.Reminders;
using Microsoft.AspNetCore.Mvc.Testing;

namespace FollowUp.Web.Tests.Operations;

/// <summary>
/// Administrators of /ops and /ops/jobs are named, never implied: by <c>FollowUp:Admin:Emails</c> or by the
/// <c>admin grant</c> command (the Admin role). Being the first to register, or the oldest left, gives nothing.
/// </summary>
public sealed class AdministratorTests : IDisposable
{
    private readonly TempDirectory _data = new("followup-admins");

    [Fact]
    public async Task Nobody_is_an_administrator_for_registering_first()
    {
        await using var app = new ReminderAppFactory(_data.Path, TestClock.AtDefaultStart(), scheduler: false);
        using var first = await RegisteredAsync(app, "first-to-register@example.jp");

        await AssertNotAdministratorAsync(first);
    }

    [Fact]
    public async Task A_configured_email_is_an_administrator_and_deleting_it_passes_the_right_to_nobody()
    {
        await using var app = new ReminderAppFactory(_data.Path, TestClock.AtDefaultStart(), scheduler: false,
            new Dictionary<string, string> { ["FollowUp:Admin:Emails"] = "Boss@Example.jp, someone-else@example.jp" });
        using var oldest = await RegisteredAsync(app, "oldest@example.jp");
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        using var boss = await RegisteredAsync(app, "boss@example.jp");
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        using var youngest = await RegisteredAsync(app, "youngest@example.jp");

        await AssertAdministratorAsync(boss);
        await AssertNotAdministratorAsync(oldest);
        await AssertNotAdministratorAsync(youngest);

        // The administrator deletes the account: the oldest account left stays an ordinary one.
        using (var deleted = await Forms.SubmitAsync(boss, "/account/manage", "delete-account",
                   new Dictionary<string, string> { ["Delete.Password"] = ReminderAppFactory.Password }))
        {
            Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        }
        await AssertNotAdministratorAsync(oldest);
        await AssertNotAdministratorAsync(youngest);
    }

    [Fact]
    public async Task The_admin_command_grants_and_revokes_the_right_in_the_database()
    {
        await using (var app = new ReminderAppFactory(_data.Path, TestClock.AtDefaultStart(), scheduler: false))
        {
            using var first = await RegisteredAsync(app, "first@example.jp");
            using var second = await RegisteredAsync(app, "second@example.jp");
        }

        var granted = await RunAsync("admin", "grant", "Second@Example.jp");
        Assert.Equal(0, granted.ExitCode);
        Assert.Contains("second@example.jp", granted.Output, StringComparison.Ordinal);
        var unknown = await RunAsync("admin", "grant", "nobody@example.jp");
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("nobody@example.jp", unknown.Output, StringComparison.Ordinal);
        var listed = await RunAsync("admin", "list");
        Assert.Equal(0, listed.ExitCode);
        Assert.Contains("second@example.jp", listed.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("first@example.jp", listed.Output, StringComparison.Ordinal);

        await using (var app = new ReminderAppFactory(_data.Path, TestClock.AtDefaultStart(), scheduler: false))
        {
            await AssertAdministratorAsync(await SignedInAsync(app, "second@example.jp"));
            await AssertNotAdministratorAsync(await SignedInAsync(app, "first@example.jp"));
        }

        Assert.Equal(0, (await RunAsync("admin", "revoke", "second@example.jp")).ExitCode);
        await using (var app = new ReminderAppFactory(_data.Path, TestClock.AtDefaultStart(), scheduler: false))
        {
            await AssertNotAdministratorAsync(await SignedInAsync(app, "second@example.jp"));
        }
    }

    private static async Task AssertAdministratorAsync(HttpClient client)
    {
        using var ops = await client.GetAsync(new Uri("/ops", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, ops.StatusCode);
        Assert.NotNull((await Forms.ParseAsync(ops)).QuerySelector("[data-testid=run-reconcile]"));
        using var dashboard = await client.GetAsync(new Uri("/ops/jobs", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
    }

    private static async Task AssertNotAdministratorAsync(HttpClient client)
    {
        using var ops = await client.GetAsync(new Uri("/ops", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, ops.StatusCode);
        Assert.Null((await Forms.ParseAsync(ops)).QuerySelector("[data-testid=run-reconcile]"));
        using var dashboard = await client.GetAsync(new Uri("/ops/jobs", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, dashboard.StatusCode);
    }

    private static async Task<HttpClient> RegisteredAsync(ReminderAppFactory app, string email)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        using var registered = await Forms.RegisterAsync(client, email, ReminderAppFactory.Password);
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        return client;
    }

    private static async Task<HttpClient> SignedInAsync(ReminderAppFactory app, string email)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        using var signedIn = await Forms.SubmitAsync(client, "/account/login", "login", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = ReminderAppFactory.Password,
        });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return client;
    }

    /// <summary>Runs the app's command line on this test's data folder, as an operator would.</summary>
    private async Task<(int ExitCode, string Output)> RunAsync(params string[] args)
    {
        var dll = typeof(Program).Assembly.Location;
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        info.Environment["FollowUp__DataDirectory"] = _data.Path;
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true); // a command that never returns is a failure, not a stray server
            throw;
        }
        return (process.ExitCode, await output + await error);
    }

    public void Dispose() => _data.Dispose();
}

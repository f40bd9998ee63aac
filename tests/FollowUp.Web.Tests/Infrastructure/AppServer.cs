using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace FollowUp.Web.Tests.Infrastructure;

/// <summary>
/// The real app as a child process (Kestrel on 127.0.0.1), so a test can kill it and start it again on the
/// same data folder. Runs the FollowUp.Web.dll that the project reference put beside the tests, with the same
/// <c>dotnet</c> host that runs the tests.
/// </summary>
public sealed class AppServer : IAsyncDisposable, IRunningApp
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private AppServer(Process process, int port, string dataDirectory)
    {
        _process = process;
        Port = port;
        DataDirectory = dataDirectory;
    }

    public int Port { get; }

    public string DataDirectory { get; }

    public Uri BaseUri => new($"http://127.0.0.1:{Port}");

    public string Url(string path) => new Uri(BaseUri, path).ToString();

    /// <summary>What the server printed so far (for failure messages).</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <param name="dataDirectory">The data folder (database, keys, backups).</param>
    /// <param name="port">The port, or a free one.</param>
    /// <param name="environment">Environment variables for the app (they win over the defaults set here).</param>
    /// <param name="requireHealthy">Wait for <c>/healthz</c> to answer 200; false waits for any answer (a test of an unhealthy app).</param>
    public static async Task<AppServer> StartAsync(string dataDirectory, int? port = null, IReadOnlyDictionary<string, string>? environment = null,
        bool requireHealthy = true)
    {
        var dll = typeof(Program).Assembly.Location;
        var runtimeConfig = Path.ChangeExtension(dll, ".runtimeconfig.json");
        Assert.True(File.Exists(runtimeConfig), $"{runtimeConfig} is missing: the app cannot be started from the test output.");
        var chosenPort = port ?? FreePort();
        var info = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(dll);
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add($"http://127.0.0.1:{chosenPort}");
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        info.Environment["FollowUp__DataDirectory"] = dataDirectory;
        info.Environment["ConnectionStrings__FollowUp"] = $"Data Source={Path.Combine(dataDirectory, "followup.db")}";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        info.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var server = new AppServer(process, chosenPort, dataDirectory);
        process.OutputDataReceived += (_, e) => server.Append(e.Data);
        process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        Assert.True(process.Start(), "dotnet did not start");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await server.WaitHealthyAsync(requireHealthy);
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
        return server;
    }

    private static string DotnetHost()
    {
        var fromSdk = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(fromSdk) && File.Exists(fromSdk))
        {
            return fromSdk;
        }
        var current = Environment.ProcessPath;
        if (current is not null && Path.GetFileNameWithoutExtension(current) == "dotnet")
        {
            return current;
        }
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
        {
            var candidate = Path.Combine(dir, "dotnet");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        return "dotnet";
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private async Task WaitHealthyAsync(bool requireHealthy)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartTimeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The app exited with {_process.ExitCode}:\n{Output}");
            }
            try
            {
                using var response = await http.GetAsync(new Uri(BaseUri, "/healthz"));
                if (response.StatusCode == HttpStatusCode.OK || !requireHealthy)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"The app did not answer /healthz within {StartTimeout}:\n{Output}");
    }

    /// <summary>Kills the server (as a crash or a redeploy would) and waits until it is gone.</summary>
    public async Task KillAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (InvalidOperationException)
        {
            // Never started or already reaped.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }
}

using System.Diagnostics;
using System.Net;
using System.Text;
using FollowUp.Web.Tests.Infrastructure;

namespace FollowUp.Web.Tests.Cluster;

/// <summary>
/// Debian's nginx in front of app nodes on loopback, configured from <c>deploy/nginx-cluster.conf</c> (the file
/// <c>deploy/local-cluster.sh</c> uses): sticky sessions by the <c>followup_node</c> cookie, WebSockets, forwarded
/// headers. Runs in the foreground as a child process in a folder of its own.
/// </summary>
public sealed class Nginx : IAsyncDisposable, IRunningApp
{
    public const string Binary = "/usr/sbin/nginx";

    private readonly Process _process;
    private readonly TempDirectory _dir;

    private Nginx(Process process, TempDirectory dir, int port)
    {
        _process = process;
        _dir = dir;
        Port = port;
    }

    public int Port { get; }

    public Uri BaseUri => new($"http://127.0.0.1:{Port}");

    public string ErrorLog => File.Exists(Path.Combine(_dir.Path, "error.log")) ? File.ReadAllText(Path.Combine(_dir.Path, "error.log")) : "";

    public static async Task<Nginx> StartAsync(IEnumerable<int> nodePorts)
    {
        Assert.True(File.Exists(Binary), $"{Binary} is missing: install Debian's nginx (./test.sh does).");
        var dir = new TempDirectory("followup-nginx");
        Directory.CreateDirectory(Path.Combine(dir.Path, "tmp"));
        var port = AppServer.FreePort();
        var template = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Cluster", "nginx-cluster.conf"));
        var servers = new StringBuilder();
        foreach (var node in nodePorts)
        {
            servers.Append("        server 127.0.0.1:").Append(node).AppendLine(" max_fails=1 fail_timeout=10s;");
        }
        var config = template.Replace("@STATE@", dir.Path, StringComparison.Ordinal)
            .Replace("@PORT@", port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("@SERVERS@\n", servers.ToString(), StringComparison.Ordinal);
        var conf = Path.Combine(dir.Path, "nginx.conf");
        await File.WriteAllTextAsync(conf, config);

        var info = new ProcessStartInfo(Binary) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in new[] { "-p", dir.Path, "-c", conf, "-e", Path.Combine(dir.Path, "error.log"), "-g", "daemon off;" })
        {
            info.ArgumentList.Add(arg);
        }
        var process = Process.Start(info)!;
        var nginx = new Nginx(process, dir, port);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(20))
        {
            if (process.HasExited)
            {
                var error = nginx.ErrorLog + await process.StandardError.ReadToEndAsync();
                await nginx.DisposeAsync();
                throw new InvalidOperationException($"nginx exited with {process.ExitCode}: {error}");
            }
            try
            {
                using var response = await http.GetAsync(new Uri(nginx.BaseUri, "/healthz"));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return nginx;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            await Task.Delay(100);
        }
        var log = nginx.ErrorLog;
        await nginx.DisposeAsync();
        throw new TimeoutException($"nginx did not answer /healthz: {log}");
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (InvalidOperationException)
        {
        }
        _process.Dispose();
        _dir.Dispose();
    }
}

using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FollowUp.Web.Tests.Infrastructure;

/// <summary>
/// The app in this process on real Kestrel (127.0.0.1, a free port) with a fake clock, so a browser test can move
/// time instead of waiting for it.
/// </summary>
public sealed class KestrelApp : WebApplicationFactory<Program>, IRunningApp
{
    private readonly TempDirectory _data = new("followup-kestrel");
    private readonly int _port = AppServer.FreePort();

    public KestrelApp(DateTimeOffset start)
    {
        Clock = new FakeTimeProvider(start);
        UseKestrel(o => o.Listen(IPAddress.Loopback, _port));
    }

    public FakeTimeProvider Clock { get; }

    public Uri BaseUri => new($"http://127.0.0.1:{_port}");

    /// <summary>Starts Kestrel (once) and returns this app.</summary>
    public KestrelApp Started()
    {
        StartServer();
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Development");
        builder.UseSetting("FollowUp:DataDirectory", _data.Path);
        builder.UseSetting("ConnectionStrings:FollowUp", $"Data Source={Path.Combine(_data.Path, "followup.db")}");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("FollowUp:Backup:IntervalHours", "0");
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _data.Dispose();
        }
    }
}

namespace FollowUp.Web.Tests.Infrastructure;

/// <summary>One real app process on its own data folder, shared by a test class (<c>IClassFixture</c>).</summary>
public sealed class AppServerFixture : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _data = new("followup-server");
    private readonly IReadOnlyDictionary<string, string>? _environment;

    /// <summary>An app on the default settings.</summary>
    public AppServerFixture()
    {
    }

    /// <summary>An app with these environment variables (for example <c>FollowUp__Admin__Emails</c>). Internal: xunit
    /// refuses a class fixture with two public constructors.</summary>
    internal AppServerFixture(IReadOnlyDictionary<string, string> environment) => _environment = environment;

    public AppServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = _environment is null
        ? await AppServer.StartAsync(_data.Path)
        : await AppServer.StartAsync(_data.Path, environment: _environment);

    public async Task DisposeAsync()
    {
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }
    }

    public void Dispose() => _data.Dispose();
}

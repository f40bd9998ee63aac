namespace FollowUp.Web.Tests.Infrastructure;

/// <summary>One real app process on its own data folder, shared by a test class (<c>IClassFixture</c>).</summary>
public sealed class AppServerFixture : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _data = new("followup-server");

    public AppServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await AppServer.StartAsync(_data.Path);

    public async Task DisposeAsync()
    {
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }
    }

    public void Dispose() => _data.Dispose();
}

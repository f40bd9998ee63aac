using FollowUp.Web.Data;
using FollowUp.Web.Features.Applications;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging.Abstractions;

namespace FollowUp.Web.Tests.Infrastructure;

/// <summary>
/// The app in memory (TestServer) on its own temporary data folder and a fake clock.
/// One instance per test class (<c>IClassFixture</c>), so classes never share a database.
/// </summary>
public sealed class FollowUpAppFactory : WebApplicationFactory<Program>
{
    public const string Password = "correct horse battery";

    private readonly TempDirectory _data = new("followup-web");

    /// <summary>On the PostgreSQL pass (<see cref="TestDatabase.UsePostgres"/>), this class's own database.</summary>
    private readonly PostgresDatabase? _postgres = TestDatabase.UsePostgres ? TestDatabase.CreatePostgres() : null;

    public FakeTimeProvider Clock { get; } = TestClock.AtDefaultStart();

    public string DataDirectory => _data.Path;

    /// <summary>The SQLite file (on the SQLite pass; tests of the file itself are SQLite-only).</summary>
    public string DatabasePath => Path.Combine(_data.Path, "followup.db");

    /// <summary>Whether this factory's app runs on PostgreSQL.</summary>
    public bool OnPostgres => _postgres is not null;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Development");
        // UseSetting lands in the host configuration, which Program reads while building.
        builder.UseSetting("FollowUp:DataDirectory", _data.Path);
        if (_postgres is null)
        {
            builder.UseSetting("ConnectionStrings:FollowUp", $"Data Source={DatabasePath}");
        }
        else
        {
            builder.UseSetting("FollowUp:Database:Provider", "Postgres");
            builder.UseSetting("ConnectionStrings:FollowUp", _postgres.ConnectionString);
        }
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // Tests post many sign-in forms from one (null) address; SecurityHttpTests lowers this to test the limiter.
        builder.UseSetting("FollowUp:RateLimit:SignInPermits", "10000");
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }

    /// <summary>A client that keeps cookies and does not follow redirects (so tests can see them).</summary>
    public HttpClient CreateBrowserLikeClient(string? acceptLanguage = null)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        if (acceptLanguage is not null)
        {
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(acceptLanguage);
        }
        return client;
    }

    /// <summary>Creates a user through Identity and returns its id.</summary>
    public async Task<string> CreateUserAsync(string email)
    {
        using var scope = Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = email, Email = email, CreatedAtUtc = Clock.GetUtcNow().UtcDateTime };
        var result = await users.CreateAsync(user, Password);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Code)));
        return user.Id;
    }

    public async Task<string?> UserIdAsync(string email)
    {
        using var scope = Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        return (await users.FindByEmailAsync(email))?.Id;
    }

    /// <summary>An <see cref="ApplicationService"/> acting as <paramref name="userId"/>; its writes plan no reminders (only recorded).</summary>
    public ApplicationService ServiceFor(string userId) => new(
        Services.GetRequiredService<IDbContextFactory<FollowUpDbContext>>(),
        Services.GetRequiredService<ApplicationSnapshots>(),
        new TestCurrentUser(userId),
        Clock,
        NullLogger<ApplicationService>.Instance,
        new FollowUp.Web.Tests.Reminders.RecordingChanges());

    public FollowUpDbContext CreateDbContext() =>
        Services.GetRequiredService<IDbContextFactory<FollowUpDbContext>>().CreateDbContext();

    /// <summary>Row counts of every owned table (and users), for "nothing was written" checks.</summary>
    public async Task<RowCounts> CountRowsAsync()
    {
        await using var db = CreateDbContext();
        return new RowCounts(
            await db.Users.CountAsync(),
            await db.Applications.CountAsync(),
            await db.Interviews.CountAsync(),
            await db.ContactEvents.CountAsync(),
            await db.Closures.CountAsync());
    }

    /// <summary>Row counts of one owner's rows.</summary>
    public async Task<RowCounts> CountRowsOfAsync(string ownerId)
    {
        await using var db = CreateDbContext();
        return new RowCounts(
            await db.Users.CountAsync(u => u.Id == ownerId),
            await db.ApplicationsOf(ownerId).CountAsync(),
            await db.InterviewsOf(ownerId).CountAsync(),
            await db.EventsOf(ownerId).CountAsync(),
            await db.Closures.CountAsync(c => db.Applications.Any(a => a.Id == c.ApplicationId && a.OwnerId == ownerId)));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _data.Dispose();
            _postgres?.Dispose();
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _data.Dispose();
        _postgres?.Dispose();
    }
}

/// <summary>How many rows each table holds.</summary>
public sealed record RowCounts(int Users, int Applications, int Interviews, int Events, int Closures);

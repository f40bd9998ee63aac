using FollowUp.Domain.Advice;
using FollowUp.Web.Data;
using FollowUp.Web.Features.Applications;
using FollowUp.Web.Features.Reminders;
using FollowUp.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging.Abstractions;

namespace FollowUp.Web.Tests.Reminders;

/// <summary>
/// The app in memory on a data folder the test chooses (so a second instance can start on the same SQLite
/// file, as after a restart) and a fake clock. Background jobs (Hangfire) run unless turned off.
/// </summary>
public sealed class ReminderAppFactory(string dataDirectory, FakeTimeProvider clock, bool scheduler = true,
    IReadOnlyDictionary<string, string>? settings = null) : WebApplicationFactory<Program>
{
    public const string Password = "correct horse battery";

    public FakeTimeProvider Clock { get; } = clock;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Development");
        builder.UseSetting("FollowUp:DataDirectory", dataDirectory);
        builder.UseSetting("ConnectionStrings:FollowUp", $"Data Source={Path.Combine(dataDirectory, "followup.db")}");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("FollowUp:Jobs:Enabled", scheduler ? "true" : "false");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }

    public async Task<string> CreateUserAsync(string email, string? culture = null)
    {
        using var scope = Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = email, Email = email, Culture = culture, CreatedAtUtc = Clock.GetUtcNow().UtcDateTime };
        var result = await users.CreateAsync(user, Password);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Code)));
        return user.Id;
    }

    /// <summary>The application service as the app builds it (reminders recompute after writes).</summary>
    public ApplicationService ApplicationsFor(string userId) => new(
        Services.GetRequiredService<IDbContextFactory<FollowUpDbContext>>(),
        Services.GetRequiredService<ApplicationSnapshots>(),
        new TestCurrentUser(userId),
        Clock,
        NullLogger<ApplicationService>.Instance,
        Services.GetRequiredService<IApplicationChanged>());

    public ReminderService RemindersFor(string userId) => new(
        Services.GetRequiredService<IDbContextFactory<FollowUpDbContext>>(),
        new TestCurrentUser(userId),
        Clock,
        Services.GetRequiredService<IReminderAlarm>());

    public ReminderEngine Engine => Services.GetRequiredService<ReminderEngine>();

    public FollowUpDbContext CreateDbContext() =>
        Services.GetRequiredService<IDbContextFactory<FollowUpDbContext>>().CreateDbContext();

    public async Task<List<Reminder>> RemindersAsync(string ownerId)
    {
        await using var db = CreateDbContext();
        return await db.RemindersOf(ownerId).AsNoTracking().OrderBy(r => r.Id).ToListAsync();
    }

    public async Task<List<ReminderDelivery>> DeliveriesAsync(string? ownerId = null)
    {
        await using var db = CreateDbContext();
        return await db.Set<ReminderDelivery>().AsNoTracking()
            .Where(d => ownerId == null || d.OwnerId == ownerId).OrderBy(d => d.Id).ToListAsync();
    }

    /// <summary>Sets <see cref="Clock"/> to a wall-clock time in Tokyo.</summary>
    public void SetTokyo(int year, int month, int day, int hour, int minute = 0, int second = 0)
    {
        var target = new DateTimeOffset(year, month, day, hour, minute, second, TimeSpan.FromHours(9));
        Clock.MoveTo(target);
    }
}

/// <summary>Scenario data: an application with one interview and a reply promise.</summary>
public static class ReminderSeed
{
    /// <summary>Monday 23 November 2026 is a national holiday (勤労感謝の日); Tuesday 24th is a business day.</summary>
    public static FakeTimeProvider ClockAtTokyo(int month, int day, int hour, int minute = 0) =>
        new(new DateTimeOffset(2026, month, day, hour, minute, 0, TimeSpan.FromHours(9)));

    public static async Task<(int ApplicationId, int InterviewId)> ApplicationAsync(
        ApplicationService service, string company, string date = "2026-11-24", string time = "10:00", string? notes = null)
    {
        ArgumentNullException.ThrowIfNull(service);
        var app = await service.CreateAsync(new ApplicationInput { Company = company, Position = "営業職", ContactPerson = "人事部 佐藤様" });
        Assert.True(app.Succeeded, string.Join("; ", app.Errors));
        var interview = await service.AddInterviewAsync(app.Id, new InterviewInput
        {
            Date = date,
            Time = time,
            PromiseKind = ReplyPromiseKind.WithinBusinessDays,
            PromiseCount = 3,
            Notes = notes,
        });
        Assert.True(interview.Succeeded, string.Join("; ", interview.Errors));
        return (app.Id, interview.Id);
    }

    public static async Task EventAsync(ApplicationService service, int applicationId, EventInput input)
    {
        ArgumentNullException.ThrowIfNull(service);
        var result = await service.LogEventAsync(applicationId, input);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
    }
}

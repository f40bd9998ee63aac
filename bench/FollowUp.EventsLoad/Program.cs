// Latency of logging an event (ApplicationService.LogEventAsync: validation, the insert, the triggers, the reminder
// re-planning after the write) under concurrent load, on SQLite or PostgreSQL. Run by bench/events/run.sh; a project
// of the solution, so CI compiles it with the app and it cannot fall behind the app's setup.
// Usage: dotnet run --project bench/FollowUp.EventsLoad -- sqlite <data folder> | postgres <connection string>  [workers] [events per worker]
using System.Diagnostics;
using System.Globalization;
using FollowUp.Web.Data;
using FollowUp.Web.Features.Applications;
using FollowUp.Web.Features.Backups;
using FollowUp.Web.Features.DataExport;
using FollowUp.Web.Features.Reminders;
using FollowUp.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;

var provider = args[0];
var target = args[1];
var workers = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 16;
var perWorker = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 300;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
builder.Configuration["Logging:LogLevel:Default"] = "Warning";
builder.Configuration["FollowUp:Jobs:Enabled"] = "false";
if (provider == "postgres")
{
    builder.Configuration["FollowUp:Database:Provider"] = "Postgres";
    builder.Configuration["ConnectionStrings:FollowUp"] = target;
    builder.Configuration["FollowUp:DataDirectory"] = Path.Combine(Path.GetTempPath(), "followup-events-bench");
}
else
{
    builder.Configuration["FollowUp:DataDirectory"] = target;
}
builder.AddFollowUpLogging().AddFollowUpClock().AddFollowUpData().AddFollowUpIdentity().AddFollowUpSecurity().AddFollowUpDataExport().AddFollowUpBackups()
    .AddFollowUpLocalization().AddFollowUpFeatures().AddFollowUpReminders().AddFollowUpJobs().AddFollowUpUi();
await using var app = builder.Build();
app.MigrateFollowUpDatabase();

// One user and one application per worker (an application holds at most 500 events).
var services = new List<ApplicationService>();
var applications = new List<int>();
var run = Guid.NewGuid().ToString("N")[..8];
for (var w = 0; w < workers; w++)
{
    using var scope = app.Services.CreateScope();
    var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
    var user = new AppUser { UserName = $"events-{run}-{w}@example.jp", Email = $"events-{run}-{w}@example.jp", CreatedAtUtc = TimeProvider.System.GetUtcNow().UtcDateTime };
    var created = await users.CreateAsync(user, "correct horse battery staple");
    if (!created.Succeeded)
    {
        throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Code)));
    }
    var service = ActivatorUtilities.CreateInstance<ApplicationService>(app.Services, new FixedUser(user.Id));
    var result = await service.CreateAsync(new ApplicationInput { Company = $"イベント株式会社{w}", OpensAt = "09:00", ClosesAt = "18:00", ObservesNationalHolidays = true });
    if (!result.Succeeded)
    {
        throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.ToString())));
    }
    services.Add(service);
    applications.Add(result.Id);
}

var latencies = new double[workers * perWorker];
var day = TimeProvider.System.GetUtcNow().UtcDateTime.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
var wall = Stopwatch.StartNew();
await Task.WhenAll(Enumerable.Range(0, workers).Select(w => Task.Run(async () =>
{
    for (var i = 0; i < perWorker; i++)
    {
        var input = new EventInput { Kind = ContactEventKind.MissedCall, Date = day, Time = "10:00", Note = $"bench {i}" };
        var watch = Stopwatch.StartNew();
        var saved = await services[w].LogEventAsync(applications[w], input);
        latencies[w * perWorker + i] = watch.Elapsed.TotalMilliseconds;
        if (!saved.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", saved.Errors.Select(e => e.ToString())));
        }
    }
})));
wall.Stop();
Array.Sort(latencies);
double P(double q) => latencies[Math.Min(latencies.Length - 1, (int)Math.Ceiling(q * latencies.Length) - 1)];
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{provider}: {latencies.Length} events by {workers} workers in {wall.Elapsed.TotalSeconds:F1} s = {latencies.Length / wall.Elapsed.TotalSeconds:F0}/s; latency ms p50 {P(0.50):F1} p95 {P(0.95):F1} p99 {P(0.99):F1} max {latencies[^1]:F1}"));

internal sealed class FixedUser(string id) : ICurrentUser
{
    public Task<string> IdAsync() => Task.FromResult(id);
}

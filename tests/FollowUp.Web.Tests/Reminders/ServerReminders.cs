using FollowUp.Web.Data;
using FollowUp.Web.Features.Operations;
using FollowUp.Web.Features.Reminders;
using FollowUp.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FollowUp.Web.Tests.Reminders;

/// <summary>
/// Writes straight into the database of a running <see cref="AppServer"/> (the truth the scheduler reads), on the
/// real clock: the server process cannot be given a fake one.
/// </summary>
public static class ServerReminders
{
    public static FollowUpDbContext OpenDatabase(AppServer server)
    {
        ArgumentNullException.ThrowIfNull(server);
        return new(new DbContextOptionsBuilder<FollowUpDbContext>()
            .UseSqlite($"Data Source={Path.Combine(server.DataDirectory, "followup.db")}").Options);
    }

    public static async Task<string> UserIdAsync(AppServer server, string email)
    {
        await using var db = OpenDatabase(server);
        return await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }

    /// <summary>
    /// A Scheduled reminder of the user with <paramref name="email"/> that was due a minute ago, with quiet hours off
    /// (and reminder emails on when <paramref name="emailEnabled"/>). The next reconcile delivers it. Returns its id.
    /// </summary>
    public static async Task<int> AddDueAsync(AppServer server, string email, int applicationId, bool emailEnabled = false)
    {
        var owner = await UserIdAsync(server, email);
        await using var db = OpenDatabase(server);
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        if (!await db.Set<ReminderPreferences>().AnyAsync(p => p.UserId == owner))
        {
            db.Add(new ReminderPreferences
            {
                UserId = owner, QuietStart = new TimeOnly(0, 0), QuietEnd = new TimeOnly(0, 0), EmailEnabled = emailEnabled,
            });
        }
        var reminder = new Reminder
        {
            OwnerId = owner, ApplicationId = applicationId, InterviewId = 999, StepKind = Domain.Advice.StepKind.CallBack,
            Kind = ReminderKind.WindowOpens, OpensAt = now, DueAtUtc = now.AddMinutes(-1), State = ReminderState.Scheduled,
            CreatedAtUtc = now,
        };
        db.Add(reminder);
        await db.SaveChangesAsync();
        return reminder.Id;
    }

    /// <summary>A bare application of the user with <paramref name="email"/> (no interview), to hang reminders on.</summary>
    public static async Task<int> AddApplicationAsync(AppServer server, string email, string company)
    {
        var owner = await UserIdAsync(server, email);
        await using var db = OpenDatabase(server);
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        var application = new JobApplication { OwnerId = owner, Company = company, CreatedAtUtc = now, UpdatedAtUtc = now };
        db.Add(application);
        await db.SaveChangesAsync();
        return application.Id;
    }

    /// <summary>The stored job runs, oldest first.</summary>
    public static async Task<List<JobRunRecord>> JobRunsAsync(AppServer server)
    {
        await using var db = OpenDatabase(server);
        return await db.Set<JobRunRecord>().AsNoTracking().OrderBy(r => r.Id).ToListAsync();
    }
}

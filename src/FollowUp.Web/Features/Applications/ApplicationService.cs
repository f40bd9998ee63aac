using System.Linq.Expressions;
using FollowUp.Web.Data;
using FollowUp.Web.Infrastructure;
using FollowUp.Web.Features.NextSteps;
using Microsoft.EntityFrameworkCore;

namespace FollowUp.Web.Features.Applications;

/// <summary>
/// A row of the applications list. Its advice holds the primary step only, unexplained (see
/// <see cref="AdviceInputs.PrimaryAt"/>); <see cref="Inputs"/> can write the explanation where it is shown.
/// </summary>
public sealed record ApplicationSummary(
    int Id, string Company, string? Position, Domain.Applications.ApplicationRoute Route, string? AgencyName,
    DateTime? LatestInterviewAt, int EventCount, DateTime UpdatedAtUtc, bool IsSample, string TimeZoneId, ApplicationAdvice Advice,
    AdviceInputs? Inputs = null);

/// <summary>An application with its interviews (oldest first), events (newest first) and the owner's default rules.</summary>
public sealed record ApplicationDetail(
    JobApplication Application, IReadOnlyList<Interview> Interviews, IReadOnlyList<ContactEventRecord> Events, PolicySettings? UserDefault = null)
{
    /// <summary>The rules this application follows: its own, else the owner's default, else the recommended ones.</summary>
    public Domain.Advice.EtiquettePolicy Policy => PolicySettings.Effective(Application.Policy, UserDefault);
}

/// <summary>
/// Reads and writes applications, interviews and events. Authorization lives here, not only in pages:
/// every method scopes its query to <see cref="ICurrentUser"/>, so a forged id finds nothing.
/// </summary>
public sealed class ApplicationService(
    IDbContextFactory<FollowUpDbContext> dbFactory,
    ApplicationSnapshots snapshots,
    ICurrentUser currentUser,
    TimeProvider clock,
    ILogger<ApplicationService> logger,
    Reminders.IApplicationChanged changed)
{
    /// <summary>Most applications one account may hold (a limit against abuse, far above real use).</summary>
    public const int MaxApplicationsPerUser = 1000;

    /// <summary>Most events one application may hold.</summary>
    public const int MaxEventsPerApplication = 500;

    /// <summary>
    /// Every application of the user with its next step. One query when nothing changed since the last
    /// list (the rows come from <see cref="ApplicationSnapshots"/>), five otherwise, whatever the number
    /// of applications; then the rules run in memory for the current time.
    /// </summary>
    public async Task<IReadOnlyList<ApplicationSummary>> ListAsync(CancellationToken ct = default)
    {
        var owner = await currentUser.IdAsync();
        var snapshot = await snapshots.GetAsync(owner, ct);
        var utcNow = clock.GetUtcNow();
        return [.. snapshot.Entries
            .Select(e => new ApplicationSummary(
                e.Id, e.Company, e.Position, e.Route, e.AgencyName, e.LatestInterviewAt, e.EventCount, e.UpdatedAtUtc, e.IsSample,
                e.Inputs.Zone.Id, e.Inputs.PrimaryAt(utcNow), e.Inputs))
            .OrderBy(s => SortKey(s.Advice, s.UpdatedAtUtc))];
    }

    /// <summary>Open steps first (overdue, then soonest closing), then upcoming by opening, then the rest.</summary>
    private static (int, DateTime) SortKey(ApplicationAdvice advice, DateTime updated) => advice.Primary switch
    {
        { Kind: Domain.Advice.StepKind.Done } => (4, DateTime.MaxValue - (updated - DateTime.MinValue)),
        { Overdue: true } p => (0, p.ClosesAt ?? p.OpensAt),
        { } p when p.IsOpenAt(advice.LocalNow) => (1, p.ClosesAt ?? DateTime.MaxValue),
        { } p => (2, p.OpensAt),
        null => (3, DateTime.MaxValue - (updated - DateTime.MinValue)),
    };

    /// <summary>The rules' advice for a loaded application.</summary>
    public ApplicationAdvice AdviceFor(ApplicationDetail detail)
    {
        ArgumentNullException.ThrowIfNull(detail);
        return ApplicationAdvice.For(detail.Application, detail.Interviews, detail.Events, detail.Policy, clock.GetUtcNow());
    }

    public async Task<ApplicationDetail?> GetAsync(int id, CancellationToken ct = default)
    {
        var owner = await currentUser.IdAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var app = await db.ApplicationsOf(owner).AsNoTracking()
            .Include(a => a.Closures)
            .AsSplitQuery()
            .FirstOrDefaultAsync(a => a.Id == id, ct);
        if (app is null)
        {
            return null;
        }
        var interviews = await db.InterviewsOf(owner).AsNoTracking()
            .Where(i => i.ApplicationId == id).OrderBy(i => i.At).ToListAsync(ct);
        var events = await db.EventsOf(owner).AsNoTracking()
            .Where(e => e.ApplicationId == id).OrderByDescending(e => e.At).ThenByDescending(e => e.Id).ToListAsync(ct);
        var userDefault = await db.DefaultPolicyOfAsync(owner, ct);
        return new ApplicationDetail(app, interviews, events, userDefault);
    }

    public Task<SaveResult> CreateAsync(ApplicationInput input, CancellationToken ct = default) =>
        SaveApplicationAsync(input, async (db, owner) =>
        {
            if (await db.ApplicationsOf(owner).CountAsync(ct) >= MaxApplicationsPerUser)
            {
                return (null, SaveResult.Invalid([new FieldError(nameof(ApplicationInput.Company), "Validation.TooManyApplications", MaxApplicationsPerUser)]));
            }
            var now = clock.GetUtcNow().UtcDateTime;
            var app = new JobApplication { OwnerId = owner, CreatedAtUtc = now, UpdatedAtUtc = now };
            db.Applications.Add(app);
            return (app, null);
        }, ct);

    public Task<SaveResult> UpdateAsync(int id, ApplicationInput input, CancellationToken ct = default) =>
        SaveApplicationAsync(input, async (db, owner) =>
        {
            var app = await db.ApplicationsOf(owner).Include(a => a.Closures).FirstOrDefaultAsync(a => a.Id == id, ct);
            if (app is null)
            {
                return (null, SaveResult.Missing);
            }
            db.Closures.RemoveRange(app.Closures);
            app.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
            return (app, null);
        }, ct);

    /// <summary>
    /// Checks the form, then writes it onto the application <paramref name="target"/> gives (new or the user's own),
    /// unless it answers with a refusal (not found, too many).
    /// </summary>
    private async Task<SaveResult> SaveApplicationAsync(
        ApplicationInput input, Func<FollowUpDbContext, string, Task<(JobApplication? App, SaveResult? Refused)>> target, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var owner = await currentUser.IdAsync();
        var errors = input.Parse(out var closures, out var policy);
        if (errors.Count > 0)
        {
            return SaveResult.Invalid(errors);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (app, refused) = await target(db, owner);
        if (app is null)
        {
            return refused ?? SaveResult.Missing;
        }
        var created = db.Entry(app).State == EntityState.Added;
        input.ApplyTo(app, closures, policy);
        await db.SaveChangesAsync(ct);
        await ChangedAsync(owner, app.Id, ct);
        if (created)
        {
            logger.LogInformation("Application {ApplicationId} created", app.Id);
        }
        return SaveResult.Ok(app.Id);
    }

    public async Task<bool> DeleteAsync(int id, CancellationToken ct = default)
    {
        var owner = await currentUser.IdAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // Interviews, events and closures go with it (cascade), in one statement.
        var deleted = await db.ApplicationsOf(owner).Where(a => a.Id == id).ExecuteDeleteAsync(ct);
        if (deleted > 0)
        {
            // Its reminders went with it; the listener still hears of it (the delivery wake-up is re-set).
            await ChangedAsync(owner, id, ct);
            logger.LogInformation("Application {ApplicationId} deleted", id);
        }
        return deleted > 0;
    }

    public Task<SaveResult> AddInterviewAsync(int applicationId, InterviewInput input, CancellationToken ct = default) =>
        SaveInterviewAsync(input, async (db, owner) =>
        {
            if (!await db.ApplicationsOf(owner).AnyAsync(a => a.Id == applicationId, ct))
            {
                return null;
            }
            var interview = new Interview { ApplicationId = applicationId, OwnerId = owner, CreatedAtUtc = clock.GetUtcNow().UtcDateTime };
            db.Interviews.Add(interview);
            return interview;
        }, ct);

    public async Task<Interview?> GetInterviewAsync(int interviewId, CancellationToken ct = default)
    {
        var owner = await currentUser.IdAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.InterviewsOf(owner).AsNoTracking().FirstOrDefaultAsync(i => i.Id == interviewId, ct);
    }

    public Task<SaveResult> UpdateInterviewAsync(int interviewId, InterviewInput input, CancellationToken ct = default) =>
        SaveInterviewAsync(input, (db, owner) => db.InterviewsOf(owner).FirstOrDefaultAsync(i => i.Id == interviewId, ct), ct);

    /// <summary>Checks the form, then writes it onto the interview <paramref name="find"/> gives (null: not the user's).</summary>
    private async Task<SaveResult> SaveInterviewAsync(InterviewInput input, Func<FollowUpDbContext, string, Task<Interview?>> find, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var owner = await currentUser.IdAsync();
        var errors = input.Parse(out var at, out var promiseDate);
        if (errors.Count > 0)
        {
            return SaveResult.Invalid(errors);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await find(db, owner) is not { } interview)
        {
            return SaveResult.Missing;
        }
        input.ApplyTo(interview, at, promiseDate);
        await TouchAsync(db, owner, interview.ApplicationId, ct);
        await db.SaveChangesAsync(ct);
        await ChangedAsync(owner, interview.ApplicationId, ct);
        return SaveResult.Ok(interview.Id);
    }

    public Task<bool> DeleteInterviewAsync(int interviewId, CancellationToken ct = default) =>
        DeleteRowAsync((db, owner) => db.InterviewsOf(owner).Where(i => i.Id == interviewId), i => i.ApplicationId, ct);

    public async Task<SaveResult> LogEventAsync(int applicationId, EventInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var owner = await currentUser.IdAsync();
        if (input.Validate() is { Count: > 0 } invalid)
        {
            return SaveResult.Invalid(invalid);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var app = await db.ApplicationsOf(owner).FirstOrDefaultAsync(a => a.Id == applicationId, ct);
        if (app is null)
        {
            return SaveResult.Missing;
        }
        // "Not in the future" needs the application's clock, known only now.
        var errors = input.Parse(LocalNow(app.TimeZoneId), out var at, out var newDate);
        if (errors.Count > 0)
        {
            return SaveResult.Invalid(errors);
        }
        if (await db.EventsOf(owner).CountAsync(e => e.ApplicationId == applicationId, ct) >= MaxEventsPerApplication)
        {
            return SaveResult.Invalid([new FieldError(nameof(EventInput.Kind), "Validation.TooManyEvents", MaxEventsPerApplication)]);
        }
        var record = input.ToRecord(at, newDate);
        record.ApplicationId = app.Id;
        record.OwnerId = owner;
        record.CreatedAtUtc = clock.GetUtcNow().UtcDateTime;
        db.ContactEvents.Add(record);
        app.UpdatedAtUtc = record.CreatedAtUtc;
        await db.SaveChangesAsync(ct);
        await ChangedAsync(owner, app.Id, ct);
        logger.LogInformation("Event {EventKind} logged on application {ApplicationId}", record.Kind, app.Id);
        return SaveResult.Ok(record.Id);
    }

    public Task<bool> DeleteEventAsync(int eventId, CancellationToken ct = default) =>
        DeleteRowAsync((db, owner) => db.EventsOf(owner).Where(e => e.Id == eventId), e => e.ApplicationId, ct);

    /// <summary>Deletes the user's row that <paramref name="row"/> selects and tells the listener its application changed.</summary>
    private async Task<bool> DeleteRowAsync<T>(
        Func<FollowUpDbContext, string, IQueryable<T>> row, Expression<Func<T, int>> applicationOf, CancellationToken ct)
    {
        var owner = await currentUser.IdAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var applicationId = await row(db, owner).Select(applicationOf).FirstOrDefaultAsync(ct);
        var deleted = await row(db, owner).ExecuteDeleteAsync(ct) > 0;
        await ChangedAsync(owner, applicationId, ct);
        return deleted;
    }

    /// <summary>The current wall-clock time in the application's time zone (default for new events).</summary>
    public DateTime LocalNow(string timeZoneId) => TimeZones.ToLocal(clock.GetUtcNow(), timeZoneId);

    /// <summary>Lets the reminders recompute after every write (0: the row to write was not found, nothing changed).</summary>
    private Task ChangedAsync(string owner, int applicationId, CancellationToken ct) =>
        applicationId == 0 ? Task.CompletedTask : changed.ChangedAsync(owner, applicationId, ct);

    private async Task TouchAsync(FollowUpDbContext db, string owner, int applicationId, CancellationToken ct)
    {
        var app = await db.ApplicationsOf(owner).FirstOrDefaultAsync(a => a.Id == applicationId, ct);
        if (app is not null)
        {
            app.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
        }
    }
}

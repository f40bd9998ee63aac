using FollowUp.Web.Data;
using FollowUp.Web.Features.Applications;
using FollowUp.Web.Features.NextSteps;
using FollowUp.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FollowUp.Web.Features.Profile;

/// <summary>The settings form: the calendar new applications start from and the default rules.</summary>
public sealed class DefaultsInput : CompanyCalendarInput, IValidatedInput
{
    public PolicyInput Policy { get; set; } = PolicyInput.From(PolicySettings.Recommended);

    public IReadOnlyList<FieldError> Validate() => Parse(out _);

    /// <summary>Checks the calendar and the rules (the margin against these hours); when valid, the rules.</summary>
    internal List<FieldError> Parse(out PolicySettings? policy)
    {
        var errors = new List<FieldError>();
        var calendar = ParseCalendar(errors);
        errors.AddRange(Policy.Parse(calendar, $"{nameof(Policy)}.", out policy));
        return errors;
    }

    public static DefaultsInput From(UserDefaults? row)
    {
        var input = new DefaultsInput();
        if (row is not null)
        {
            input.FillCalendarFrom(row);
            input.Policy = PolicyInput.From(row.Policy);
        }
        return input;
    }
}

/// <summary>
/// Reads and saves the signed-in user's defaults (one row, upserted) and prefills the new-application form from
/// them. Saving re-plans the reminders of every application that follows the default rules.
/// </summary>
public sealed class DefaultsService(
    IDbContextFactory<FollowUpDbContext> dbFactory,
    ICurrentUser currentUser,
    TimeProvider clock,
    ILogger<DefaultsService> logger,
    Reminders.IApplicationChanged changed)
{
    public async Task<DefaultsInput> GetAsync(CancellationToken ct = default)
    {
        var owner = await currentUser.IdAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return DefaultsInput.From(await db.DefaultsOf(owner).AsNoTracking().FirstOrDefaultAsync(ct));
    }

    /// <summary>A new application's form: the default calendar, following the default rules (shown as a starting point for custom ones).</summary>
    public async Task<ApplicationInput> NewApplicationAsync(CancellationToken ct = default)
    {
        var owner = await currentUser.IdAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.DefaultsOf(owner).AsNoTracking().FirstOrDefaultAsync(ct);
        var input = new ApplicationInput();
        if (row is not null)
        {
            input.FillCalendarFrom(row);
            input.Policy = PolicyInput.From(row.Policy);
        }
        return input;
    }

    public async Task<SaveResult> SaveAsync(DefaultsInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = input.Parse(out var policy);
        if (errors.Count > 0)
        {
            return SaveResult.Invalid(errors);
        }
        var owner = await currentUser.IdAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await StageAsync(db, owner, input, policy!, clock.GetUtcNow().UtcDateTime, ct);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Defaults saved");

        // Applications without their own rules now follow the new ones: their reminders move with them.
        await changed.ChangedAsync(owner, await FollowingDefaultsAsync(db, owner, ct), ct);
        return SaveResult.Ok(0);
    }

    /// <summary>Adds or updates the owner's defaults row in <paramref name="db"/> (saved by the caller) from a valid input.</summary>
    internal static async Task StageAsync(
        FollowUpDbContext db, string owner, DefaultsInput input, PolicySettings policy, DateTime nowUtc, CancellationToken ct)
    {
        var row = await db.DefaultsOf(owner).FirstOrDefaultAsync(ct);
        if (row is null)
        {
            row = new UserDefaults { UserId = owner };
            db.UserDefaults.Add(row);
        }
        input.ApplyCalendarTo(row);
        row.Policy = policy;
        row.UpdatedAtUtc = nowUtc;
    }

    /// <summary>The owner's applications without rules of their own (whose advice a change of defaults moves).</summary>
    internal static Task<List<int>> FollowingDefaultsAsync(FollowUpDbContext db, string owner, CancellationToken ct) =>
        db.ApplicationsOf(owner).Where(a => a.Policy == null).Select(a => a.Id).ToListAsync(ct);
}

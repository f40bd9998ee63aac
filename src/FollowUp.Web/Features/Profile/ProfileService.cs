using FollowUp.Domain.Scripts;
using FollowUp.Web.Data;
using FollowUp.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static FollowUp.Web.Data.FollowUpDbContext;

namespace FollowUp.Web.Features.Profile;

/// <summary>The profile form: what scripts and signatures say about the user.</summary>
public sealed class ProfileInput : IValidatedInput
{
    public string? FullName { get; set; }
    public string? Furigana { get; set; }
    public string? Affiliation { get; set; }
    public string? Phone { get; set; }

    /// <summary>Language for emails and reminders ("ja" or "en").</summary>
    public string Culture { get; set; } = AppCultures.Japanese;

    /// <summary>IANA time zone of the user's own clock (quiet hours, reminders).</summary>
    public string TimeZoneId { get; set; } = TimeZones.DefaultId;

    /// <summary>Zones offered in the form; Japan first. Any valid IANA id is accepted.</summary>
    public static readonly string[] CommonTimeZones =
        [TimeZones.DefaultId, "Asia/Seoul", "Asia/Shanghai", "Asia/Singapore", "Australia/Sydney", "Europe/London", "America/Los_Angeles", "America/New_York", "UTC"];

    public IReadOnlyList<FieldError> Validate()
    {
        var errors = new List<FieldError>();
        Check.Length(errors, nameof(FullName), FullName, Limits.ShortText);
        Check.Length(errors, nameof(Furigana), Furigana, Limits.ShortText);
        Check.Length(errors, nameof(Affiliation), Affiliation, Limits.ShortText);
        Check.Phone(errors, nameof(Phone), Phone);
        if (!AppCultures.IsSupported(Culture))
        {
            errors.Add(new FieldError(nameof(Culture), "Validation.Choice"));
        }
        if (!TimeZones.IsKnown(TimeZoneId))
        {
            errors.Add(new FieldError(nameof(TimeZoneId), "Validation.Choice"));
        }
        return errors;
    }
}

/// <summary>Reads and saves the signed-in user's own profile (one context per operation).</summary>
public sealed class ProfileService(IDbContextFactory<FollowUpDbContext> dbFactory, ICurrentUser currentUser)
{
    public async Task<ProfileInput> GetAsync(CancellationToken ct = default)
    {
        var id = await currentUser.IdAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var user = await db.Users.AsNoTracking().FirstAsync(u => u.Id == id, ct);
        return new ProfileInput
        {
            FullName = user.FullName, Furigana = user.Furigana, Affiliation = user.Affiliation, Phone = user.PhoneNumber,
            Culture = AppCultures.Of(user.Culture), TimeZoneId = user.TimeZoneId,
        };
    }

    /// <summary>What the scripts say about the user: the profile and the account's email address.</summary>
    public async Task<CandidateProfile> CandidateAsync(CancellationToken ct = default)
    {
        var id = await currentUser.IdAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Users.AsNoTracking().Where(u => u.Id == id)
            .Select(u => new CandidateProfile(u.FullName, u.Furigana, u.Affiliation, u.PhoneNumber, u.Email))
            .FirstAsync(ct);
    }

    public async Task<SaveResult> SaveAsync(ProfileInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = input.Validate();
        if (errors.Count > 0)
        {
            return SaveResult.Invalid(errors);
        }
        var id = await currentUser.IdAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var user = await db.Users.FirstAsync(u => u.Id == id, ct);
        user.FullName = Check.Clean(input.FullName);
        user.Furigana = Check.Clean(input.Furigana);
        user.Affiliation = Check.Clean(input.Affiliation);
        user.PhoneNumber = Check.Clean(input.Phone);
        user.Culture = input.Culture;
        user.TimeZoneId = input.TimeZoneId;
        await db.SaveChangesAsync(ct);
        return SaveResult.Ok(0);
    }
}

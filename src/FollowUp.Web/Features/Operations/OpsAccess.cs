using FollowUp.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FollowUp.Web.Features.Operations;

/// <summary>
/// Who may open the operations page and the jobs dashboard: accounts whose email is listed in
/// <c>FollowUp:Admin:Emails</c>, and members of the role <see cref="OperationsOptions.AdminRole"/> (granted with
/// <c>dotnet FollowUp.Web.dll admin grant EMAIL</c>). Nobody else, whatever the age of their account: the right
/// used to go to the oldest account and passed silently to the next one when it was deleted.
/// </summary>
public sealed class OpsAccess(IDbContextFactory<FollowUpDbContext> dbFactory, IOptions<OperationsOptions> options, IConfiguration configuration)
{
    public async Task<bool> IsAdministratorAsync(string userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var emails = ConfiguredEmails(configuration);
        if (emails.Count > 0)
        {
            var email = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.NormalizedEmail).FirstOrDefaultAsync(ct);
            if (email is not null && emails.Contains(email))
            {
                return true;
            }
        }
        var role = Normalize(options.Value.AdminRole);
        return await db.UserRoles.AnyAsync(ur => ur.UserId == userId
            && db.Roles.Any(r => r.Id == ur.RoleId && r.NormalizedName == role), ct);
    }

    /// <summary>
    /// The normalized emails in <c>FollowUp:Admin:Emails</c>: a list (<c>FollowUp__Admin__Emails__0=…</c>) or one
    /// value separated by commas, semicolons or spaces.
    /// </summary>
    public static HashSet<string> ConfiguredEmails(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection("FollowUp:Admin:Emails");
        var values = section.Value is { } single ? [single] : section.Get<string[]>() ?? [];
        return [.. values
            .SelectMany(v => v.Split([',', ';', ' ', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(Normalize)];
    }

    /// <summary>How Identity normalizes emails and role names (upper case, invariant).</summary>
    public static string Normalize(string value) => new UpperInvariantLookupNormalizer().NormalizeName(value)!;
}

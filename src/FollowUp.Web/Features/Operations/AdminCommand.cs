using FollowUp.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FollowUp.Web.Features.Operations;

/// <summary>
/// <c>dotnet FollowUp.Web.dll admin grant EMAIL | revoke EMAIL | list</c>: names the administrators of /ops in the
/// database (the role <see cref="OperationsOptions.AdminRole"/>), with the same settings as the app (data folder,
/// connection string), and exits. The account must exist: register first, then grant.
/// </summary>
public static class AdminCommand
{
    public static bool Handles(IReadOnlyList<string> args) =>
        args.Count > 0 && string.Equals(args[0], "admin", StringComparison.OrdinalIgnoreCase);

    /// <summary>Runs the command; returns the process exit code (0 done, 1 not found, 2 usage).</summary>
    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, TextWriter output, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        var role = services.GetRequiredService<IOptions<OperationsOptions>>().Value.AdminRole;
        await using var db = await services.GetRequiredService<IDbContextFactory<FollowUpDbContext>>().CreateDbContextAsync(ct);
        switch (args.Count > 1 ? args[1].ToUpperInvariant() : "")
        {
            case "LIST" when args.Count == 2:
                foreach (var email in await AdministratorsAsync(db, role, ct))
                {
                    await output.WriteLineAsync($"{email} (role {role})");
                }
                foreach (var email in OpsAccess.ConfiguredEmails(services.GetRequiredService<IConfiguration>()).Order(StringComparer.Ordinal))
                {
                    await output.WriteLineAsync($"{email.ToLowerInvariant()} (FollowUp:Admin:Emails)");
                }
                return 0;
            case "GRANT" when args.Count == 3:
                return await ChangeAsync(db, role, args[2], grant: true, output, ct);
            case "REVOKE" when args.Count == 3:
                return await ChangeAsync(db, role, args[2], grant: false, output, ct);
            default:
                await output.WriteLineAsync("Usage: dotnet FollowUp.Web.dll admin grant EMAIL | admin revoke EMAIL | admin list");
                return 2;
        }
    }

    /// <summary>The emails of the members of <paramref name="role"/>.</summary>
    public static async Task<List<string>> AdministratorsAsync(FollowUpDbContext db, string role, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var normalized = OpsAccess.Normalize(role);
        return await db.Users.AsNoTracking()
            .Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.NormalizedName == normalized)))
            .OrderBy(u => u.Email).Select(u => u.Email ?? u.Id).ToListAsync(ct);
    }

    private static async Task<int> ChangeAsync(FollowUpDbContext db, string role, string email, bool grant, TextWriter output, CancellationToken ct)
    {
        var normalizedEmail = OpsAccess.Normalize(email.Trim());
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.NormalizedEmail == normalizedEmail, ct);
        if (user is null)
        {
            await output.WriteLineAsync($"No account with the email {email.Trim()}: register it first.");
            return 1;
        }
        // Identity here stores users only (no role manager): the two role tables are written directly.
        var normalizedRole = OpsAccess.Normalize(role);
        var roleRow = await db.Roles.FirstOrDefaultAsync(r => r.NormalizedName == normalizedRole, ct);
        if (grant)
        {
            if (roleRow is null)
            {
                roleRow = new IdentityRole(role) { NormalizedName = normalizedRole };
                db.Roles.Add(roleRow);
            }
            if (!await db.UserRoles.AnyAsync(ur => ur.UserId == user.Id && ur.RoleId == roleRow.Id, ct))
            {
                db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = roleRow.Id });
            }
        }
        else if (roleRow is not null)
        {
            await db.UserRoles.Where(ur => ur.UserId == user.Id && ur.RoleId == roleRow.Id).ExecuteDeleteAsync(ct);
        }
        await db.SaveChangesAsync(ct);
        await output.WriteLineAsync($"{user.Email} {(grant ? "is now an administrator" : "is no longer an administrator")} (role {role}).");
        return 0;
    }
}

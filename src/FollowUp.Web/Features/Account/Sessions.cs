using System.Security.Claims;
using System.Security.Cryptography;
using FollowUp.Web.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.Options;

namespace FollowUp.Web.Features.Account;

/// <summary>
/// One signed-in browser (ADR 0017). A row is written when a sign-in cookie is issued and the cookie carries its id;
/// signing out deletes the row, so a copy of that cookie dies with it, while the account's other browsers stay
/// signed in. Deleting the account deletes its rows (cascade).
/// </summary>
public sealed class UserSession
{
    public const int IdLength = 43;

    /// <summary>256 random bits, base64url.</summary>
    public string Id { get; set; } = "";
    public string UserId { get; set; } = "";
    public DateTime CreatedAtUtc { get; set; }

    /// <summary>When a request last used the session (written at most once per <see cref="Sessions.TouchEvery"/>).</summary>
    public DateTime LastSeenAtUtc { get; set; }
}

internal sealed class UserSessionConfiguration : IEntityTypeConfiguration<UserSession>
{
    public void Configure(EntityTypeBuilder<UserSession> s)
    {
        s.ToTable("UserSessions");
        s.Property(x => x.Id).HasMaxLength(UserSession.IdLength);
        s.Property(x => x.UserId).IsRequired();
        s.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        s.HasIndex(x => x.UserId);
        s.HasIndex(x => x.LastSeenAtUtc);
    }
}

/// <summary>What a session check found.</summary>
public enum SessionState
{
    /// <summary>The user, the stamp and the session row are all there.</summary>
    Valid,
    /// <summary>A cookie from before sessions were written (no id) whose stamp still matches: give it a session.</summary>
    ValidWithoutSession,
    /// <summary>The account is gone, its security stamp changed, or the session was ended.</summary>
    Ended,
}

/// <summary>Starts, checks and ends sessions. One query per check; a write at most once an hour per session.</summary>
public sealed class Sessions(IDbContextFactory<FollowUpDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>Where the cookie keeps the session id (its authentication properties, which survive a refresh).</summary>
    public const string ItemKey = ".followup.session";

    /// <summary>The claim that carries the session id to a live circuit.</summary>
    public const string ClaimType = "followup:session";

    /// <summary>How stale <see cref="UserSession.LastSeenAtUtc"/> may get before a request writes it again.</summary>
    public static readonly TimeSpan TouchEvery = TimeSpan.FromHours(1);

    /// <summary>Sessions unused this long are deleted: the sign-in cookie expires after 14 idle days.</summary>
    public static readonly TimeSpan IdleLifetime = TimeSpan.FromDays(14) + TouchEvery;

    public async Task<string> StartAsync(string userId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var id = Base64Url(RandomNumberGenerator.GetBytes(32));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.Add(new UserSession { Id = id, UserId = userId, CreatedAtUtc = now, LastSeenAtUtc = now });
        await db.SaveChangesAsync(ct);
        return id;
    }

    /// <summary>Whether the cookie's user, security stamp and session are still current.</summary>
    public async Task<SessionState> CheckAsync(string userId, string? sessionId, string? stamp, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new
            {
                u.SecurityStamp,
                Seen = db.Set<UserSession>().Where(s => s.Id == sessionId && s.UserId == u.Id).Select(s => (DateTime?)s.LastSeenAtUtc).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(ct);
        if (row is null || !string.Equals(row.SecurityStamp, stamp, StringComparison.Ordinal))
        {
            if (row is not null && sessionId is not null)
            {
                await db.Set<UserSession>().Where(s => s.Id == sessionId).ExecuteDeleteAsync(ct);
            }
            return SessionState.Ended;
        }
        if (sessionId is null)
        {
            return SessionState.ValidWithoutSession;
        }
        if (row.Seen is not { } seen)
        {
            return SessionState.Ended;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        if (now - seen > TouchEvery)
        {
            await db.Set<UserSession>().Where(s => s.Id == sessionId)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.LastSeenAtUtc, now), ct);
        }
        return SessionState.Valid;
    }

    public async Task EndAsync(string? sessionId, CancellationToken ct = default)
    {
        if (sessionId is null)
        {
            return;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.Set<UserSession>().Where(s => s.Id == sessionId).ExecuteDeleteAsync(ct);
    }

    public async Task EndAllAsync(string userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.Set<UserSession>().Where(s => s.UserId == userId).ExecuteDeleteAsync(ct);
    }

    /// <summary>Deletes sessions unused for longer than a cookie lives; returns how many.</summary>
    public async Task<int> PruneAsync(CancellationToken ct = default)
    {
        var cutoff = clock.GetUtcNow().UtcDateTime - IdleLifetime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<UserSession>().Where(s => s.LastSeenAtUtc < cutoff).ExecuteDeleteAsync(ct);
    }

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>
/// The sign-in cookie's side of <see cref="Sessions"/>: every cookie issued starts a session, and every request that
/// carries one checks the user, the security stamp and the session (one indexed query) before anything reads the
/// user's data. A cookie that fails is signed out (removed) and the request goes on anonymous, so private pages send
/// it to sign in. This replaces Identity's security-stamp validator, which looked only every 30 minutes.
/// </summary>
public static class SessionCookie
{
    public static async Task SigningInAsync(CookieSigningInContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Principal?.Identity is not ClaimsIdentity identity || identity.FindFirst(ClaimTypes.NameIdentifier)?.Value is not { } userId)
        {
            return;
        }
        // A refresh (after a password change) keeps its session; a new sign-in starts one.
        if (!context.Properties.Items.TryGetValue(Sessions.ItemKey, out var id) || id is null)
        {
            id = await context.HttpContext.RequestServices.GetRequiredService<Sessions>().StartAsync(userId, context.HttpContext.RequestAborted);
            context.Properties.Items[Sessions.ItemKey] = id;
        }
        SetClaim(identity, id);
    }

    public static async Task ValidatePrincipalAsync(CookieValidatePrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var http = context.HttpContext;
        var identity = context.Principal?.Identity as ClaimsIdentity;
        var userId = identity?.FindFirst(ClaimTypes.NameIdentifier)?.Value;
        var stampType = http.RequestServices.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        var stamp = identity?.FindFirst(stampType)?.Value;
        context.Properties.Items.TryGetValue(Sessions.ItemKey, out var sessionId);
        var sessions = http.RequestServices.GetRequiredService<Sessions>();
        var state = userId is null ? SessionState.Ended : await sessions.CheckAsync(userId, sessionId, stamp, http.RequestAborted);
        switch (state)
        {
            case SessionState.Ended:
                context.RejectPrincipal();
                await http.SignOutAsync(IdentityConstants.ApplicationScheme);
                http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SessionCookie))
                    .LogInformation("A sign-in cookie of an ended session was signed out");
                return;
            case SessionState.ValidWithoutSession:
                // Issued before sessions existed: it becomes a session now, and the renewed cookie carries its id.
                var id = await sessions.StartAsync(userId!, http.RequestAborted);
                context.Properties.Items[Sessions.ItemKey] = id;
                SetClaim(identity!, id);
                context.ShouldRenew = true;
                return;
        }
    }

    /// <summary>The session id of a signed-in principal (from its claim).</summary>
    public static string? SessionOf(ClaimsPrincipal? user) => user?.FindFirst(Sessions.ClaimType)?.Value;

    private static void SetClaim(ClaimsIdentity identity, string id)
    {
        foreach (var old in identity.FindAll(Sessions.ClaimType).ToList())
        {
            identity.RemoveClaim(old);
        }
        identity.AddClaim(new Claim(Sessions.ClaimType, id));
    }
}

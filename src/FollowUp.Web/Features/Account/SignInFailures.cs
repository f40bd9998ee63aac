using System.Security.Cryptography;
using System.Text;
using FollowUp.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FollowUp.Web.Features.Account;

/// <summary>
/// Failed sign-ins of one email from one client address within the current window (ADR 0018), as a row.
/// </summary>
public sealed class SignInFailure
{
    /// <summary>
    /// SHA-256 (hex) of the email as Identity normalizes it and the client's address (<see cref="SignInService.FailureKey"/>):
    /// a fixed length whatever was typed, and no email or address stored in the clear.
    /// </summary>
    public string Key { get; set; } = "";

    /// <summary>Failures since the window began.</summary>
    public int Count { get; set; }

    /// <summary>When the window that began with the first failure ends; after it the count starts again.</summary>
    public DateTime WindowEndsUtc { get; set; }
}

internal sealed class SignInFailureConfiguration : IEntityTypeConfiguration<SignInFailure>
{
    public void Configure(EntityTypeBuilder<SignInFailure> f)
    {
        f.ToTable("SignInFailures");
        f.HasKey(x => x.Key);
        f.Property(x => x.Key).HasMaxLength(64);
        f.HasIndex(x => x.WindowEndsUtc);
    }
}

/// <summary>
/// The failure counts behind the sign-in lockout, kept in the database so that every app node counts the same
/// failures (ADR 0021): in memory, N nodes behind a proxy allowed N times the tries. Each change is one statement
/// (an increment inside the window, a restart after it, or a first row), so nodes racing on one key lose no failure.
/// </summary>
public sealed class SignInFailures(IDbContextFactory<FollowUpDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>How many failures <paramref name="key"/> has in its current window (0 when none or after it).</summary>
    public async Task<int> CountAsync(string key, CancellationToken ct = default)
    {
        key = Hashed(key);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<SignInFailure>().Where(f => f.Key == key && f.WindowEndsUtc > now).Select(f => f.Count).FirstOrDefaultAsync(ct);
    }

    /// <summary>Counts one more failure; the first one of a window starts it, <paramref name="window"/> long.</summary>
    public async Task FailAsync(string key, TimeSpan window, CancellationToken ct = default)
    {
        key = Hashed(key);
        var now = clock.GetUtcNow().UtcDateTime;
        var ends = now + window;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = db.Set<SignInFailure>();
        for (var attempt = 1; ; attempt++)
        {
            if (await rows.Where(f => f.Key == key && f.WindowEndsUtc > now)
                    .ExecuteUpdateAsync(s => s.SetProperty(f => f.Count, f => f.Count + 1), ct) > 0
                || await rows.Where(f => f.Key == key && f.WindowEndsUtc <= now)
                    .ExecuteUpdateAsync(s => s.SetProperty(f => f.Count, 1).SetProperty(f => f.WindowEndsUtc, ends), ct) > 0)
            {
                return;
            }
            try
            {
                rows.Add(new SignInFailure { Key = key, Count = 1, WindowEndsUtc = ends });
                await db.SaveChangesAsync(ct);
                return;
            }
            catch (DbUpdateException) when (attempt == 1)
            {
                // Another node wrote the first row of this key a moment ago: count on it.
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>Forgets the failures of <paramref name="key"/> (after a successful sign-in).</summary>
    public async Task ClearAsync(string key, CancellationToken ct = default)
    {
        key = Hashed(key);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.Set<SignInFailure>().Where(f => f.Key == key).ExecuteDeleteAsync(ct);
    }

    private static string Hashed(string key) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>Deletes the rows whose window has ended (the hourly prune job); returns how many.</summary>
    public async Task<int> PruneAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<SignInFailure>().Where(f => f.WindowEndsUtc <= now).ExecuteDeleteAsync(ct);
    }
}

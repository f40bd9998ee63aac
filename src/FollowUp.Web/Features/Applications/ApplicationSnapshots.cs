using System.Collections.Immutable;
using FollowUp.Web.Data;
using FollowUp.Web.Features.NextSteps;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace FollowUp.Web.Features.Applications;

/// <summary>One application as the lists need it, with the rules' inputs prepared. Immutable.</summary>
/// <param name="Id">The application's id.</param>
/// <param name="Company">Company name.</param>
/// <param name="Position">Position, if given.</param>
/// <param name="Route">Direct or through an agency.</param>
/// <param name="AgencyName">The agency, for agency routes.</param>
/// <param name="LatestInterviewAt">When the latest interview is (local time), if any.</param>
/// <param name="EventCount">How many events the application has.</param>
/// <param name="UpdatedAtUtc">Last change.</param>
/// <param name="IsSample">Whether it came from "try with sample data".</param>
/// <param name="Inputs">What the rules need.</param>
public sealed record ApplicationEntry(
    int Id, string Company, string? Position, Domain.Applications.ApplicationRoute Route, string? AgencyName,
    DateTime? LatestInterviewAt, int EventCount, DateTime UpdatedAtUtc, bool IsSample, AdviceInputs Inputs);

/// <summary>A user's applications as read at one data version.</summary>
/// <param name="Version">The user's <see cref="DataVersion"/> when read (0 before the first write).</param>
/// <param name="Entries">The applications, in id order.</param>
public sealed record ApplicationSnapshot(long Version, ImmutableArray<ApplicationEntry> Entries);

/// <summary>Size of the snapshot cache (<c>FollowUp:Performance</c>).</summary>
public sealed class SnapshotCacheOptions
{
    /// <summary>Most rows (applications + interviews + events) kept across all users; 0 turns the cache off.</summary>
    public int SnapshotCacheRows { get; set; } = 200_000;

    /// <summary>A user's snapshot is dropped after this long without a read.</summary>
    public TimeSpan SnapshotIdle { get; set; } = TimeSpan.FromMinutes(10);
}

/// <summary>
/// Reads a user's applications, interviews and events for the lists (Today, Applications), and keeps the
/// result in memory keyed by the user's data version. Every read costs one small query for the version;
/// the four list queries run only when something was written since (database triggers raise the version
/// on any write, by any code path or process). Lists are per user, so a snapshot never crosses owners.
/// See ADR 0011.
/// </summary>
public sealed class ApplicationSnapshots(
    IDbContextFactory<FollowUpDbContext> dbFactory,
    Microsoft.Extensions.Options.IOptions<SnapshotCacheOptions> options) : IDisposable
{
    private readonly SnapshotCacheOptions _options = options.Value;
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = Math.Max(1, options.Value.SnapshotCacheRows) });

    /// <summary>The snapshot of <paramref name="ownerId"/>'s data as of now.</summary>
    public async Task<ApplicationSnapshot> GetAsync(string ownerId, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(ownerId);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var version = await VersionAsync(db, ownerId, ct);
        if (_cache.TryGetValue(ownerId, out ApplicationSnapshot? cached) && cached!.Version == version)
        {
            return cached;
        }

        // Read the version again inside the transaction with the rows, so the pair is one consistent
        // snapshot of the database (a write between the two reads only makes the next read miss).
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        version = await VersionAsync(db, ownerId, ct);
        var snapshot = await LoadAsync(db, ownerId, version, ct);
        await tx.CommitAsync(ct);
        if (_options.SnapshotCacheRows > 0)
        {
            var rows = snapshot.Entries.Length + snapshot.Entries.Sum(e => e.EventCount + (e.Inputs.Interview is null ? 0 : 1));
            _cache.Set(ownerId, snapshot, new MemoryCacheEntryOptions { Size = Math.Max(1, rows), SlidingExpiration = _options.SnapshotIdle });
        }
        return snapshot;
    }

    private static Task<long> VersionAsync(FollowUpDbContext db, string ownerId, CancellationToken ct) =>
        db.DataVersions.OwnedBy(ownerId).Select(v => v.Version).FirstOrDefaultAsync(ct);

    /// <summary>Four queries whatever the number of applications: applications (with the user's default
    /// rules), closures, interviews, events.</summary>
    private static async Task<ApplicationSnapshot> LoadAsync(FollowUpDbContext db, string owner, long version, CancellationToken ct)
    {
        // The default rides along as an uncorrelated subquery: SQLite evaluates it once, and no fifth command is sent.
        var defaults = db.DefaultsOf(owner);
        var rows = await db.ApplicationsOf(owner).AsNoTracking().OrderBy(a => a.Id)
            .Select(a => new { App = a, Default = defaults.Select(d => d.Policy).FirstOrDefault() })
            .ToListAsync(ct);
        var apps = rows.ConvertAll(r => r.App);
        var userDefault = rows.Count > 0 ? rows[0].Default : null;
        var closures = (await db.ClosuresOf(owner).AsNoTracking().ToListAsync(ct))
            .ToLookup(c => c.ApplicationId);
        var interviews = (await db.InterviewsOf(owner).AsNoTracking().ToListAsync(ct)).ToLookup(i => i.ApplicationId);
        var events = (await db.EventsOf(owner).AsNoTracking().ToListAsync(ct)).ToLookup(e => e.ApplicationId);
        return new ApplicationSnapshot(version, [.. apps.Select(a =>
        {
            a.Closures = [.. closures[a.Id]];
            return new ApplicationEntry(
                a.Id, a.Company, a.Position, a.Route, a.AgencyName,
                interviews[a.Id].Max(i => (DateTime?)i.At), events[a.Id].Count(), a.UpdatedAtUtc, a.IsSample,
                AdviceInputs.From(a, interviews[a.Id], events[a.Id], PolicySettings.Effective(a.Policy, userDefault)));
        })]);
    }

    public void Dispose() => _cache.Dispose();
}

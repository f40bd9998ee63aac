using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace FollowUp.Web.Data;

/// <summary>
/// The app's database. Every table below the user carries <c>OwnerId</c> (or hangs off an
/// application that does) so each query can be scoped to its owner; see <see cref="OwnedQueries"/>.
/// The SQLite model and migrations belong to this type; <see cref="Postgres.PostgresFollowUpDbContext"/> adds
/// PostgreSQL's (ADR 0021).
/// </summary>
public class FollowUpDbContext : IdentityDbContext<AppUser>
{
    public FollowUpDbContext(DbContextOptions<FollowUpDbContext> options)
        : base(options)
    {
    }

    /// <summary>For a provider's own context type (its migrations are found by that type).</summary>
    protected FollowUpDbContext(DbContextOptions options)
        : base(options)
    {
    }

    /// <summary>Upper bounds on text columns, shared by validation and the schema.</summary>
    public static class Limits
    {
        public const int ShortText = 200;
        public const int Phone = 40;
        public const int Email = 254;
        public const int Note = 4000;
    }

    public DbSet<JobApplication> Applications => Set<JobApplication>();
    public DbSet<Interview> Interviews => Set<Interview>();
    public DbSet<ContactEventRecord> ContactEvents => Set<ContactEventRecord>();
    public DbSet<ClosureRange> Closures => Set<ClosureRange>();
    public DbSet<DataVersion> DataVersions => Set<DataVersion>();
    public DbSet<UserDefaults> UserDefaults => Set<UserDefaults>();
    public DbSet<ScriptAnswersRecord> ScriptAnswers => Set<ScriptAnswersRecord>();
    public DbSet<ScriptDraftRecord> ScriptDrafts => Set<ScriptDraftRecord>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        base.OnModelCreating(builder);

        // One IEntityTypeConfiguration per entity: the shared ones in Data/, a feature's own
        // tables beside their entities in the feature's folder. The data layer names no feature.
        builder.ApplyConfigurationsFromAssembly(typeof(FollowUpDbContext).Assembly);
    }
}

/// <summary>
/// For <c>dotnet ef migrations add X --context FollowUpDbContext</c>: the SQLite model. Without it the tools took the
/// PostgreSQL design-time factory for this type too (its context derives from this one) and wrote a second PostgreSQL
/// migration instead of the SQLite one.
/// </summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<FollowUpDbContext>
{
    public FollowUpDbContext CreateDbContext(string[] args) => new(
        new DbContextOptionsBuilder<FollowUpDbContext>()
            .UseSqlite("Data Source=followup_design.db")
            .Options);
}

/// <summary>A row that belongs to one user: every query of it starts from <see cref="OwnedQueries.OwnedBy{T}"/>.</summary>
public interface IOwnedRow
{
    /// <summary>The user the row belongs to.</summary>
    string OwnerId { get; }
}

/// <summary>The only way the app reads owned rows: every query starts from the owner.</summary>
public static class OwnedQueries
{
    /// <summary>The rows of <paramref name="rows"/> that belong to <paramref name="ownerId"/>.</summary>
    public static IQueryable<T> OwnedBy<T>(this IQueryable<T> rows, string ownerId)
        where T : class, IOwnedRow
    {
        ArgumentNullException.ThrowIfNull(rows);
        return rows.Where(r => r.OwnerId == ownerId);
    }

    public static IQueryable<JobApplication> ApplicationsOf(this FollowUpDbContext db, string ownerId) =>
        Of<JobApplication>(db, ownerId);

    /// <summary>The user's defaults row (zero or one).</summary>
    public static IQueryable<UserDefaults> DefaultsOf(this FollowUpDbContext db, string ownerId)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.UserDefaults.Where(d => d.UserId == ownerId);
    }

    /// <summary>The user's default rules; null when they never saved any (the recommended ones apply).</summary>
    public static Task<PolicySettings?> DefaultPolicyOfAsync(this FollowUpDbContext db, string ownerId, CancellationToken ct = default) =>
        db.DefaultsOf(ownerId).AsNoTracking().Select(d => (PolicySettings?)d.Policy).FirstOrDefaultAsync(ct);

    public static IQueryable<Interview> InterviewsOf(this FollowUpDbContext db, string ownerId) =>
        Of<Interview>(db, ownerId);

    /// <summary>The user's script answers (one row per application they answered for).</summary>
    public static IQueryable<ScriptAnswersRecord> ScriptAnswersOf(this FollowUpDbContext db, string ownerId) =>
        Of<ScriptAnswersRecord>(db, ownerId);

    /// <summary>The user's edited scripts.</summary>
    public static IQueryable<ScriptDraftRecord> ScriptDraftsOf(this FollowUpDbContext db, string ownerId) =>
        Of<ScriptDraftRecord>(db, ownerId);

    public static IQueryable<ContactEventRecord> EventsOf(this FollowUpDbContext db, string ownerId) =>
        Of<ContactEventRecord>(db, ownerId);

    /// <summary>The closures of the user's applications (a closure row carries no owner of its own).</summary>
    public static IQueryable<ClosureRange> ClosuresOf(this FollowUpDbContext db, string ownerId)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Closures.Where(c => db.Applications.Any(a => a.Id == c.ApplicationId && a.OwnerId == ownerId));
    }

    private static IQueryable<T> Of<T>(FollowUpDbContext db, string ownerId)
        where T : class, IOwnedRow
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Set<T>().OwnedBy(ownerId);
    }
}

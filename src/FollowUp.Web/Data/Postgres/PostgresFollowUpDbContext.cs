using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace FollowUp.Web.Data.Postgres;

/// <summary>
/// The app's database on PostgreSQL (ADR 0021): the same model as <see cref="FollowUpDbContext"/>, its own migrations
/// (this folder, found by this type), and the data-protection key ring, which every node must share.
/// </summary>
public sealed class PostgresFollowUpDbContext(DbContextOptions<PostgresFollowUpDbContext> options)
    : FollowUpDbContext(options), IDataProtectionKeyContext
{
    /// <summary>The data-protection keys of every node (a cookie issued by one is read by all).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        base.ConfigureConventions(configurationBuilder);
        // The app's DateTimes are wall-clock times (ADR 0006) or UTC by name (…Utc), as SQLite stored them: no zone.
        configurationBuilder.Properties<DateTime>()
            .HaveColumnType("timestamp without time zone")
            .HaveConversion<UnspecifiedKind>();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        base.OnModelCreating(builder);
        builder.Entity<DataProtectionKey>().ToTable("DataProtectionKeys");
    }

    /// <summary>Stores a DateTime's wall value whatever its kind (Npgsql refuses a UTC one for a column without zone).</summary>
    internal sealed class UnspecifiedKind() : ValueConverter<DateTime, DateTime>(
        v => DateTime.SpecifyKind(v, DateTimeKind.Unspecified),
        v => DateTime.SpecifyKind(v, DateTimeKind.Unspecified));
}

/// <summary>
/// For <c>dotnet ef migrations add X --context PostgresFollowUpDbContext --output-dir Data/Postgres/Migrations</c>:
/// making a migration needs no server.
/// </summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresFollowUpDbContext>
{
    public PostgresFollowUpDbContext CreateDbContext(string[] args) => new(
        new DbContextOptionsBuilder<PostgresFollowUpDbContext>()
            .UseNpgsql("Host=127.0.0.1;Database=followup_design")
            .Options);
}

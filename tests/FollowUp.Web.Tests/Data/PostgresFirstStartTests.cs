using FollowUp.Web.Data.Postgres;
using FollowUp.Web.Infrastructure;
using FollowUp.Web.Tests.Infrastructure;
using FollowUp.Web.Tests.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace FollowUp.Web.Tests.Data;

/// <summary>
/// The first start on an empty PostgreSQL database, as an operator sees it: the schema is made and the log holds no
/// error (EF Core used to log its read of the not-yet-made migrations history as a failed command), also when two
/// nodes start at the same moment. Needs the PostgreSQL server of ./test.sh in either pass.
/// </summary>
public sealed class PostgresFirstStartTests
{
    [Fact]
    public async Task Two_nodes_migrating_an_empty_database_at_once_make_the_schema_and_log_no_error()
    {
        using var database = TestDatabase.CreatePostgres();
        var logs = new LogCollector();
        using var loggers = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Information));
        PostgresFollowUpDbContext Context() => new(new DbContextOptionsBuilder<PostgresFollowUpDbContext>()
            .UseNpgsql(database.ConnectionString).UseLoggerFactory(loggers).Options);

        using var start = new Barrier(2);
        await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
        {
            using var db = Context();
            start.SignalAndWait(TimeSpan.FromSeconds(30));
            DataSetup.Migrate(db);
        })));

        await using var check = Context();
        Assert.Empty(await check.Database.GetPendingMigrationsAsync());
        Assert.Equal(0, await check.Applications.CountAsync());
        // The log did see the migrations run: the assertion below is not passing on an empty log.
        Assert.Contains(logs.Entries, e => e.Message.Contains("CREATE TABLE", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Entries, e => e.Level >= LogLevel.Error);
    }
}

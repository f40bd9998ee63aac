using System.Data.Common;
using FollowUp.Domain.Advice;
using FollowUp.Web.Data;
using FollowUp.Web.Features.Applications;
using FollowUp.Web.Infrastructure;
using FollowUp.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FollowUp.Web.Tests.Performance;

/// <summary>
/// The applications list costs the same number of SQL commands for 10 applications as for 200 (no N+1), and a
/// list with nothing written since the last one costs a single command (the data-version check).
/// </summary>
public sealed class ListQueryCountTests(FollowUpAppFactory app, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<FollowUpAppFactory>
{
    [Fact]
    public async Task Listing_10_or_200_applications_runs_the_same_number_of_sql_commands()
    {
        var few = await app.CreateUserAsync("ten@example.jp");
        var many = await app.CreateUserAsync("two-hundred@example.jp");
        await AddApplicationsAsync(few, 10);
        await AddApplicationsAsync(many, 200);

        // Each with its own (empty) snapshot cache, so both lists read the rows.
        var (fewService, fewCounter) = Create(few);
        var (manyService, manyCounter) = Create(many);
        var fewRows = (await fewService.ListAsync()).Count;
        var manyRows = (await manyService.ListAsync()).Count;

        output.WriteLine($"SQL commands per list: {fewCounter.Count} for {fewRows} applications, {manyCounter.Count} for {manyRows}: {string.Join(", ", manyCounter.Tables)}");
        Assert.Equal(10, fewRows);
        Assert.Equal(200, manyRows);
        // The data version, then in one transaction the version again, the applications (the first table the query
        // names is the owner's default rules, joined to them), their closures, interviews and events: the six
        // commands docs/performance.md and ADR 0011 give.
        Assert.Equal(["DataVersions", "DataVersions", "UserDefaults", "ApplicationClosures", "Interviews", "ContactEvents"], manyCounter.Tables);
        Assert.Equal(fewCounter.Tables, manyCounter.Tables);
    }

    [Fact]
    public async Task A_second_list_with_nothing_written_costs_one_command_and_any_write_is_seen()
    {
        var owner = await app.CreateUserAsync("cached@example.jp");
        await AddApplicationsAsync(owner, 20);
        var (service, counter) = Create(owner);

        Assert.Equal(20, (await service.ListAsync()).Count);
        var first = counter.Count;
        Assert.Equal(20, (await service.ListAsync()).Count);
        var second = counter.Count - first;
        output.WriteLine($"SQL commands: {first} for the first list, {second} for the second");
        Assert.True(first > 1, $"the first list read the rows ({first} commands)");
        Assert.Equal(1, second);

        // Written behind the service's back, with no notification of any kind: the database triggers still
        // raise the owner's version, so the next list reads the change.
        await using (var db = app.CreateDbContext())
        {
            var renamed = await db.Applications.Where(a => a.OwnerId == owner).OrderBy(a => a.Id).FirstAsync();
            renamed.Company = "名前を変えた会社";
            db.ContactEvents.Add(new ContactEventRecord
            {
                OwnerId = owner, ApplicationId = renamed.Id, Kind = ContactEventKind.ThankYouSkipped,
                At = new DateTime(2026, 11, 21, 9, 0, 0), CreatedAtUtc = app.Clock.GetUtcNow().UtcDateTime,
            });
            await db.SaveChangesAsync();
        }
        var beforeWrite = counter.Count;
        var rows = await service.ListAsync();
        var changed = Assert.Single(rows, r => r.Company == "名前を変えた会社");
        Assert.Equal(3, changed.EventCount);
        Assert.Equal(6, counter.Count - beforeWrite); // after a write: the same six as a first list
    }

    /// <summary>A service whose every SQL command (its own and its snapshot cache's) is counted.</summary>
    private (ApplicationService Service, CommandCounter Counter) Create(string owner)
    {
        var counter = new CommandCounter();
        var options = new DbContextOptionsBuilder<FollowUpDbContext>()
            .UseSqlite(app.Services.GetRequiredService<DataLocation>().ConnectionString)
            .AddInterceptors(counter)
            .Options;
        var factory = new Factory(options);
        var snapshots = new ApplicationSnapshots(factory, Options.Create(new SnapshotCacheOptions()));
        return (new ApplicationService(factory, snapshots, new TestCurrentUser(owner), app.Clock, NullLogger<ApplicationService>.Instance,
            new Reminders.RecordingChanges()), counter);
    }

    /// <summary>
    /// Applications with a closure, an interview and two events each, inserted directly (fast); the owner has
    /// default rules and every other application its own, so both ways of finding the rules are counted.
    /// </summary>
    private async Task AddApplicationsAsync(string owner, int count)
    {
        await using var db = app.CreateDbContext();
        var now = app.Clock.GetUtcNow().UtcDateTime;
        db.UserDefaults.Add(new UserDefaults { UserId = owner, Policy = PolicySettings.Recommended with { InquiryGraceBusinessDays = 5 }, UpdatedAtUtc = now });
        for (var i = 0; i < count; i++)
        {
            var application = new JobApplication
            {
                OwnerId = owner, Company = $"会社{i}", CreatedAtUtc = now, UpdatedAtUtc = now,
                Policy = i % 2 == 0 ? null : PolicySettings.Recommended with { MaxCallAttempts = 2 },
            };
            application.Closures.Add(new ClosureRange { From = new DateOnly(2026, 12, 1), To = new DateOnly(2026, 12, 2) });
            application.Interviews.Add(new Interview
            {
                OwnerId = owner, At = new DateTime(2026, 11, 20, 10, 0, 0), PromiseKind = ReplyPromiseKind.WithinBusinessDays,
                PromiseCount = 3, CreatedAtUtc = now,
            });
            application.Events.Add(new ContactEventRecord { OwnerId = owner, Kind = ContactEventKind.ThankYouSkipped, At = new DateTime(2026, 11, 20, 18, 0, 0), CreatedAtUtc = now });
            application.Events.Add(new ContactEventRecord
            {
                OwnerId = owner, Kind = ContactEventKind.MissedCall, At = new DateTime(2026, 11, 24, 9, 30, 0),
                Voicemail = Domain.Events.VoicemailKind.CallBack, CreatedAtUtc = now,
            });
            db.Applications.Add(application);
        }
        await db.SaveChangesAsync();
    }

    private sealed class Factory(DbContextOptions<FollowUpDbContext> options) : IDbContextFactory<FollowUpDbContext>
    {
        public FollowUpDbContext CreateDbContext() => new(options);
    }

    /// <summary>Counts every command EF sends (queries, scalars, non-queries) and keeps the table each reads first.</summary>
    private sealed class CommandCounter : DbCommandInterceptor
    {
        private readonly List<string> _tables = [];
        private int _count;

        public int Count => Volatile.Read(ref _count);

        /// <summary>The first table each command names, in order (what the test output shows).</summary>
        public IReadOnlyList<string> Tables
        {
            get
            {
                lock (_tables)
                {
                    return [.. _tables];
                }
            }
        }

        private void Add(DbCommand command)
        {
            Interlocked.Increment(ref _count);
            var text = command.CommandText;
            var from = text.IndexOf("FROM \"", StringComparison.Ordinal);
            var name = from < 0 ? text.Split(' ', 2)[0] : text[(from + 6)..text.IndexOf('"', from + 6)];
            lock (_tables)
            {
                _tables.Add(name);
            }
        }

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            Add(command);
            return result;
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Add(command);
            return ValueTask.FromResult(result);
        }

        public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
        {
            Add(command);
            return result;
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Add(command);
            return ValueTask.FromResult(result);
        }

        public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
        {
            Add(command);
            return result;
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Add(command);
            return ValueTask.FromResult(result);
        }
    }
}

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

namespace FollowUp.Web.Tests.Performance;

/// <summary>The applications list costs the same number of SQL commands for 10 applications as for 200 (no N+1).</summary>
public sealed class ListQueryCountTests(FollowUpAppFactory app, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<FollowUpAppFactory>
{
    [Fact]
    public async Task Listing_10_or_200_applications_runs_the_same_number_of_sql_commands()
    {
        var few = await app.CreateUserAsync("ten@example.jp");
        var many = await app.CreateUserAsync("two-hundred@example.jp");
        await AddApplicationsAsync(few, 10);
        await AddApplicationsAsync(many, 200);

        var (fewRows, fewCommands) = await ListCountingAsync(few);
        var (manyRows, manyCommands) = await ListCountingAsync(many);

        output.WriteLine($"SQL commands per list: {fewCommands} for {fewRows} applications, {manyCommands} for {manyRows}");
        Assert.Equal(10, fewRows);
        Assert.Equal(200, manyRows);
        Assert.Equal(fewCommands, manyCommands);
        Assert.InRange(manyCommands, 1, 4);
    }

    private async Task<(int Rows, int Commands)> ListCountingAsync(string owner)
    {
        var counter = new CommandCounter();
        var options = new DbContextOptionsBuilder<FollowUpDbContext>()
            .UseSqlite(app.Services.GetRequiredService<DataLocation>().ConnectionString)
            .ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning))
            .AddInterceptors(counter)
            .Options;
        var service = new ApplicationService(new Factory(options), new TestCurrentUser(owner), app.Clock, NullLogger<ApplicationService>.Instance);
        var rows = await service.ListAsync();
        return (rows.Count, counter.Count);
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

    /// <summary>Counts every command EF sends (queries, scalars, non-queries).</summary>
    private sealed class CommandCounter : DbCommandInterceptor
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            Interlocked.Increment(ref _count);
            return result;
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _count);
            return ValueTask.FromResult(result);
        }

        public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
        {
            Interlocked.Increment(ref _count);
            return result;
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _count);
            return ValueTask.FromResult(result);
        }

        public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
        {
            Interlocked.Increment(ref _count);
            return result;
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _count);
            return ValueTask.FromResult(result);
        }
    }
}

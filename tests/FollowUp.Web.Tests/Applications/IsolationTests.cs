using System.Net;
using FollowUp.Domain.Advice;
using FollowUp.Domain.Events;
using FollowUp.Web.Data;
using FollowUp.Web.Features.Applications;
using FollowUp.Web.Infrastructure;
using FollowUp.Web.Tests.Infrastructure;

namespace FollowUp.Web.Tests.Applications;

/// <summary>
/// Two users on one database: B, knowing (forging) A's ids, can neither read, change nor delete A's
/// application, interviews or events, through the service or by URL; and A's rows stay byte-for-byte the same.
/// </summary>
[Trait("Database", "Both")]
public sealed class IsolationTests(FollowUpAppFactory app) : IClassFixture<FollowUpAppFactory>
{
    private const string CompanyA = "株式会社エーの秘密";

    [Fact]
    public async Task B_cannot_read_change_or_delete_As_rows_through_the_service_by_forged_ids()
    {
        var a = await app.CreateUserAsync("a-service@example.jp");
        var b = await app.CreateUserAsync("b-service@example.jp");
        var asA = app.ServiceFor(a);
        var asB = app.ServiceFor(b);
        var seeded = await Seed.ApplicationWithHistoryAsync(asA, CompanyA);
        var before = await Seed.SnapshotOfAsync(app, a);
        app.Clock.Advance(TimeSpan.FromHours(1));

        // Read
        Assert.Null(await asB.GetAsync(seeded.ApplicationId));
        Assert.Null(await asB.GetInterviewAsync(seeded.InterviewId));
        Assert.Empty(await asB.ListAsync());

        // Change
        AssertNotFound(await asB.UpdateAsync(seeded.ApplicationId, Seed.Application("乗っ取り株式会社")));
        AssertNotFound(await asB.UpdateInterviewAsync(seeded.InterviewId, new InterviewInput
        {
            Date = "2026-11-21", Time = "15:00", PromiseKind = ReplyPromiseKind.WithinDays, PromiseCount = 1, Notes = "改ざん",
        }));
        AssertNotFound(await asB.AddInterviewAsync(seeded.ApplicationId, Seed.Interview()));
        AssertNotFound(await asB.LogEventAsync(seeded.ApplicationId, Seed.MissedCall()));
        AssertNotFound(await asB.LogEventAsync(seeded.ApplicationId, new EventInput
        {
            Kind = ContactEventKind.Result, Date = "2026-11-25", Time = "09:00", ResultOutcome = ResultOutcome.Rejected,
        }));

        // Delete
        Assert.False(await asB.DeleteEventAsync(seeded.EventId));
        Assert.False(await asB.DeleteInterviewAsync(seeded.InterviewId));
        Assert.False(await asB.DeleteAsync(seeded.ApplicationId));

        // A's rows are exactly as they were, B has nothing, and A still sees everything.
        Assert.Equal(before, await Seed.SnapshotOfAsync(app, a));
        Assert.Equal(new RowCounts(1, 0, 0, 0, 0), await app.CountRowsOfAsync(b));
        var detail = await asA.GetAsync(seeded.ApplicationId);
        Assert.NotNull(detail);
        Assert.Equal(CompanyA, detail!.Application.Company);
        Assert.Single(detail.Interviews);
        Assert.Single(detail.Events);
        Assert.Single(detail.Application.Closures);
        Assert.Single(await asA.ListAsync());
    }

    [Fact]
    public async Task B_cannot_hang_rows_on_As_application_from_Bs_own_application()
    {
        var a = await app.CreateUserAsync("a-mixed@example.jp");
        var b = await app.CreateUserAsync("b-mixed@example.jp");
        var seededA = await Seed.ApplicationWithHistoryAsync(app.ServiceFor(a), CompanyA);
        var seededB = await Seed.ApplicationWithHistoryAsync(app.ServiceFor(b), "株式会社ビー");
        var before = await Seed.SnapshotOfAsync(app, a);
        var asB = app.ServiceFor(b);

        // B's own rows work, A's ids (even next to B's) do not.
        Assert.NotNull(await asB.GetAsync(seededB.ApplicationId));
        Assert.Null(await asB.GetAsync(seededA.ApplicationId));
        var list = await asB.ListAsync();
        Assert.Equal([seededB.ApplicationId], list.Select(s => s.Id));
        Assert.DoesNotContain(list, s => s.Company == CompanyA);
        Assert.False(await asB.DeleteEventAsync(seededA.EventId));
        Assert.True(await asB.DeleteEventAsync(seededB.EventId));

        Assert.Equal(before, await Seed.SnapshotOfAsync(app, a));
    }

    [Fact]
    public async Task B_opening_As_pages_by_url_gets_404_with_the_not_found_notice_and_nothing_of_A()
    {
        using var clientA = app.CreateBrowserLikeClient();
        using var clientB = app.CreateBrowserLikeClient();
        (await Forms.RegisterAsync(clientA, "a-url@example.jp", FollowUpAppFactory.Password)).Dispose();
        (await Forms.RegisterAsync(clientB, "b-url@example.jp", FollowUpAppFactory.Password)).Dispose();
        var a = await app.UserIdAsync("a-url@example.jp");
        var seeded = await Seed.ApplicationWithHistoryAsync(app.ServiceFor(a!), CompanyA);

        // Control: the owner sees the company at that address, so its absence below means something.
        var own = await Forms.GetDocumentAsync(clientA, $"/applications/{seeded.ApplicationId}");
        Assert.Equal(CompanyA, own.QuerySelector("h1")?.TextContent.Trim());

        foreach (var url in new[]
                 {
                     $"/applications/{seeded.ApplicationId}",
                     $"/applications/{seeded.ApplicationId}/edit",
                     $"/applications/{seeded.ApplicationId}/interviews/new",
                     $"/interviews/{seeded.InterviewId}/edit",
                     $"/applications/{seeded.ApplicationId}/scripts/ThankYouEmail",
                     "/applications/999999",
                     "/applications/999999/scripts/NoSuchScript",
                 })
        {
            using var response = await clientB.GetAsync(new Uri(url, UriKind.Relative));
            // The server encodes non-ASCII text as character references: compare the parsed document, not raw bytes.
            var html = (await Forms.ParseAsync(response)).DocumentElement.OuterHtml;
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{url}: {(int)response.StatusCode}");
            Assert.Contains("このページは存在しないか、閲覧できません。", html, StringComparison.Ordinal);
            Assert.DoesNotContain(CompanyA, html, StringComparison.Ordinal);
            Assert.DoesNotContain("人事部 佐藤様", html, StringComparison.Ordinal);
            Assert.DoesNotContain("03-1234-5678", html, StringComparison.Ordinal);
            Assert.DoesNotContain("折り返し希望", html, StringComparison.Ordinal);
        }

        var list = await Forms.GetDocumentAsync(clientB, "/applications");
        Assert.Contains("まだ応募がありません", list.DocumentElement.OuterHtml, StringComparison.Ordinal);
        Assert.DoesNotContain(CompanyA, list.DocumentElement.OuterHtml, StringComparison.Ordinal);
    }

    private static void AssertNotFound(SaveResult result)
    {
        Assert.False(result.Succeeded);
        Assert.True(result.NotFound, $"Expected NotFound, got errors: {string.Join("; ", result.Errors)}");
        Assert.Equal(0, result.Id);
    }
}

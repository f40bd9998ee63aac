using FollowUp.Domain.Advice;
using FollowUp.Web.Data;
using FollowUp.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FollowUp.Web.Tests.Browser;

/// <summary>
/// Someone with many applications: Today shows the 20 most urgent "do now" cards and 10 "waiting" ones with a
/// button for the rest, keeps finished applications closed until asked, and every count stays true.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class TodayLongListTests(BrowserFixture browser) : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _data = new("followup-long");
    private AppServer? _server;

    public async Task InitializeAsync() => _server = await AppServer.StartAsync(_data.Path, environment: new Dictionary<string, string>
    {
        ["FollowUp__Clock__StartAt"] = "2026-11-24T10:30:00+09:00",
    });

    [Fact]
    public async Task Long_groups_show_the_most_urgent_first_and_the_rest_on_request()
    {
        await using var context = await browser.NewContextAsync(phone: true);
        var page = await context.NewPageAsync();
        var ui = new FollowUpUi(page, _server!);
        await ui.RegisterAsync("long@example.jp", FollowUpAppFactory.Password);
        await SeedAsync("long@example.jp", doNow: 25, waiting: 14, withoutInterview: 3);

        await ui.GotoAsync("/");
        var doNow = page.Locator("[data-testid=do-now]");
        var waiting = page.Locator("[data-testid=waiting]");
        var other = page.Locator("[data-testid=other]");
        await Expect(doNow.Locator(".fu-count")).ToHaveTextAsync("25");
        await Expect(doNow.Locator("[data-testid=today-card]")).ToHaveCountAsync(20);
        await Expect(waiting.Locator(".fu-count")).ToHaveTextAsync("14");
        await Expect(waiting.Locator("[data-testid=today-card]")).ToHaveCountAsync(10);
        await Expect(other.Locator(".fu-count")).ToHaveTextAsync("3");
        await Expect(other.Locator("[data-testid=today-card]")).ToHaveCountAsync(0);
        // The most urgent first: every shown "do now" card is overdue-or-open, and the hidden ones are not more urgent.
        await Expect(doNow.Locator("[data-testid=today-card]").First).ToContainTextAsync("会社00");
        await AccessibilityTests.AssertNoSeriousViolationsAsync(page, "today-long");

        await doNow.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "残り5件を表示" }).ClickAsync();
        await Expect(doNow.Locator("[data-testid=today-card]")).ToHaveCountAsync(25);
        await waiting.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "残り4件を表示" }).ClickAsync();
        await Expect(waiting.Locator("[data-testid=today-card]")).ToHaveCountAsync(14);
        await other.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "表示する（3件）" }).ClickAsync();
        await Expect(other.Locator("[data-testid=today-card]")).ToHaveCountAsync(3);
        // Waiting cards are compact: what not to do yet, no explanation paragraph.
        await Expect(waiting.Locator(".fu-step-why")).ToHaveCountAsync(0);
        await Expect(waiting.Locator(".fu-step-dont").First).ToContainTextAsync("控え");
    }

    /// <summary>Writes straight into the server's database file (the data-version triggers tell the running app).</summary>
    private async Task SeedAsync(string email, int doNow, int waiting, int withoutInterview)
    {
        var options = new DbContextOptionsBuilder<FollowUpDbContext>()
            .UseSqlite($"Data Source={Path.Combine(_data.Path, "followup.db")}")
            .Options;
        await using var db = new FollowUpDbContext(options);
        var owner = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        var created = new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);
        JobApplication Add(string company)
        {
            var app = new JobApplication { OwnerId = owner, Company = company, CreatedAtUtc = created, UpdatedAtUtc = created };
            db.Applications.Add(app);
            return app;
        }
        for (var i = 0; i < doNow; i++)
        {
            // Interviewed long ago with a "within 3 business days" promise and a thank-you skipped: the follow-up is open.
            // The lower the number, the earlier the interview, so 会社00 is the most overdue.
            var app = Add($"会社{i:00}");
            app.Interviews.Add(new Interview
            {
                OwnerId = owner, At = new DateTime(2026, 10, 1, 10, 0, 0).AddDays(i), PromiseKind = ReplyPromiseKind.WithinBusinessDays,
                PromiseCount = 3, CreatedAtUtc = created,
            });
            app.Events.Add(new ContactEventRecord { OwnerId = owner, Kind = ContactEventKind.ThankYouSkipped, At = new DateTime(2026, 10, 1, 18, 0, 0).AddDays(i), CreatedAtUtc = created });
        }
        for (var i = 0; i < waiting; i++)
        {
            // Interviewed yesterday, result promised by a date weeks away: nothing to do but wait.
            var app = Add($"待ち{i:00}");
            app.Interviews.Add(new Interview
            {
                OwnerId = owner, At = new DateTime(2026, 11, 23, 10, 0, 0), PromiseKind = ReplyPromiseKind.ByDate,
                PromiseDate = new DateOnly(2026, 12, 10).AddDays(i), CreatedAtUtc = created,
            });
            app.Events.Add(new ContactEventRecord { OwnerId = owner, Kind = ContactEventKind.ThankYouSkipped, At = new DateTime(2026, 11, 23, 18, 0, 0), CreatedAtUtc = created });
        }
        for (var i = 0; i < withoutInterview; i++)
        {
            Add($"未登録{i:00}");
        }
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    public void Dispose() => _data.Dispose();
}

using Bunit;
using FollowUp.Domain.Advice;
using FollowUp.Web.Data;
using FollowUp.Web.Features.Today;
using FollowUp.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace FollowUp.Web.Tests.Today;

/// <summary>Today's page, groups and cards as components (bunit), on the app's real services and SQLite file.</summary>
public sealed class TodayComponentTests(FollowUpAppFactory app) : ComponentContext(app), IClassFixture<FollowUpAppFactory>
{
    private static readonly DateTime Now = new(2026, 11, 24, 10, 0, 0);

    [Fact]
    public async Task Sample_data_lands_in_its_groups_and_no_group_contradicts_its_cards()
    {
        var owner = await SignInNewUserAsync("today");
        var page = Render<TodayPage>();
        page.Find("[data-testid=today-empty] button").Click(); // "サンプルデータで試す"

        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("[data-testid=do-now] [data-testid=today-card]").Count));
        Assert.Equal("さくらテック株式会社", page.Find("[data-testid=waiting] [data-testid=today-card]").GetAttribute("data-company"));
        // Coming up is empty, and says so; nothing that waits opens within its two weeks.
        Assert.Empty(page.FindAll("[data-testid=coming-up] [data-testid=today-card]"));
        Assert.Contains("2週間以内に始まる予定はありません", page.Find("[data-testid=coming-up]").TextContent, StringComparison.Ordinal);
        var groups = await Services.GetRequiredService<TodayService>().LoadAsync();
        Assert.All(groups.Waiting, w => Assert.True(w.Step!.OpensAt - w.LocalNow > TodayGroups.Horizon, w.Company));
        Assert.All(groups.ComingUp, c => Assert.True(c.Step!.OpensAt - c.LocalNow <= TodayGroups.Horizon, c.Company));

        // A card: the step, its window, its one action, and the two-tap missed call.
        var callback = page.Find("[data-testid=today-card][data-company='株式会社みなと商事']");
        Assert.Equal("CallBack", callback.QuerySelector("[data-testid=next-step]")!.GetAttribute("data-step"));
        Assert.Contains("文例を開く", callback.TextContent, StringComparison.Ordinal);
        Assert.NotNull(callback.QuerySelector("a.mud-button-filled[href$='/scripts/CallbackPhone']"));
        Assert.Contains(callback.QuerySelectorAll("button"), b => b.TextContent.Contains("着信があった", StringComparison.Ordinal));
    }

    [Fact]
    public void A_long_group_shows_its_most_urgent_cards_and_the_rest_on_request()
    {
        var items = Enumerable.Range(1, 25).Select(i => Item(i, $"会社{i:00}", StepKind.CallBack, Now.AddHours(-1))).ToList();
        var group = Render<Group>(p => p
            .Add(g => g.Title, "今すぐ").Add(g => g.Items, items).Add(g => g.TestId, "do-now").Add(g => g.Limit, 20)
            .Add(g => g.ChildContent, (RenderFragment<TodayItem>)(item => b => b.AddMarkupContent(0, $"<span class=\"card\">{item.Company}</span>"))));

        Assert.Equal("25", group.Find(".fu-count").TextContent);
        Assert.Equal(20, group.FindAll("li").Count);
        var more = group.Find("button.fu-more");
        Assert.Contains("残り5件", more.TextContent, StringComparison.Ordinal);
        more.Click();
        Assert.Equal(25, group.FindAll("li").Count);
        Assert.Empty(group.FindAll("button.fu-more"));

        // Two more than the limit are shown rather than a button for them.
        var few = Render<Group>(p => p
            .Add(g => g.Title, "今すぐ").Add(g => g.Items, items.Take(22).ToList()).Add(g => g.TestId, "x").Add(g => g.Limit, 20)
            .Add(g => g.ChildContent, (RenderFragment<TodayItem>)(item => b => b.AddContent(0, item.Company))));
        Assert.Equal(22, few.FindAll("li").Count);
    }

    [Fact]
    public void A_collapsed_group_shows_its_count_until_opened_in_both_languages()
    {
        var items = Enumerable.Range(1, 3).Select(i => Item(i, $"会社{i}", StepKind.Done, Now.AddDays(-1))).ToList();
        RenderFragment<TodayItem> card = item => b => b.AddContent(0, item.Company);
        var ja = Render<Group>(p => p.Add(g => g.Title, "その他").Add(g => g.Items, items).Add(g => g.TestId, "other")
            .Add(g => g.Collapsed, true).Add(g => g.ChildContent, card));
        Assert.Empty(ja.FindAll("li"));
        Assert.Contains("3件", ja.Find("button.fu-more").TextContent, StringComparison.Ordinal);
        ja.Find("button.fu-more").Click();
        Assert.Equal(3, ja.FindAll("li").Count);

        Culture("en");
        var en = Render<Group>(p => p.Add(g => g.Title, "Other").Add(g => g.Items, items).Add(g => g.TestId, "other")
            .Add(g => g.Collapsed, true).Add(g => g.ChildContent, card));
        Assert.Contains("3", en.Find("button.fu-more").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("件", en.Find("button.fu-more").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missed_call_from_a_card_opens_the_quick_log_and_two_taps_save_it()
    {
        var owner = await SignInNewUserAsync("today-log");
        var dialogs = Render<MudDialogProvider>();
        var page = Render<TodayPage>();
        page.Find("[data-testid=today-empty] button").Click();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=today-card]")));

        var card = page.Find("[data-testid=today-card][data-company='あおば食品株式会社']");
        card.QuerySelectorAll("button").Single(b => b.TextContent.Contains("着信があった", StringComparison.Ordinal)).Click();
        dialogs.WaitForAssertion(() => Assert.NotEmpty(dialogs.FindAll(".mud-dialog")));
        dialogs.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "「折り返しお願いします」").Click();

        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll(".mud-dialog")));
        await using var db = App.CreateDbContext();
        var aoba = await db.Applications.SingleAsync(a => a.OwnerId == owner && a.Company == "あおば食品株式会社");
        var saved = await db.ContactEvents.Where(e => e.ApplicationId == aoba.Id && e.Kind == ContactEventKind.MissedCall).ToListAsync();
        Assert.Equal(Domain.Events.VoicemailKind.CallBack, Assert.Single(saved).Voicemail);
        page.WaitForAssertion(() => Assert.Equal("CallBack",
            page.Find("[data-testid=today-card][data-company='あおば食品株式会社'] [data-testid=next-step]").GetAttribute("data-step")));
    }

    private static TodayItem Item(int id, string company, StepKind kind, DateTime opens) =>
        new(id, company, "Asia/Tokyo", new NextStep(kind, opens, null, false, RuleId.R1, LocalizedText.Empty), Now, null, default);
}

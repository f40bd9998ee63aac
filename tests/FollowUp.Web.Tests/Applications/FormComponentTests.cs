using Bunit;
using FollowUp.Web.Data;
using FollowUp.Web.Features.Applications;
using FollowUp.Web.Features.Profile;
using FollowUp.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace FollowUp.Web.Tests.Applications;

/// <summary>The application, interview, event and settings forms as components: their limits and their messages in both languages.</summary>
public sealed class FormComponentTests(FollowUpAppFactory app) : ComponentContext(app), IClassFixture<FollowUpAppFactory>
{
    [Theory]
    [InlineData("ja", "入力してください。")]
    [InlineData("en", "Please fill this in.")]
    public async Task A_new_application_without_a_company_is_refused_beside_the_field(string culture, string message)
    {
        Culture(culture);
        SignIn(await App.CreateUserAsync($"form-{Guid.NewGuid():N}@example.jp"));
        Render<MudPopoverProvider>();
        var page = Render<ApplicationEditPage>();

        page.Find("form").Submit();

        var company = page.Find("#Company").Closest(".mud-input-control")!;
        Assert.Contains(message, company.TextContent, StringComparison.Ordinal);
        Assert.Contains("mud-input-error", company.InnerHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_text_field_shows_and_enforces_its_limit()
    {
        SignIn(await App.CreateUserAsync($"limits-{Guid.NewGuid():N}@example.jp"));
        Render<MudPopoverProvider>();
        var page = Render<ApplicationEditPage>();

        foreach (var (id, max) in new[] { ("Company", 200), ("Position", 200), ("ContactPerson", 200), ("Phone", 40), ("Email", 254), ("Notes", 4000), ("ExtraClosures", 4000) })
        {
            Assert.Equal(max.ToString(System.Globalization.CultureInfo.InvariantCulture), page.Find($"#{id}").GetAttribute("maxlength"));
        }
        // The note counts as the user types: a paste stops at 4000 in the browser, and the count says why.
        Assert.Contains("0 / 4000", page.Find("#Notes").Closest(".mud-input-control")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ja", "4000文字以内で入力してください（現在5000文字）。")]
    [InlineData("en", "Please keep this under 4000 characters (now 5000).")]
    public async Task An_interview_note_over_the_limit_is_explained_and_nothing_is_saved(string culture, string message)
    {
        Culture(culture);
        var owner = await SignInNewUserAsync("iv");
        var created = await App.ServiceFor(owner).CreateAsync(Seed.Application("株式会社メモ"));
        Render<MudPopoverProvider>();
        var page = Render<InterviewEditPage>(p => p.Add(i => i.ApplicationId, created.Id));

        page.Find("#Notes").Change(new string('あ', 5000));
        page.Find("form").Submit();

        page.WaitForAssertion(() => Assert.Contains(message, page.Find("#Notes").Closest(".mud-input-control")!.TextContent, StringComparison.Ordinal));
        await using var db = App.CreateDbContext();
        Assert.False(await db.Interviews.AnyAsync(i => i.OwnerId == owner));
    }

    [Fact]
    public async Task The_interview_date_is_typed_as_written_in_Japanese_and_shown_with_its_weekday()
    {
        var owner = await SignInNewUserAsync("date");
        var created = await App.ServiceFor(owner).CreateAsync(Seed.Application("株式会社日付"));
        Render<MudPopoverProvider>();
        var page = Render<InterviewEditPage>(p => p.Add(i => i.ApplicationId, created.Id));

        page.Find("#iv-date").Change("2026/11/20");
        page.WaitForAssertion(() => Assert.Contains("2026年11月20日(金)", page.Find("#iv-date").Closest(".mud-picker")!.TextContent, StringComparison.Ordinal));
        page.Find("#iv-time").Change("14:30");
        page.Find("form").Submit();

        page.WaitForAssertion(() => Assert.EndsWith($"/applications/{created.Id}", Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal));
        await using var db = App.CreateDbContext();
        Assert.Equal(new DateTime(2026, 11, 20, 14, 30, 0), (await db.Interviews.SingleAsync(i => i.OwnerId == owner)).At);
    }

    [Theory]
    [InlineData("ja", "この日時はまだ来ていません。")]
    [InlineData("en", "That date and time has not come yet")]
    public async Task The_quick_log_refuses_an_event_in_the_future_and_says_why(string culture, string message)
    {
        Culture(culture);
        var owner = await SignInNewUserAsync("future");
        var seeded = await Seed.ApplicationWithHistoryAsync(App.ServiceFor(owner), "株式会社未来");
        var provider = Render<MudDialogProvider>();
        Render<MudPopoverProvider>();
        var dialogs = Services.GetRequiredService<IDialogService>();
        var saved = provider.InvokeAsync(() => QuickLogDialog.OpenAsync(dialogs, "着信", seeded.ApplicationId, ContactEventKind.MissedCall, "Asia/Tokyo"));
        provider.WaitForAssertion(() => Assert.NotEmpty(provider.FindAll(".mud-dialog")));

        provider.Find("#event-date").Change(culture == "ja" ? "2026/12/24" : "12/24/2026"); // as each language writes it
        provider.FindAll(".mud-dialog .fu-quick-answers button")[0].Click();

        provider.WaitForAssertion(() => Assert.Contains(message, provider.Find(".mud-dialog").TextContent, StringComparison.Ordinal));
        Assert.False(saved.IsCompleted); // still open, nothing lost
        await using var db = App.CreateDbContext();
        Assert.Equal(1, await db.ContactEvents.CountAsync(e => e.OwnerId == owner)); // only the seed's own event
    }

    [Theory]
    [InlineData("ja", "1から10までの数を入力してください。")]
    [InlineData("en", "Enter a number from 1 to 10.")]
    public async Task A_rule_out_of_range_is_explained_beside_it_and_reset_restores_the_recommended_values(string culture, string message)
    {
        Culture(culture);
        var owner = await SignInNewUserAsync("rules");
        Render<MudPopoverProvider>();
        var page = Render<DefaultsPage>();
        page.WaitForAssertion(() => page.Find("#policy-MaxCallAttempts"));

        page.Find("#policy-MaxCallAttempts").Change("99");
        page.Find("form").Submit();
        page.WaitForAssertion(() => Assert.Contains(message, page.Find("#policy-MaxCallAttempts").Closest(".fu-field")!.TextContent, StringComparison.Ordinal));
        await using (var db = App.CreateDbContext())
        {
            Assert.False(await db.UserDefaults.AnyAsync(d => d.UserId == owner));
        }

        page.FindAll("button").Single(b => b.TextContent.Contains(culture == "ja" ? "おすすめの値に戻す" : "Reset rules", StringComparison.Ordinal)).Click();
        page.WaitForAssertion(() => Assert.Equal("3", page.Find("#policy-MaxCallAttempts").GetAttribute("value")));
    }
}

using System.Reflection;
using Bunit;
using FollowUp.Domain.Scripts;
using FollowUp.Web.Data;
using FollowUp.Web.Features.Profile;
using FollowUp.Web.Features.Scripts;
using FollowUp.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FollowUp.Web.Tests.Scripts;

/// <summary>
/// The script page (issue 13, points 5 and 6): it asks for what the script needs and fills it in, remembered per
/// application; Japanese to a Japanese company with the English beside it; the text can be edited and the edit
/// is kept. The clock stands on Tuesday 24 November 2026, 10:00 in Tokyo.
/// </summary>
public sealed class ScriptPageTests(FollowUpAppFactory app) : ComponentContext(app), IClassFixture<FollowUpAppFactory>
{
    private const string Reason = "出張中で電話に出られませんでした";

    [Fact]
    public async Task A_late_callback_asks_for_the_reason_and_the_hours_fills_them_in_and_remembers_them()
    {
        var (_, id) = await SignedInWithApplicationAsync(missedCall: true);
        var page = RenderScript(id, ScriptKind.CallbackPhone);

        // Only what this script needs is asked; the script shows the markers until then.
        Assert.NotNull(page.Find("#LateReason"));
        Assert.NotNull(page.Find("#ReachableTimes"));
        Assert.Empty(page.FindAll("#LearnedInInterview"));
        Assert.Contains("【遅れた理由", Body(page), StringComparison.Ordinal);
        Assert.Contains("【電話に出られる時間帯", Body(page), StringComparison.Ordinal);

        page.Find("#LateReason").Change(Reason);
        page.Find("#ReachableTimes").Change("平日の18時以降");

        Assert.Contains(Reason + "。", Body(page), StringComparison.Ordinal);
        Assert.Contains("今後は、平日の18時以降でしたらお電話をお受けできます。", Body(page), StringComparison.Ordinal);
        Assert.DoesNotContain("【", Body(page), StringComparison.Ordinal);

        // Remembered for the application: a new visit shows the answers and the filled text.
        var again = RenderScript(id, ScriptKind.CallbackPhone);
        Assert.Equal(Reason, again.Find("#LateReason").GetAttribute("value"));
        Assert.Contains(Reason, Body(again), StringComparison.Ordinal);
        // The callback email (same application) uses the same hours without asking again.
        Assert.Contains("平日の18時以降", Body(RenderScript(id, ScriptKind.EmailInstead)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_thank_you_asks_for_one_thing_learned_and_the_follow_up_call_offers_the_perhaps_variant()
    {
        var (_, id) = await SignedInWithApplicationAsync(missedCall: false);

        var thanks = RenderScript(id, ScriptKind.ThankYouEmail);
        Assert.Empty(thanks.FindAll("#LateReason"));
        Assert.Empty(thanks.FindAll("[data-testid=switch-may-not-have-reached]"));
        thanks.Find("#LearnedInInterview").Change("入社後の研修の進め方");
        Assert.Contains("入社後の研修の進め方についてのお話が印象に残っており", Body(thanks), StringComparison.Ordinal);

        var call = RenderScript(id, ScriptKind.FollowUpPhone);
        Assert.DoesNotContain("もしかすると", Body(call), StringComparison.Ordinal);
        call.Find("[data-testid=switch-may-not-have-reached] input").Change(true);
        Assert.Contains("もしかすると", Body(call), StringComparison.Ordinal);
        Assert.Contains("もしかすると", Body(RenderScript(id, ScriptKind.FollowUpPhone)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_the_interface_in_English_the_mail_is_Japanese_with_the_English_beside_it_and_a_remembered_switch()
    {
        Culture("en");
        var (_, id) = await SignedInWithApplicationAsync(missedCall: false);
        var page = RenderScript(id, ScriptKind.FollowUpEmail);

        Assert.Contains("お世話になっております。", Body(page), StringComparison.Ordinal);
        Assert.Contains("面接結果に関するご確認", page.Find("[data-testid=script-subject]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Dear", page.Find("[data-testid=reading-aid]").TextContent, StringComparison.Ordinal);
        Assert.Contains("do not send", page.Find("[data-testid=language-hint]").TextContent, StringComparison.Ordinal);
        // The tips are for the user: in the interface's language.
        Assert.Contains("Ask once only.", page.Find("[data-testid=notes]").TextContent, StringComparison.Ordinal);
        Assert.StartsWith("mailto:", page.Find("[data-testid=mailto]").GetAttribute("href"), StringComparison.Ordinal);
        Assert.Contains(Uri.EscapeDataString("お世話になっております"), page.Find("[data-testid=mailto]").GetAttribute("href"), StringComparison.Ordinal);

        page.Find("[data-testid=switch-english] input").Change(true);
        Assert.StartsWith("Dear", Body(page), StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-testid=reading-aid]"));
        Assert.StartsWith("Dear", Body(RenderScript(id, ScriptKind.FollowUpEmail)), StringComparison.Ordinal);

        // In Japanese, the Japanese text alone.
        Culture("ja");
        page.Find("[data-testid=switch-english] input").Change(false);
        Assert.Empty(RenderScript(id, ScriptKind.FollowUpEmail).FindAll("[data-testid=reading-aid]"));
    }

    [Fact]
    public async Task An_edit_is_kept_for_that_application_and_step_until_the_user_goes_back_to_the_apps_text()
    {
        var (_, id) = await SignedInWithApplicationAsync(missedCall: false);
        var page = RenderScript(id, ScriptKind.FollowUpEmail);
        var generated = Body(page);

        page.Find("[data-testid=edit]").Click();
        page.Find("#EditSubject").Change("結果のご確認（山田 花子）");
        page.Find("#EditBody").Change(generated + "\n追伸：自分で書き足した一文です。");
        page.Find("[data-testid=save-edit]").Click();

        Assert.EndsWith("追伸：自分で書き足した一文です。", Body(page), StringComparison.Ordinal);
        var again = RenderScript(id, ScriptKind.FollowUpEmail);
        Assert.EndsWith("追伸：自分で書き足した一文です。", Body(again), StringComparison.Ordinal);
        Assert.Equal("結果のご確認（山田 花子）", again.Find("[data-testid=script-subject]").TextContent);
        Assert.NotNull(again.Find("[data-testid=edited]"));
        Assert.Contains(Uri.EscapeDataString("追伸"), again.Find("[data-testid=mailto]").GetAttribute("href"), StringComparison.Ordinal);

        // Another step of the same application is the app's text.
        Assert.DoesNotContain("追伸", Body(RenderScript(id, ScriptKind.ThankYouEmail)), StringComparison.Ordinal);

        again.Find("[data-testid=reset-edit]").Click();
        Assert.Equal(generated, Body(again));
        Assert.Equal(generated, Body(RenderScript(id, ScriptKind.FollowUpEmail)));

        // Saving the app's text unchanged keeps nothing: the text goes on following the answers.
        again.Find("[data-testid=edit]").Click();
        again.Find("[data-testid=save-edit]").Click();
        Assert.Empty(again.FindAll("[data-testid=edited]"));
        await using var db = App.CreateDbContext();
        Assert.False(await db.ScriptDrafts.AnyAsync(d => d.ApplicationId == id));
    }

    [Theory]
    [InlineData("ja", "200文字以内で入力してください（現在201文字）。")]
    [InlineData("en", "Please keep this under 200 characters (now 201).")]
    public async Task Too_long_an_answer_is_explained_in_the_users_language_and_nothing_is_lost_or_saved(string culture, string message)
    {
        Culture(culture);
        var (_, id) = await SignedInWithApplicationAsync(missedCall: true);
        var page = RenderScript(id, ScriptKind.CallbackPhone);
        var tooLong = new string('あ', 201);

        page.Find("#LateReason").Change(tooLong);

        Assert.Contains(message, page.Find("#LateReason").Closest(".mud-input-control")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(tooLong, page.Find("#LateReason").GetAttribute("value"));
        await using var db = App.CreateDbContext();
        Assert.False(await db.ScriptAnswers.AnyAsync(a => a.ApplicationId == id));
    }

    [Fact]
    public async Task Nobody_reads_or_writes_anothers_answers_or_edits()
    {
        var a = await App.CreateUserAsync($"script-a-{Guid.NewGuid():N}@example.jp");
        var b = await App.CreateUserAsync($"script-b-{Guid.NewGuid():N}@example.jp");
        var asA = ScriptsFor(a);
        var asB = ScriptsFor(b);
        var created = await App.ServiceFor(a).CreateAsync(Seed.Application("株式会社エーの秘密"));
        var answers = new ScriptAnswersInput { LateReason = Reason, WritesInEnglish = true };
        Assert.True((await asA.SaveAnswersAsync(created.Id, answers)).Succeeded);
        Assert.True((await asA.SaveEditAsync(created.Id, ScriptKind.FollowUpEmail, ScriptLanguage.English, new ScriptEdit("A", "A's text"))).Succeeded);

        Assert.Null(await asB.GetAsync(created.Id, ScriptKind.FollowUpEmail));
        Assert.True((await asB.SaveAnswersAsync(created.Id, new ScriptAnswersInput { LateReason = "乗っ取り" })).NotFound);
        Assert.True((await asB.SaveEditAsync(created.Id, ScriptKind.FollowUpEmail, ScriptLanguage.English, new ScriptEdit("B", "B's text"))).NotFound);
        Assert.False(await asB.DiscardEditAsync(created.Id, ScriptKind.FollowUpEmail, ScriptLanguage.English));

        var mine = await asA.GetAsync(created.Id, ScriptKind.FollowUpEmail);
        Assert.Equal(Reason, mine!.Answers.LateReason);
        Assert.True(mine.Answers.WritesInEnglish);
        Assert.Equal("A's text", mine.Edits[ScriptLanguage.English].Body);
        await using var db = App.CreateDbContext();
        Assert.False(await db.ScriptAnswers.AnyAsync(x => x.OwnerId == b));
        Assert.False(await db.ScriptDrafts.AnyAsync(x => x.OwnerId == b));
    }

    [Fact]
    public void The_page_asks_services_only_never_the_user_manager()
    {
        var injected = typeof(ScriptPage).GetProperties(BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public)
            .Where(p => p.GetCustomAttribute<InjectAttribute>() is not null)
            .Select(p => p.PropertyType);
        Assert.DoesNotContain(injected, t => t.IsGenericType && t.GetGenericTypeDefinition() == typeof(UserManager<>));
    }

    private IRenderedComponent<ScriptPage> RenderScript(int id, ScriptKind kind) =>
        Render<ScriptPage>(p => p.Add(s => s.Id, id).Add(s => s.Kind, kind.ToString()));

    private static string Body(IRenderedComponent<ScriptPage> page) => page.Find("[data-testid=script-body]").TextContent;

    /// <summary>A signed-in user with a profile and one direct application interviewed on Monday 16 November (and a callback owed since Wednesday 18th).</summary>
    private async Task<(string Owner, int Id)> SignedInWithApplicationAsync(bool missedCall)
    {
        var owner = await App.CreateUserAsync($"script-{Guid.NewGuid():N}@example.jp");
        await using (var db = App.CreateDbContext())
        {
            await db.Users.Where(u => u.Id == owner).ExecuteUpdateAsync(u => u
                .SetProperty(x => x.FullName, "山田 花子").SetProperty(x => x.PhoneNumber, "090-1234-5678"));
        }

        SignIn(owner);
        var service = App.ServiceFor(owner);
        var created = await service.CreateAsync(Seed.Application("株式会社スクリプト"));
        var interview = Seed.Interview();
        interview.Date = "2026-11-16";
        Assert.True((await service.AddInterviewAsync(created.Id, interview)).Succeeded);
        if (missedCall)
        {
            var call = Seed.MissedCall();
            call.Date = "2026-11-18";
            call.Time = "11:00";
            Assert.True((await service.LogEventAsync(created.Id, call)).Succeeded);
        }

        return (owner, created.Id);
    }

    private ScriptService ScriptsFor(string userId)
    {
        var user = new TestCurrentUser(userId);
        var factory = App.Services.GetRequiredService<IDbContextFactory<FollowUpDbContext>>();
        return new ScriptService(factory, App.ServiceFor(userId), new ProfileService(factory, user), user, App.Clock);
    }
}

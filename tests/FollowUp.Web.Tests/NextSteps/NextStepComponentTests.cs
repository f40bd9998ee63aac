using Bunit;
using FollowUp.Domain.Advice;
using FollowUp.Web.Features.DataExport;
using FollowUp.Web.Features.NextSteps;
using FollowUp.Web.Infrastructure;
using FollowUp.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace FollowUp.Web.Tests.NextSteps;

/// <summary>The next-step view and the import result as components, in both languages.</summary>
public sealed class NextStepComponentTests(FollowUpAppFactory app) : ComponentContext(app), IClassFixture<FollowUpAppFactory>
{
    private static readonly DateTime Now = new(2026, 11, 24, 9, 0, 0);

    [Theory]
    [InlineData("ja", "今日 10:00〜17:00")]
    [InlineData("en", "today 10:00 – 17:00")]
    public void A_window_within_one_day_names_the_day_once(string culture, string window)
    {
        Culture(culture);
        var step = new NextStep(StepKind.CallBack, Now.AddHours(1), Now.AddHours(8), false, RuleId.R2, new LocalizedText("理由", "Why"));
        var view = Render<NextStepView>(p => p.Add(v => v.Step, step).Add(v => v.Now, Now));

        Assert.Equal(window, view.Find(".fu-step-window").TextContent.Trim());
        Assert.Equal(culture == "ja" ? "理由" : "Why", view.Find(".fu-step-why").TextContent.Trim());
        Assert.Equal("CallBack", view.Find("[data-testid=next-step]").GetAttribute("data-step"));
    }

    [Theory]
    [InlineData("ja", 12, 3, "12月3日(木) 10:00から", "待機中", "12月3日(木) 10:00まではお問い合わせを控えましょう。")]
    [InlineData("en", 12, 3, "from Thu Dec 3, 10:00", "Wait", "Please don't inquire before Thu Dec 3, 10:00.")]
    [InlineData("ja", 11, 25, "明日 10:00から", "待機中", "明日 10:00まではお問い合わせを控えましょう。")]
    [InlineData("en", 11, 25, "from tomorrow 10:00", "Wait", "Please don't inquire before tomorrow 10:00.")]
    public void A_follow_up_not_open_yet_says_to_wait_and_until_when_in_one_date_style(string culture, int month, int day, string window, string title, string wait)
    {
        Culture(culture);
        var step = new NextStep(StepKind.FollowUp, new DateTime(2026, month, day, 10, 0, 0), null, false, RuleId.R6, LocalizedText.Empty);
        var view = Render<NextStepView>(p => p.Add(v => v.Step, step).Add(v => v.Now, Now).Add(v => v.ShowWhy, false));

        Assert.Equal(window, view.Find(".fu-step-window").TextContent.Trim());
        Assert.StartsWith(title, view.Find(".fu-step-title").TextContent, StringComparison.Ordinal);
        Assert.Equal(wait, view.Find(".fu-step-dont").TextContent.Trim());
        Assert.Empty(view.FindAll(".fu-step-why"));
    }

    [Theory]
    [InlineData("ja", "期限切れ")]
    [InlineData("en", "Overdue")]
    public void An_overdue_step_is_marked(string culture, string badge)
    {
        Culture(culture);
        var step = new NextStep(StepKind.CallBack, Now.AddDays(-2), Now.AddDays(-2).AddHours(7), true, RuleId.R4, LocalizedText.Empty);
        var view = Render<NextStepView>(p => p.Add(v => v.Step, step).Add(v => v.Now, Now));

        Assert.Equal(badge, view.Find(".fu-badge-error").TextContent);
        Assert.Contains("fu-step-overdue", view.Find("[data-testid=next-step]").ClassName, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ja", "応募1件、面接2件、やりとり3件を読み込みました。", "何も読み込みませんでした。問題が1件見つかりました。")]
    [InlineData("en", "Imported: applications 1, interviews 2, events 3.", "Nothing was imported")]
    public void The_import_result_says_what_was_added_or_every_problem(string culture, string done, string rejected)
    {
        Culture(culture);
        var ok = Render<ImportReportView>(p => p.Add(v => v.Report, new ImportReport(true, 1, 2, 3, false, [])));
        Assert.Equal(done, ok.Find("[data-testid=import-done]").TextContent.Trim());

        var bad = Render<ImportReportView>(p => p.Add(v => v.Report, ImportReport.Rejected(
            [new ImportProblem(2, "株式会社テスト", "event", 1, new FieldError("Date", "Validation.FutureEvent"))])));
        var report = bad.Find("[data-testid=import-rejected]");
        Assert.Contains(rejected, report.TextContent, StringComparison.Ordinal);
        Assert.Contains("株式会社テスト", bad.Find("li").TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ja", "応募2件、面接0件、やりとり0件を読み込みました。スクリプトの回答1件、編集したスクリプト3件も読み込みました。")]
    [InlineData("en", "Imported: applications 2, interviews 0, events 0. Also: script answers 1, edited scripts 3.")]
    public void The_import_result_counts_script_answers_and_edited_scripts(string culture, string done)
    {
        Culture(culture);
        var ok = Render<ImportReportView>(p => p.Add(v => v.Report,
            new ImportReport(true, 2, 0, 0, false, []) { ScriptAnswers = 1, ScriptEdits = 3 }));
        Assert.Equal(done, ok.Find("[data-testid=import-done]").TextContent.Trim());
    }
}

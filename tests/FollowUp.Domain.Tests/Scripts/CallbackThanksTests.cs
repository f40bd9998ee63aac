using System.Globalization;
using FollowUp.Domain.Advice;
using FollowUp.Domain.Applications;
using FollowUp.Domain.Calendar;
using FollowUp.Domain.Events;
using FollowUp.Domain.Scripts;
using Xunit;

namespace FollowUp.Domain.Tests.Scripts;

/// <summary>
/// After a late callback got through, the app suggests a short thank-you mail (issue 13, point 4; seed 001):
/// when <see cref="ScriptWriter.KindsFor(StepKind, ApplicationRoute, bool, CallbackThread?, DateTime)"/>
/// offers it, and what it says.
/// </summary>
public sealed class CallbackThanksTests
{
    // Tuesday 2026-11-24 10:00, reply within a week (follow-up opens Friday 12-04).
    private static readonly InterviewFacts s_interview = new(T("11-24 10:00"), ReplyPromise.WithinWeeks(1));
    private static readonly BusinessCalendar s_calendar = new(CompanyCalendar.Default, EtiquettePolicy.Default);

    private static DateTime T(string s) => DateTime.ParseExact("2026-" + s, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>"code MM-dd HH:mm" separated by ';': M missed call, L message left, R call that reached them, C they reached us, X rejected.</summary>
    private static ContactEvent[] Events(string spec) =>
        [.. spec.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(e =>
        {
            var at = T(e[2..]);
            return (ContactEvent)(e[0] switch
            {
                'M' => new MissedCall(at, VoicemailKind.CallBack),
                'L' => new CallMade(at, CallOutcome.LeftMessage),
                'R' => new CallMade(at, CallOutcome.Reached),
                'C' => new ContactReceived(at, ContactChannel.Phone),
                'X' => new ResultReceived(at, ResultOutcome.Rejected),
                _ => throw new ArgumentException(e, nameof(spec)),
            });
        })];

    [Theory]
    // Seed 001: six days late, reached: the mail comes first, before the step's own scripts.
    [InlineData("M 11-26 11:30; R 12-02 10:00", "12-02 11:00", new[] { ScriptKind.CallbackThanksEmail, ScriptKind.FollowUpEmail, ScriptKind.FollowUpPhone, ScriptKind.FollowUpAbsentOrVoicemailMessage })]
    [InlineData("M 11-26 11:30; R 12-02 10:00", "12-04 09:59", new[] { ScriptKind.CallbackThanksEmail, ScriptKind.FollowUpEmail, ScriptKind.FollowUpPhone, ScriptKind.FollowUpAbsentOrVoicemailMessage })]
    // Two days after the call it is no longer natural.
    [InlineData("M 11-26 11:30; R 12-02 10:00", "12-04 10:00", new[] { ScriptKind.FollowUpEmail, ScriptKind.FollowUpPhone, ScriptKind.FollowUpAbsentOrVoicemailMessage })]
    // Late first try (a message left), reached on the retry: still late.
    [InlineData("M 11-26 11:30; L 11-30 10:00; R 12-02 10:00", "12-02 11:00", new[] { ScriptKind.CallbackThanksEmail, ScriptKind.FollowUpEmail, ScriptKind.FollowUpPhone, ScriptKind.FollowUpAbsentOrVoicemailMessage })]
    // Returned on time: nothing to apologise for in writing.
    [InlineData("M 11-26 11:30; R 11-26 14:00", "11-26 15:00", new[] { ScriptKind.FollowUpEmail, ScriptKind.FollowUpPhone, ScriptKind.FollowUpAbsentOrVoicemailMessage })]
    // They reached us before we called back: no callback of ours got through.
    [InlineData("M 11-26 11:30; C 12-02 10:00", "12-02 11:00", new[] { ScriptKind.FollowUpEmail, ScriptKind.FollowUpPhone, ScriptKind.FollowUpAbsentOrVoicemailMessage })]
    // Still owed: the callback scripts, not the mail.
    [InlineData("M 11-26 11:30", "12-02 11:00", new[] { ScriptKind.CallbackPhone, ScriptKind.AbsentOrVoicemailMessage })]
    // The call brought a rejection: "I still wish to continue" would be wrong.
    [InlineData("M 11-26 11:30; R 12-02 10:00; X 12-02 10:01", "12-02 11:00", new[] { ScriptKind.FeedbackRequestEmail })]
    public void Thank_you_mail_is_offered_after_a_late_callback_got_through(string events, string now, ScriptKind[] expected)
    {
        var list = Events(events);
        var primary = EtiquetteEngine.Primary(s_interview, list, s_calendar, T(now));
        var callback = EtiquetteEngine.LatestCallback(s_interview, list, s_calendar, T(now));
        var rejected = list.OfType<ResultReceived>().Any(r => r.Outcome == ResultOutcome.Rejected);

        foreach (var route in Enum.GetValues<ApplicationRoute>())
        {
            Assert.Equal(expected, ScriptWriter.KindsFor(primary.Kind, route, rejected, callback, T(now)));
        }
    }

    [Fact]
    public void Without_a_callback_the_kinds_are_the_steps_own()
    {
        foreach (var step in Enum.GetValues<StepKind>())
        {
            Assert.Equal(ScriptWriter.KindsFor(step, ApplicationRoute.Direct, rejected: false).AsEnumerable(),
                ScriptWriter.KindsFor(step, ApplicationRoute.Direct, rejected: false, callback: null, T("12-02 11:00")));
        }
    }

    [Theory]
    [InlineData(ApplicationRoute.Direct, ScriptLanguage.Japanese, "お電話のお礼（山田 太郎）",
        "11月24日(火)に一次面接を受けさせていただきました、山田 太郎と申します。\n\n12月2日(水)は、お電話にてご対応いただき、誠にありがとうございました。\n折り返しのご連絡が遅くなり、ご迷惑をおかけしましたことを、改めてお詫び申し上げます。\n貴社で働きたいという気持ちに変わりはございませんので、引き続きどうぞよろしくお願いいたします。\n")]
    [InlineData(ApplicationRoute.StaffingAgency, ScriptLanguage.Japanese, "お電話のお礼（山田 太郎）",
        "株式会社ハケンズ\n鈴木様\n\nお世話になっております。\n株式会社ハケンズに派遣登録しております、山田 太郎と申します。\n\n12月2日(水)は、お電話にてご対応いただき、誠にありがとうございました。\n折り返しのご連絡が遅くなり、ご迷惑をおかけしましたことを、改めてお詫び申し上げます。\n株式会社サンプル様でのお仕事を引き続き希望しておりますので、どうぞよろしくお願いいたします。\n")]
    [InlineData(ApplicationRoute.Direct, ScriptLanguage.English, "Thank you for speaking with me (Taro Yamada)",
        "My name is Taro Yamada, and I had my first interview at Sample Co., Ltd. on Tuesday, 24 November.\n\nThank you for taking my call on Wednesday, 2 December.\nI apologise once more for the delay in returning your call and for any inconvenience it caused.\nI remain very keen to work with you and look forward to continuing in the selection process.\n")]
    [InlineData(ApplicationRoute.StaffingAgency, ScriptLanguage.English, "Thank you for speaking with me (Taro Yamada)",
        "Dear Mr. Suzuki,\n\nThis is Taro Yamada, registered with Hakens Staffing.\n\nThank you for taking my call on Wednesday, 2 December.\nI apologise once more for the delay in returning your call and for any inconvenience it caused.\nI am still very interested in the position at Sample Co., Ltd. and look forward to your continued support.\n")]
    public void Thank_you_mail_thanks_apologises_once_and_wishes_to_continue(ApplicationRoute route, ScriptLanguage lang, string subject, string text)
    {
        var script = ScriptWriter.Write(ScriptKind.CallbackThanksEmail, ScriptFixtures.Complete(route, lang, late: true));

        Assert.Equal(ScriptChannel.Email, script.Channel);
        Assert.Equal(subject, script.Subject);
        Assert.Contains(text, script.Body, StringComparison.Ordinal);
        Assert.True(script.IsComplete);

        // The reason was given on the phone; the mail stays short and does not repeat it.
        Assert.DoesNotContain(lang == ScriptLanguage.Japanese ? "出張" : "travelling", script.Body, StringComparison.Ordinal);
        Assert.True(script.Body.Length < 500, $"the mail is {script.Body.Length} chars");
    }

    [Theory]
    [InlineData(ScriptLanguage.Japanese, "\nお電話にてご対応いただき、誠にありがとうございました。")]
    [InlineData(ScriptLanguage.English, "\nThank you for taking my call.\n")]
    public void Without_the_calls_date_the_mail_names_no_day(ScriptLanguage lang, string expected)
    {
        var ctx = ScriptFixtures.Complete(ApplicationRoute.Direct, lang, late: true) with { CallbackReachedAt = null };

        Assert.Contains(expected, ScriptWriter.Write(ScriptKind.CallbackThanksEmail, ctx).Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ScriptLanguage.Japanese, "「お電話のお礼」")]
    [InlineData(ScriptLanguage.English, "\"Thank you for speaking with me\"")]
    public void Late_callback_script_mentions_the_mail(ScriptLanguage lang, string mention)
    {
        Assert.Contains(ScriptWriter.Write(ScriptKind.CallbackPhone, ScriptFixtures.Complete(ApplicationRoute.Direct, lang, late: true)).Notes,
            n => n.Contains(mention, StringComparison.Ordinal));
        Assert.DoesNotContain(ScriptWriter.Write(ScriptKind.CallbackPhone, ScriptFixtures.Complete(ApplicationRoute.Direct, lang)).Notes,
            n => n.Contains(mention, StringComparison.Ordinal));
    }
}

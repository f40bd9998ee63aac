using FollowUp.Domain.Advice;
using FollowUp.Domain.Applications;
using FollowUp.Domain.Calendar;
using FollowUp.Domain.Scripts;
using Xunit;

namespace FollowUp.Domain.Tests.Scripts;

/// <summary>
/// The notes beside a script quote the application's own hours and rules, the ones the engine advises with
/// (issue 13, points 4 and 7), never fixed numbers.
/// </summary>
public sealed class ScriptRuleNotesTests
{
    private static ScriptContext With(ScriptLanguage lang, string open, string close, int margin, bool lunch, EtiquettePolicy? policy = null)
    {
        var calendar = CompanyCalendar.Default with { Hours = new BusinessHours(TimeOnly.Parse(open, null), TimeOnly.Parse(close, null)) };
        var rules = (policy ?? EtiquettePolicy.Default) with { CallWindowMarginHours = margin, AvoidLunch = lunch };
        return ScriptFixtures.Complete(ApplicationRoute.Direct, lang) with { Calendar = new BusinessCalendar(calendar, rules) };
    }

    [Theory]
    [InlineData("09:00", "18:00", 1, true,
        "電話は営業日の10:00〜12:00または13:00〜17:00にかけましょう（営業時間09:00〜18:00のうち、始業後と終業前の1時間、昼休み（12:00〜13:00）を避けた時間です）。",
        "Call on a business day between 10:00 and 12:00 or 13:00 and 17:00. The company is open 09:00–18:00; these times avoid the first and last hour and the 12:00–13:00 lunch break.")]
    [InlineData("08:30", "17:30", 1, true,
        "電話は営業日の09:30〜12:00または13:00〜16:30にかけましょう（営業時間08:30〜17:30のうち、始業後と終業前の1時間、昼休み（12:00〜13:00）を避けた時間です）。",
        "Call on a business day between 09:30 and 12:00 or 13:00 and 16:30. The company is open 08:30–17:30; these times avoid the first and last hour and the 12:00–13:00 lunch break.")]
    [InlineData("09:00", "18:00", 2, false,
        "電話は営業日の11:00〜16:00にかけましょう（営業時間09:00〜18:00のうち、始業後と終業前の2時間を避けた時間です）。",
        "Call on a business day between 11:00 and 16:00. The company is open 09:00–18:00; these times avoid the first and last 2 hours.")]
    [InlineData("13:00", "21:00", 1, true, // lunch is before the window: not mentioned
        "電話は営業日の14:00〜20:00にかけましょう（営業時間13:00〜21:00のうち、始業後と終業前の1時間を避けた時間です）。",
        "Call on a business day between 14:00 and 20:00. The company is open 13:00–21:00; these times avoid the first and last hour.")]
    [InlineData("10:00", "19:00", 0, true,
        "電話は営業日の10:00〜12:00または13:00〜19:00にかけましょう（営業時間10:00〜19:00のうち、昼休み（12:00〜13:00）を避けた時間です）。",
        "Call on a business day between 10:00 and 12:00 or 13:00 and 19:00. The company is open 10:00–19:00; these times avoid the 12:00–13:00 lunch break.")]
    [InlineData("09:00", "18:00", 0, false,
        "電話は営業日の09:00〜18:00（営業時間内）にかけましょう。",
        "Call on a business day between 09:00 and 18:00 (the company's business hours).")]
    public void Call_hours_note_uses_the_company_hours_and_the_users_rules(string open, string close, int margin, bool lunch, string ja, string en)
    {
        foreach (var kind in new[] { ScriptKind.CallbackPhone, ScriptKind.FollowUpPhone })
        {
            var jaNotes = ScriptWriter.Write(kind, With(ScriptLanguage.Japanese, open, close, margin, lunch)).Notes;
            var enNotes = ScriptWriter.Write(kind, With(ScriptLanguage.English, open, close, margin, lunch)).Notes;

            Assert.Contains(ja, jaNotes);
            Assert.Contains(en, enNotes);
            Assert.DoesNotContain(jaNotes, n => n.Contains("10〜12時", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Without_a_calendar_the_usual_company_and_recommended_rules_are_quoted()
    {
        var ja = ScriptWriter.Write(ScriptKind.CallbackPhone, ScriptFixtures.Complete(ApplicationRoute.Direct, ScriptLanguage.Japanese) with { Calendar = null });

        Assert.Contains("電話は営業日の10:00〜12:00または13:00〜17:00にかけましょう（営業時間09:00〜18:00のうち、始業後と終業前の1時間、昼休み（12:00〜13:00）を避けた時間です）。", ja.Notes);
    }

    [Theory]
    [InlineData(2, 3, "2〜3営業日たっても連絡がなければ、もう一度かけ直しましょう。", "If nobody calls back within 2–3 business days, call once more.")]
    [InlineData(3, 5, "3〜5営業日たっても連絡がなければ、もう一度かけ直しましょう。", "If nobody calls back within 3–5 business days, call once more.")]
    [InlineData(2, 2, "2営業日たっても連絡がなければ、もう一度かけ直しましょう。", "If nobody calls back within 2 business days, call once more.")]
    [InlineData(1, 1, "1営業日たっても連絡がなければ、もう一度かけ直しましょう。", "If nobody calls back within 1 business day, call once more.")]
    public void Retry_note_uses_the_users_retry_days(int after, int due, string ja, string en)
    {
        var policy = EtiquettePolicy.Default with { CallbackRetryAfterBusinessDays = after, CallbackRetryDueBusinessDays = due };

        var jaNotes = ScriptWriter.Write(ScriptKind.AbsentOrVoicemailMessage, With(ScriptLanguage.Japanese, "09:00", "18:00", 1, true, policy)).Notes;
        var enNotes = ScriptWriter.Write(ScriptKind.AbsentOrVoicemailMessage, With(ScriptLanguage.English, "09:00", "18:00", 1, true, policy)).Notes;

        Assert.Contains(jaNotes, n => n.StartsWith(ja, StringComparison.Ordinal));
        Assert.Contains(enNotes, n => n.StartsWith(en, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(1, 5, "問い合わせは一度だけにしましょう。送ったあと5営業日ほど返信がなければ、ほかの応募に気持ちを切り替えます。",
        "Ask once only. If there is no answer within about 5 business days, move your energy to other applications.")]
    [InlineData(1, 8, "問い合わせは一度だけにしましょう。送ったあと8営業日ほど返信がなければ、ほかの応募に気持ちを切り替えます。",
        "Ask once only. If there is no answer within about 8 business days, move your energy to other applications.")]
    [InlineData(2, 1, "問い合わせは多くても2回までにしましょう。送ったあと1営業日ほど返信がなければ、ほかの応募に気持ちを切り替えます。",
        "Ask no more than 2 times. If there is no answer within about 1 business day, move your energy to other applications.")]
    [InlineData(1, 0, "問い合わせは一度だけにしましょう。返信を待つあいだも、ほかの応募を進めましょう。",
        "Ask once only. Keep your other applications moving while you wait.")]
    public void Follow_up_email_note_uses_the_users_move_on_rule(int limit, int moveOnDays, string ja, string en)
    {
        var policy = EtiquettePolicy.Default with { FollowUpLimit = limit, MoveOnAfterBusinessDays = moveOnDays };

        Assert.Contains(ja, ScriptWriter.Write(ScriptKind.FollowUpEmail, With(ScriptLanguage.Japanese, "09:00", "18:00", 1, true, policy)).Notes);
        Assert.Contains(en, ScriptWriter.Write(ScriptKind.FollowUpEmail, With(ScriptLanguage.English, "09:00", "18:00", 1, true, policy)).Notes);
    }

    [Theory]
    [InlineData(1, "問い合わせは一度だけにしましょう。落ち着いた声で", "Ask once only. Keep a calm tone")]
    [InlineData(3, "問い合わせは多くても3回までにしましょう。落ち着いた声で", "Ask no more than 3 times. Keep a calm tone")]
    public void Follow_up_phone_note_uses_the_users_limit(int limit, string ja, string en)
    {
        var policy = EtiquettePolicy.Default with { FollowUpLimit = limit };

        Assert.Contains(ScriptWriter.Write(ScriptKind.FollowUpPhone, With(ScriptLanguage.Japanese, "09:00", "18:00", 1, true, policy)).Notes,
            n => n.StartsWith(ja, StringComparison.Ordinal));
        Assert.Contains(ScriptWriter.Write(ScriptKind.FollowUpPhone, With(ScriptLanguage.English, "09:00", "18:00", 1, true, policy)).Notes,
            n => n.StartsWith(en, StringComparison.Ordinal));
    }
}

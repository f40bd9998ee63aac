using System.Globalization;
using FollowUp.Domain.Advice;
using FollowUp.Domain.Applications;
using FollowUp.Domain.Events;
using FollowUp.Domain.Scripts;
using FollowUp.Web.Data;
using FollowUp.Web.Features.Applications;
using FollowUp.Web.Features.NextSteps;
using FollowUp.Web.Features.Scripts;

namespace FollowUp.Web.Tests.Scripts;

/// <summary>
/// What the script page fills in comes from the rules engine's own count (issue 13, point 7); no database.
/// Events are "code MM-dd HH:mm" separated by ';' (2026, Tokyo): M missed call, N call nobody answered
/// (no purpose), L message left (no purpose), R call that reached them, C they reached us, U "under review".
/// </summary>
public sealed class ScriptInputsTests
{
    private static DateTime T(string s) => DateTime.ParseExact("2026-" + s, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static (ApplicationDetail Detail, ApplicationAdvice Advice) Application(
        string events, string now, PolicySettings? own = null, PolicySettings? userDefault = null)
    {
        var app = new JobApplication
        {
            Id = 1, Company = "株式会社サンプル", Route = ApplicationRoute.Direct, Policy = own,
            OpensAt = new TimeOnly(8, 30), ClosesAt = new TimeOnly(17, 30),
        };
        var interview = new Interview
        {
            Id = 1, ApplicationId = 1, At = T("11-24 10:00"), Stage = InterviewStage.First,
            PromiseKind = ReplyPromiseKind.WithinWeeks, PromiseCount = 1,
        };
        var records = events.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select((e, i) => Record(i + 1, e)).ToList();
        var detail = new ApplicationDetail(app, [interview], records, userDefault);
        var utcNow = new DateTimeOffset(T(now), TimeSpan.FromHours(9));
        return (detail, ApplicationAdvice.For(app, [interview], records, detail.Policy, utcNow));
    }

    private static ContactEventRecord Record(int id, string e)
    {
        var code = e[..e.IndexOf(' ', StringComparison.Ordinal)];
        var r = new ContactEventRecord { Id = id, ApplicationId = 1, At = T(e[(code.Length + 1)..]) };
        switch (code)
        {
            case "M": r.Kind = ContactEventKind.MissedCall; r.Voicemail = VoicemailKind.CallBack; break;
            case "N": r.Kind = ContactEventKind.CallMade; r.CallOutcome = CallOutcome.NoAnswer; break;
            case "L": r.Kind = ContactEventKind.CallMade; r.CallOutcome = CallOutcome.LeftMessage; break;
            case "R": r.Kind = ContactEventKind.CallMade; r.CallOutcome = CallOutcome.Reached; break;
            case "C": r.Kind = ContactEventKind.ContactReceived; r.Channel = ContactChannel.Phone; break;
            case "U": r.Kind = ContactEventKind.Result; r.ResultOutcome = ResultOutcome.UnderReview; break;
            default: throw new ArgumentException(e, nameof(e));
        }

        return r;
    }

    [Theory]
    // They reached us, so the thread closed: a later call logged without a purpose is a follow-up, not a
    // fourth callback attempt (the old count ignored the contact and counted it).
    [InlineData("M 11-26 11:30; N 11-26 14:00; C 11-27 10:00; N 12-07 10:00", "12-08 09:00", "11-26 14:00", false)]
    // A result closes it too.
    [InlineData("M 11-26 11:30; U 11-27 10:00; N 11-30 10:00", "12-01 09:00", "", false)]
    // A newer missed call starts a new count.
    [InlineData("M 11-26 11:30; N 11-26 14:00; M 11-30 10:00; N 11-30 14:00", "12-01 09:00", "11-30 14:00", false)]
    // Two failed tries, both quoted.
    [InlineData("M 11-26 11:30; N 11-26 14:00; L 11-30 10:00", "12-01 09:00", "11-26 14:00|11-30 10:00", false)]
    // Not returned the day it was due: late, as the engine says (R4)...
    [InlineData("M 11-26 11:30", "11-27 10:00", "", true)]
    // ...and still late on the retry when the first try was already late.
    [InlineData("M 11-26 11:30; L 11-30 10:00", "12-02 10:00", "11-30 10:00", true)]
    public void Callback_details_are_the_engines(string events, string now, string attempts, bool late)
    {
        var (detail, advice) = Application(events, now);

        var ctx = ScriptInputs.Context(detail, advice, profile: null, japanese: true);

        Assert.Equal(attempts.Split('|', StringSplitOptions.RemoveEmptyEntries).Select(T), ctx.CallAttempts);
        Assert.Equal(late, ctx.IsLate);
    }

    [Theory]
    [InlineData(true, "11月26日(木)14時頃に折り返しお電話", "12月7日")]
    [InlineData(false, "1 time (Thursday, 26 November at around 14:00)", "7 December")]
    public void Email_instead_quotes_only_the_attempts_the_engine_counted(bool japanese, string expected, string absent)
    {
        var (detail, advice) = Application("M 11-26 11:30; N 11-26 14:00; C 11-27 10:00; N 12-07 10:00", "12-08 09:00");

        var body = ScriptWriter.Write(ScriptKind.EmailInstead, ScriptInputs.Context(detail, advice, profile: null, japanese)).Body;

        Assert.Contains(expected, body, StringComparison.Ordinal);
        Assert.DoesNotContain(absent, body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true, "送ったあと8営業日ほど返信がなければ", "電話は営業日の10:30〜12:00または13:00〜15:30にかけましょう")]
    [InlineData(false, "within about 8 business days", "Call on a business day between 10:30 and 12:00 or 13:00 and 15:30.")]
    public void Notes_quote_the_rules_this_application_follows(bool japanese, string moveOn, string callHours)
    {
        // The application's own rules win over the user's default; the company opens 08:30–17:30.
        var own = PolicySettings.Recommended with { MoveOnAfterBusinessDays = 8, CallWindowMarginHours = 2 };
        var userDefault = PolicySettings.Recommended with { MoveOnAfterBusinessDays = 3 };
        var (detail, advice) = Application("", "12-07 09:00", own, userDefault);
        var ctx = ScriptInputs.Context(detail, advice, profile: null, japanese);

        Assert.Contains(ScriptWriter.Write(ScriptKind.FollowUpEmail, ctx).Notes, n => n.Contains(moveOn, StringComparison.Ordinal));
        Assert.Contains(ScriptWriter.Write(ScriptKind.FollowUpPhone, ctx).Notes, n => n.Contains(callHours, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(true, "12月2日(水)は、お電話にてご対応いただき")]
    [InlineData(false, "Thank you for taking my call on Wednesday, 2 December.")]
    public void After_a_late_callback_got_through_the_thank_you_mail_is_offered_first(bool japanese, string expected)
    {
        var (detail, advice) = Application("M 11-26 11:30; R 12-02 10:00", "12-02 11:00");

        var kinds = ScriptInputs.KindsFor(detail, advice);
        var mail = ScriptWriter.Write(kinds[0], ScriptInputs.Context(detail, advice, profile: null, japanese));

        Assert.Equal(ScriptKind.CallbackThanksEmail, kinds[0]);
        Assert.Contains(ScriptKind.FollowUpEmail, kinds);
        Assert.Contains(expected, mail.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void After_an_on_time_callback_no_thank_you_mail_is_offered()
    {
        var (detail, advice) = Application("M 11-26 11:30; R 11-26 14:00", "11-26 15:00");

        Assert.DoesNotContain(ScriptKind.CallbackThanksEmail, ScriptInputs.KindsFor(detail, advice));
    }

    [Theory]
    [InlineData(true, "出張中で電話に出られませんでした。", "今後は、平日の18時以降でしたらお電話をお受けできます。", "【遅れた理由を一言で", "【電話に出られる時間帯")]
    [InlineData(false, "I was travelling for work.", "the best time to reach me by phone is on weekdays after 18:00.", "[the reason in one sentence", "[when you can take calls")]
    public void The_users_answers_fill_the_script_and_markers_stay_without_them(bool japanese, string reason, string reachable, string reasonMarker, string reachableMarker)
    {
        var (detail, advice) = Application("M 11-26 11:30", "11-30 10:00"); // not returned the day it was due: late
        var answers = new ScriptAnswers(
            LateReason: japanese ? "出張中で電話に出られませんでした" : "I was travelling for work",
            ReachableTimes: japanese ? "平日の18時以降" : "on weekdays after 18:00");

        var filled = ScriptWriter.Write(ScriptKind.CallbackPhone, ScriptInputs.Context(detail, advice, profile: null, japanese, answers)).Body;
        var bare = ScriptWriter.Write(ScriptKind.CallbackPhone, ScriptInputs.Context(detail, advice, profile: null, japanese));

        Assert.Contains(reason, filled, StringComparison.Ordinal);
        Assert.Contains(reachable, filled, StringComparison.Ordinal);
        Assert.Contains(reasonMarker, bare.Body, StringComparison.Ordinal);
        Assert.Contains(reachableMarker, bare.Body, StringComparison.Ordinal);
        Assert.Contains(ScriptFields.LateReason, bare.MissingFields);
        Assert.Contains(ScriptFields.ReachableTimes, bare.MissingFields);
    }

    [Theory]
    [InlineData(true, "入社後の研修の進め方", "もしかすると")]
    [InlineData(false, "how new staff are trained", "might not have reached me")]
    public void Learned_and_the_soft_variant_come_from_the_answers(bool japanese, string learned, string soft)
    {
        var (detail, advice) = Application("", "12-07 10:00");
        var answers = new ScriptAnswers(LearnedInInterview: learned, MessageMayNotHaveReached: true);
        var ctx = ScriptInputs.Context(detail, advice, profile: null, japanese, answers);

        Assert.Contains(learned, ScriptWriter.Write(ScriptKind.ThankYouEmail, ctx).Body, StringComparison.Ordinal);
        Assert.Contains(soft, ScriptWriter.Write(ScriptKind.FollowUpPhone, ctx).Body, StringComparison.Ordinal);
        Assert.DoesNotContain(soft, ScriptWriter.Write(ScriptKind.FollowUpPhone, ScriptInputs.Context(detail, advice, profile: null, japanese)).Body, StringComparison.Ordinal);
    }
}

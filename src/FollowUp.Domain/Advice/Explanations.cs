using System.Globalization;
using FollowUp.Domain.Calendar;
using FollowUp.Domain.Events;
using static FollowUp.Domain.Advice.Steps;

namespace FollowUp.Domain.Advice;

/// <summary>The friendly, concrete "why" of each step, in Japanese and English, with the actual times.</summary>
internal static class Explanations
{
    private const string KeepMovingJa = "その間も、ほかの応募は止めずに進めておきましょう。";
    private const string KeepMovingEn = "Meanwhile, keep your other applications moving.";

    public static LocalizedText For(Draft d, bool overdue, in Context c, TextFormat fmt) => d.Kind switch
    {
        StepKind.CallBack => CallBack(d, overdue, in c, fmt),
        StepKind.RetryCall => RetryCall(d, overdue, in c, fmt),
        StepKind.EmailInstead => new LocalizedText(
            $"{c.Facts.Attempts}回かけてもつながらなかったので、メールで連絡しましょう。折り返しのお電話を差し上げたこと、連絡のつく時間帯、お電話のご用件の確認を簡潔に書きます。",
            $"Your {c.Facts.Attempts} calls did not connect, so reply by email instead: say you tried to call back, when you can be reached, and ask what their call was about."),
        StepKind.Prepare => new LocalizedText(
            $"{fmt.JaDateTime(c.Interview.At)}に面接です。最後に、結果の連絡時期と方法、問い合わせ先、合格者のみに連絡するのかを確認しておきましょう。",
            $"Your interview is on {fmt.EnDateTime(c.Interview.At)}. At the end, ask when and how the result will come, whom to contact, and whether only successful candidates are contacted."),
        StepKind.SendThankYou => new LocalizedText(
            $"{fmt.JaDateTime(d.ClosesAt!.Value)}までに、短いお礼メールを送りましょう。面接で印象に残ったことを一つと仕事への意欲を添え、日程調整のメールがあれば同じスレッドで返信します。",
            $"Send a short thank-you email by {fmt.EnDateTime(d.ClosesAt!.Value)}: mention one thing you learned in the interview and your interest in the role, replying in the scheduling thread if there is one."),
        StepKind.FollowUp => FollowUp(d, overdue, in c, fmt),
        StepKind.MoveOn => MoveOn(d, in c, fmt),
        StepKind.Done => c.Facts.DoneOutcome switch
        {
            ResultOutcome.Offer => new LocalizedText(
                "内定の連絡がありました。おめでとうございます！条件を確認して、期限までにお返事しましょう。",
                "You received an offer. Congratulations! Check the terms and answer by their deadline."),
            ResultOutcome.NextRound => new LocalizedText(
                "次の選考に進みました。次の面接の日時を登録しましょう。",
                "You are through to the next round. Add the next interview."),
            _ => new LocalizedText(
                "不採用の連絡がありました。おつかれさまでした。希望すれば、選考のお礼とあわせて簡単なフィードバックをお願いできます（返事は期待せずに）。",
                "They turned you down. Well done for getting this far. If you like, thank them for the process and ask for brief feedback, without expecting an answer."),
        },
        _ => new LocalizedText(string.Empty, string.Empty),
    };

    private static LocalizedText CallBack(Draft d, bool overdue, in Context c, TextFormat fmt)
    {
        var cal = c.Calendar;
        var missed = c.Facts.MissedAt;
        var today = DateOnly.FromDateTime(c.Now);
        var (noteJa, noteEn) =
            c.Facts.DoneAt is not null && c.Facts.DoneAt < missed
                ? ("結果の連絡のあとでも、会社からの電話は大切な用件のことが多いので、必ず折り返しましょう。", " Even after their answer, a call from the company is usually about something that matters, so return it.")
            : c.Facts.Voicemail == VoicemailKind.WillCallAgain
                ? ("「改めてかけます」と言われていても、こちらから折り返すのがマナーです。", " Even if they said they would call again, returning the call is the polite thing to do.")
            : (string.Empty, string.Empty);
        const string HowJa = "「お世話になっております」と名乗り、折り返しであることと、出られなかったお詫びを伝えましょう。メモ、ペン、予定表を手元に。";
        const string HowEn = " Say who you are, that you are returning their call, and sorry to have missed it; have a memo pad, a pen and your schedule at hand.";

        if (overdue)
        {
            var next = cal.NextCallMoment(c.Now);
            return new LocalizedText(
                $"{fmt.JaDateTime(missed)}の着信にまだ折り返していません。遅くなっても、{fmt.JaDateTime(next)}以降に必ず折り返しましょう。最初に遅くなったことを一言お詫びし、これから連絡のつく時間帯を伝えます。",
                $"You have not yet returned their call of {fmt.EnDateTime(missed)}. Call back even now, from {fmt.EnDateTime(next)}: start with a short apology for the delay and say when you can be reached from now on.");
        }

        if (d.OpensAt == missed)
        {
            // They called inside a call window: return it now, today.
            return new LocalizedText(
                $"{fmt.JaDateTime(missed)}に不在着信がありました。今日の{TextFormat.Time(d.ClosesAt!.Value)}までに折り返しましょう。{noteJa}{HowJa}",
                $"You missed their call at {TextFormat.Time(missed)}. Call back today, by {TextFormat.Time(d.ClosesAt!.Value)}.{noteEn}{HowEn}");
        }

        var missedDay = DateOnly.FromDateTime(missed);
        var time = missed.TimeOfDay;
        var hours = cal.Calendar.Hours;
        var (reasonJa, reasonEn) =
            !cal.IsBusinessDay(missedDay) ? ("休業日の着信なので、", "They called on a day the company is closed, so")
            : time >= hours.Close.ToTimeSpan() ? ("営業時間外の着信なので、", "They called after business hours, so")
            : time < hours.Open.ToTimeSpan() ? ("営業時間外の着信なので、", "They called before business hours, so")
            : c.Policy.AvoidLunch && CallHours.IsLunch(time) ? ("昼休み中の着信なので、", "They called during lunch, so")
            : ("始業直後や終業間際は忙しい時間帯なので、", "The first and last hour of the day are busy, so");

        var opensDay = DateOnly.FromDateTime(d.OpensAt);
        var windows = cal.CallHours.InWords;
        var firstWindow = d.OpensAt == cal.NextCallMoment(opensDay.ToDateTime(TimeOnly.MinValue));
        var (whenJa, whenEn) = firstWindow
            ? ($"{fmt.JaDay(opensDay, today)}の{windows.Japanese}", $"{fmt.EnDay(opensDay, today)} {windows.English}")
            : ($"{fmt.JaDay(opensDay, today)}の{TextFormat.Time(d.OpensAt)}〜{TextFormat.Time(d.ClosesAt!.Value)}",
               $"{fmt.EnDay(opensDay, today)} between {TextFormat.Time(d.OpensAt)} and {TextFormat.Time(d.ClosesAt!.Value)}");
        return new LocalizedText(
            $"{reasonJa}{whenJa}に折り返しましょう。{noteJa}{HowJa}",
            $"{reasonEn} call back {whenEn}.{noteEn}{HowEn}");
    }

    private static LocalizedText RetryCall(Draft d, bool overdue, in Context c, TextFormat fmt)
    {
        var closes = d.ClosesAt!.Value;

        // What happened on the last try: someone who took a message (伝言) did answer, so "did not get through"
        // would misreport it; a voicemail was heard by nobody yet.
        var (whatJa, whatEn, pendingJa, pendingEn) = c.Facts.LastAttemptOutcome switch
        {
            CallOutcome.LeftMessage => ("伝言をお願いしました", "You left a message with them", "伝言への連絡がないまま", "No answer to your message, and"),
            CallOutcome.LeftVoicemail => ("留守番電話にメッセージを残しました", "You left a voicemail", "留守番電話への連絡がないまま", "No answer to your voicemail, and"),
            _ => ("折り返しがつながりませんでした", "Your callback did not get through", "折り返しがつながらないまま", "Your callback did not get through and"),
        };
        return overdue
            ? new LocalizedText(
                $"{pendingJa}、{fmt.JaDateTime(closes)}を過ぎました。{fmt.JaDateTime(c.Calendar.NextCallMoment(c.Now))}以降にもう一度かけましょう。",
                $"{pendingEn} {fmt.EnDateTime(closes)} has passed. Try once more from {fmt.EnDateTime(c.Calendar.NextCallMoment(c.Now))}.")
            : new LocalizedText(
                $"{whatJa}。続けてかけるのは控え、{fmt.JaDateTime(d.OpensAt)}から{fmt.JaDateTime(closes)}までにもう一度かけましょう。1日に何度もかけないのがマナーです。",
                $"{whatEn}. Don't call again right away: try once more between {fmt.EnDateTime(d.OpensAt)} and {fmt.EnDateTime(closes)}. Never several calls a day.");
    }

    private static LocalizedText FollowUp(Draft d, bool overdue, in Context c, TextFormat fmt)
    {
        var promised = c.PromisedDate is { } p ? p.ToDateTime(TimeOnly.MinValue) : default;
        var closes = d.ClosesAt ?? default;
        var reviewed = c.Facts.ReviewAt is not null;
        var days = c.Policy.MoveOnAfterBusinessDays;
        var reasonJa = new FollowUpReason(d.Rule, reviewed, fmt.JaDate(DateOnly.FromDateTime(promised)), fmt.JaDateTime(closes), days, Japanese: true);
        var reasonEn = new FollowUpReason(d.Rule, reviewed, fmt.EnDate(DateOnly.FromDateTime(promised)), fmt.EnDateTime(closes), days, Japanese: false);

        if (c.Now < d.OpensAt)
        {
            // The common "wait" text is built on the stack: no pooled buffers in the hot path.
            return new LocalizedText(
                string.Create(CultureInfo.InvariantCulture, stackalloc char[256], $"{fmt.JaDateTime(d.OpensAt)}まではお問い合わせを控えましょう。{reasonJa}{KeepMovingJa}"),
                string.Create(CultureInfo.InvariantCulture, stackalloc char[256], $"Hold off on asking until {fmt.EnDateTime(d.OpensAt)}. {reasonEn} {KeepMovingEn}"));
        }

        var (lateJa, lateEn) = overdue ? ("早めに", "soon, ") : (string.Empty, string.Empty);
        if (c.Facts.UnansweredFollowUpCall)
        {
            return new LocalizedText(
                $"問い合わせの電話はつながらなかったので、まだ問い合わせは済んでいません。日や時間帯を変えてかけ直すか、メールで{lateJa}一度だけ、「念のため」状況を確認しましょう。",
                $"Your inquiry call did not get through, so you have not asked yet. Call again on another day or at another time, or email, {lateEn}once and calmly, to confirm where things stand.");
        }

        return new LocalizedText(
            $"{reasonJa}{fmt.JaDateTime(d.OpensAt)}から問い合わせできます。催促ではなく「念のため」状況を確認する落ち着いた文面で、{lateJa}一度だけ連絡しましょう（件名例：面接結果に関するご確認）。",
            $"{reasonEn} Since {fmt.EnDateTime(d.OpensAt)} you may ask, {lateEn}once and calmly, to confirm where things stand, never to hurry them.");
    }

    private static LocalizedText MoveOn(Draft d, in Context c, TextFormat fmt)
    {
        var opens = d.OpensAt;
        var waiting = c.Now < opens;
        if (d.Rule == RuleId.R10)
        {
            return waiting
                ? new LocalizedText(
                    $"この会社は合格者にのみ連絡するとのことなので、問い合わせはしません。{fmt.JaDateTime(opens)}までに連絡がなければ、ご縁がなかったと考えて気持ちを切り替えましょう。{KeepMovingJa}",
                    $"This company contacts successful candidates only, so don't inquire. If nothing comes by {fmt.EnDateTime(opens)}, take it as a no and move on. {KeepMovingEn}")
                : new LocalizedText(
                    "合格者のみに連絡する会社で、連絡の目安を過ぎました。残念ですがご縁がなかったと考え、ほかの応募に力を注ぎましょう。",
                    "This company contacts successful candidates only and the expected date has passed. Take it as a no and put your energy into other applications.");
        }

        if (waiting && c.Facts.FollowUps > 0 && opens > AfterLastFollowUp(in c))
        {
            // An early inquiry: the company's own date has not passed, so nothing is decided yet.
            return new LocalizedText(
                $"問い合わせは済んでいます。会社が示した時期がまだ過ぎていないので、不採用と決めつけずに{fmt.JaDateTime(opens)}まで待ちましょう。それまでに返事がなければ、次へ進みましょう。{KeepMovingJa}",
                $"You have already asked. The company's own date has not passed yet, so don't assume a no: wait until {fmt.EnDateTime(opens)}, and move on if nothing comes by then. {KeepMovingEn}");
        }

        return waiting
            ? new LocalizedText(
                $"問い合わせは一度だけにしましょう。{fmt.JaDateTime(opens)}までに返事がなければ、不採用（サイレントお祈り）と考えて次へ進みましょう。{KeepMovingJa}",
                $"One inquiry is enough. If there is no answer by {fmt.EnDateTime(opens)}, treat it as a silent rejection and move on. {KeepMovingEn}")
            : new LocalizedText(
                "問い合わせから時間がたっても返事がありません。不採用（サイレントお祈り）と考えて、ほかの応募に力を注ぎましょう。",
                "Your inquiry has gone unanswered. Treat it as a silent rejection and put your energy into other applications.");
    }
}

/// <summary>Why the follow-up waits until it opens, written straight into the explanation (no intermediate string).</summary>
internal readonly record struct FollowUpReason(RuleId Rule, bool Reviewed, DateText Promised, DateText Closes, int Days, bool Japanese) : ISpanFormattable
{
    private static CultureInfo Inv => CultureInfo.InvariantCulture;

    public override string ToString() => string.Create(Inv, $"{this}");

    public string ToString(string? format, IFormatProvider? formatProvider) => ToString();

    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider) => (Rule, Japanese) switch
    {
        (RuleId.R6, true) when Reviewed => destination.TryWrite(Inv, $"選考中で、{Promised}までに連絡するとのことでした。", out charsWritten),
        (RuleId.R6, false) when Reviewed => destination.TryWrite(Inv, $"They said the selection is still under way and they would reply by {Promised}.", out charsWritten),
        (RuleId.R6, true) => destination.TryWrite(Inv, $"結果は{Promised}までに連絡するとのことでした。", out charsWritten),
        (RuleId.R6, false) => destination.TryWrite(Inv, $"They said they would reply by {Promised}.", out charsWritten),
        (RuleId.R7, true) => destination.TryWrite(Inv, $"結果の時期は伝えられていないので、面接から1週間が目安です（{Closes}までに）。", out charsWritten),
        (RuleId.R7, false) => destination.TryWrite(Inv, $"No date was given, so a week after the interview is the usual time (by {Closes}).", out charsWritten),
        (RuleId.R8, true) => destination.TryWrite(Inv, $"選考中とのことなので、面接から2週間、その返事から1週間は待ちましょう。", out charsWritten),
        (RuleId.R8, false) => destination.TryWrite(Inv, $"They said it is still under review, so wait two weeks from the interview and a week from that answer.", out charsWritten),
        (_, true) => destination.TryWrite(Inv, $"前回の問い合わせから{Days}営業日は待ちましょう。", out charsWritten),
        (_, false) => destination.TryWrite(Inv, $"Give your last inquiry {Days} business days.", out charsWritten),
    };
}

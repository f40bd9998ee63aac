namespace FollowUp.Domain.Scripts.Templates;

/// <summary>
/// Returning a missed call (折り返し). Direct or agency wording from the route; thanks for the interview
/// (or, with an agency, for arranging it). When the callback is late: an apology to the receptionist too,
/// then a short apology, the reason in one sentence, that one still wishes to continue, and when one can be
/// reached from now on.
/// </summary>
internal static class CallbackPhone
{
    public static Draft Write(Slots s, bool ja) => ja ? Japanese(s) : English(s);

    private static Draft Japanese(Slots s)
    {
        var name = s.Name(ja: true);
        var missed = s.MissedCallJa is { } m ? $"{m}に" : string.Empty;
        var who = s.IsAgency ? s.CoordinatorJa ?? "ご担当の方" : s.PersonJa ?? "採用ご担当の方";
        var date = ScriptDates.JaDate(s.InterviewDate);
        var intro = s.IsAgency
            ? $"{s.Agency(ja: true)}に派遣登録しております、{name}と申します。"
            : $"{date}に{s.StageDoneJa}、{name}と申します。";
        var from = s.IsAgency && s.CoordinatorJa is { } c ? $"{c}から" : string.Empty;
        var late = s.Ctx.IsLate;

        // Seed 001: when late, the receptionist hears the apology too, not only the person in charge.
        var returning = late
            ? $"{missed}{from}お電話をいただいておりましたのに、折り返しが遅くなってしまい、申し訳ございません。"
            : $"{missed}{from}お電話をいただいておりましたので、折り返しご連絡いたしました。";

        // A callback is also the first chance to thank them (seed 000): for the interview, or, with an
        // agency, for arranging it. Spoken, so 御社 (貴社 is for writing).
        var company = s.Company(ja: true);
        var thanks = s.IsAgency
            ? $"{date}は{company}様との{s.InterviewWordJa}をご調整いただき、ありがとうございました。"
            : $"{date}は{s.StageJa}のお時間をいただき、ありがとうございました。";

        // Late: own the delay, one reason, that one still wants the job, and when one can be reached.
        var wish = s.IsAgency
            ? $"{company}様でのお仕事は、引き続きぜひ希望しております。"
            : "御社で働きたいという気持ちに変わりはございませんので、引き続き選考を受けさせていただけますと幸いです。";
        var apology = late
            ? $"""
                折り返しのご連絡が遅くなり、ご迷惑をおかけして大変申し訳ございません。
                {s.LateReason(ja: true)}
                {wish}
                今後は、{s.Reachable(ja: true)}でしたらお電話をお受けできます。
                """
            : "せっかくお電話をいただきましたのに、出ることができず申し訳ございませんでした。";

        var body = $"""
            {PhoneParts.BeforeDialingJa}

            ■ 電話がつながったら（受付の方へ）
            「お世話になっております。
            {intro}
            {returning}
            恐れ入りますが、{who}はいらっしゃいますでしょうか。」

            ■ 担当の方に代わったら
            「お世話になっております。{name}です。
            {thanks}
            {apology}
            ご用件をお伺いしてもよろしいでしょうか。」

            ■ 用件を伺ったら
            ・日時や持ち物などはメモを取り、最後に復唱して確認しましょう。
            「ご連絡いただき、ありがとうございました。それでは、失礼いたします。」

            ■ 担当の方が不在のとき
            「不在・留守電のときの伝言」の台本を使いましょう。
            """;

        var notes = new List<string> { RuleNotes.CallWindowJa(s.Calendar) };
        if (s.IsAgency)
        {
            notes.Add("担当の方と親しい間柄なら「お疲れ様です」でも構いませんが、迷ったら「お世話になっております」が無難です。");
        }

        if (s.Ctx.IsLate)
        {
            notes.Add("遅れた理由は一言だけにし、言い訳を重ねないようにしましょう。遅れても、折り返しはしたほうが印象が良くなります。");
            notes.Add("話ができたら、お礼とお詫びを伝える短いメール（「お電話のお礼」）を送りましょう。");
        }

        return new(null, ScriptLines.Tidy(body), [.. notes]);
    }

    private static Draft English(Slots s)
    {
        var name = s.Name(ja: false);
        var missed = s.MissedCallEn is { } m ? $" {m}" : string.Empty;
        var who = s.IsAgency ? s.CoordinatorEn ?? "my coordinator" : s.PersonEn ?? "the person in charge of recruitment";
        var date = ScriptDates.EnDate(s.InterviewDate);
        var intro = s.IsAgency
            ? $"My name is {name}. I am registered with {s.Agency(ja: false)}."
            : $"My name is {name}. I had my {s.StageEn} with you on {date}.";
        var late = s.Ctx.IsLate;
        var returning = late
            ? $"You called me{missed}, and I am sorry to be returning your call so late."
            : $"I received a call from you{missed} and am calling you back.";
        var company = s.Company(ja: false);
        var thanks = s.IsAgency
            ? $"Thank you for arranging my {s.StageEn} with {company} on {date}."
            : $"Thank you for your time at the {s.StageEn} on {date}.";
        var wish = s.IsAgency
            ? $"I am still very interested in the position at {company}."
            : "I am still very keen to work with you, and I would be grateful to continue in the selection process.";
        var apology = late
            ? $"""
                I apologise for taking so long to return your call, and for any inconvenience.
                {s.LateReason(ja: false)}
                {wish}
                From now on, the best time to reach me by phone is {s.Reachable(ja: false)}.
                """
            : "I am sorry I missed your call.";

        var body = $"""
            {PhoneParts.BeforeDialingEn}

            ■ When someone answers
            "Hello, good morning (or good afternoon).
            {intro}
            {returning}
            Could I speak to {who}, please?"

            ■ When you are put through
            "Hello, this is {name}.
            {thanks}
            {apology}
            May I ask what your call was about?"

            ■ When you have heard the message
            - Note down dates and anything to bring, and repeat them back to confirm.
            "Thank you for calling me. Goodbye."

            ■ If the person is out
            Use the "Message if they are out" script.
            """;

        var notes = new List<string> { RuleNotes.CallWindowEn(s.Calendar) };
        if (s.Ctx.IsLate)
        {
            notes.Add("Give the reason in one sentence, without excuses. A late callback still leaves a better impression than none.");
            notes.Add("Once you have spoken to them, send a short email of thanks and apology (\"Thank you for speaking with me\").");
        }

        return new(null, ScriptLines.Tidy(body), [.. notes]);
    }
}

namespace FollowUp.Domain.Scripts.Templates;

/// <summary>
/// Returning a missed call (折り返し). Direct or agency wording from the route; when the callback is
/// late, a short apology, the reason in one sentence, and when one can be reached from now on.
/// </summary>
internal static class CallbackPhone
{
    public static Draft Write(Slots s, bool ja) => ja ? Japanese(s) : English(s);

    private static Draft Japanese(Slots s)
    {
        var name = s.Name(ja: true);
        var missed = s.MissedCallJa is { } m ? $"{m}に" : string.Empty;
        var who = s.IsAgency ? s.CoordinatorJa ?? "ご担当の方" : s.PersonJa ?? "採用ご担当の方";
        var intro = s.IsAgency
            ? $"{s.Agency(ja: true)}に派遣登録しております、{name}と申します。"
            : $"{Slots.JaDate(s.InterviewDate)}に{s.StageDoneJa}、{name}と申します。";
        var from = s.IsAgency && s.CoordinatorJa is { } c ? $"{c}から" : string.Empty;

        // The time was already said to the receptionist; the person in charge hears only the apology.
        // The late variant replaces the plain apology: own the delay, one reason, then how to reach us.
        var apology = s.Ctx.IsLate
            ? $"""
                お電話をいただいておりましたのに、折り返しが遅くなり、大変申し訳ございません。
                {s.LateReason(ja: true)}
                今後は、{s.Reachable(ja: true)}でしたら確実にお電話に出られます。
                """
            : "せっかくお電話をいただきましたのに、出ることができず申し訳ございませんでした。";

        var body = $"""
            {PhoneParts.BeforeDialingJa}

            ■ 電話がつながったら（受付の方へ）
            「お世話になっております。
            {intro}
            {missed}{from}お電話をいただいておりましたので、折り返しご連絡いたしました。
            恐れ入りますが、{who}はいらっしゃいますでしょうか。」

            ■ 担当の方に代わったら
            「お世話になっております。{name}です。
            {apology}
            ご用件をお伺いしてもよろしいでしょうか。」

            ■ 用件を伺ったら
            ・日時や持ち物などはメモを取り、最後に復唱して確認しましょう。
            「ご連絡いただき、ありがとうございました。それでは、失礼いたします。」

            ■ 担当の方が不在のとき
            「不在時・留守番電話のメッセージ」の台本を使いましょう。
            """;

        var notes = new List<string> { RuleNotes.CallWindowJa(s.Calendar) };
        if (s.IsAgency)
        {
            notes.Add("担当の方と親しい間柄なら「お疲れ様です」でも構いませんが、迷ったら「お世話になっております」が無難です。");
        }

        if (s.Ctx.IsLate)
        {
            notes.Add("遅れた理由は一言だけにし、言い訳を重ねないようにしましょう。遅れても、折り返しはしたほうが印象が良くなります。");
        }

        return new(null, Slots.Tidy(body), [.. notes]);
    }

    private static Draft English(Slots s)
    {
        var name = s.Name(ja: false);
        var missed = s.MissedCallEn is { } m ? $" {m}" : string.Empty;
        var who = s.IsAgency ? s.CoordinatorEn ?? "my coordinator" : s.PersonEn ?? "the person in charge of recruitment";
        var intro = s.IsAgency
            ? $"My name is {name}. I am registered with {s.Agency(ja: false)}."
            : $"My name is {name}. I had my {s.StageEn} with you on {Slots.EnDate(s.InterviewDate)}.";

        var apology = s.Ctx.IsLate
            ? $"""
                I am very sorry for returning your call{missed} so late.
                {s.LateReason(ja: false)}
                From now on, I can reliably take calls {s.Reachable(ja: false)}.
                """
            : $"I am sorry I missed your call{missed}.";

        var body = $"""
            {PhoneParts.BeforeDialingEn}

            ■ When someone answers
            "Hello, good morning (or good afternoon).
            {intro}
            I received a call from you{missed} and am calling you back.
            Could I speak to {who}, please?"

            ■ When you are put through
            "Hello, this is {name}.
            {apology}
            May I ask what your call was about?"

            ■ When you have heard the message
            - Note down dates and anything to bring, and repeat them back to confirm.
            "Thank you for calling me. Goodbye."

            ■ If the person is out
            Use the "message for an absent person or voicemail" script.
            """;

        var notes = new List<string> { RuleNotes.CallWindowEn(s.Calendar) };
        if (s.Ctx.IsLate)
        {
            notes.Add("Give the reason in one sentence, without excuses. A late callback still leaves a better impression than none.");
        }

        return new(null, Slots.Tidy(body), [.. notes]);
    }
}
